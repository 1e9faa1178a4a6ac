import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/test-databases.ts';
import { createTestApp, seedOrg, signIn, type SeededOrg, type Session, type TestApp } from '../../../test/support/test-app.ts';

type Row = [id: string, windowStart: string, dueDate: string, status: string];
interface Item { id: string; windowStart: string; dueDate: string; status: string; provisional: boolean }
const rows = (items: Item[]): Row[] => items.map((o) => [o.id, o.windowStart, o.dueDate, o.status]);

describe.each(testDialects())('obligations preview API on $name', (dialect) => {
  let t: TestApp;
  let org: SeededOrg;
  let client: Session;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    org = await seedOrg(t.ctx, 'Oblig');
    client = await signIn(t.app, org.emails.client);
  });
  afterAll(() => t?.close());

  const preview = (payload: unknown) => client.request({ method: 'POST', url: '/api/obligations/preview', payload }).then((r) => ({ status: r.statusCode, body: r.json() }));

  it('derives the dated obligations of a licence, sorted by due date, with basis and source', async () => {
    const { status, body } = await preview({ service: 'B24-1', scope: 'BJ', issuedOn: '2024-01-15', today: '2026-03-10', servicesOpenedOn: { 'B24-1': '2024-05-01' }, annualReportsFiled: [2025] });
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body).toMatchObject({ services: ['B24-1'], scope: 'BJ', today: '2026-03-10', expiresOn: '2029-01-15', expiresOnAssumed: true, provisional: false, overriddenKeys: [] });
    expect(rows(body.items)).toEqual<Row[]>([
      ['start-operating:B24-1', '2024-01-15', '2025-01-15', 'done'],
      ['annual-report:2025', '2025-01-01', '2025-03-31', 'done'],
      ['annual-report:2026', '2026-01-01', '2026-03-31', 'due-soon'],
      ['annual-report:2027', '2027-01-01', '2027-03-31', 'upcoming'],
      ['annual-report:2028', '2028-01-01', '2028-03-31', 'upcoming'],
      ['renewal', '2028-07-19', '2028-10-17', 'upcoming'],
      ['expiry', '2028-07-19', '2029-01-15', 'upcoming'],
      ['annual-report:2029', '2029-01-01', '2029-03-31', 'upcoming'],
    ]);
    const renewal = body.items.find((o: Item) => o.id === 'renewal');
    expect(renewal).toMatchObject({ severity: 'high', confidence: 'H', provisional: false, provisionalReason: null, source: { ref: expect.stringContaining('第二十七条') } });
    expect(renewal.basis.zh).toContain('2028-10-17');
  });

  it('takes several services, changes, numbers and provincial filings', async () => {
    const { status, body } = await preview({
      services: ['B24-1', 'B25-SP'], scope: 'cross-regional', issuedOn: '2023-06-30', expiresOn: '2028-06-29', today: '2026-04-15',
      registrationChanges: [{ kind: 'name', changedOn: '2026-04-01' }], approvalChanges: [{ kind: 'shareholder', decidedOn: '2026-04-10', filedOn: '2026-04-12' }],
      numbersHeld: [{ number: '95123', since: '2023-10-01' }], provincesOfOperation: ['GD'], provincialFilings: { GD: '2023-08-01' },
    });
    expect(status, JSON.stringify(body)).toBe(200);
    const ids = body.items.map((o: Item) => o.id);
    expect(ids).toEqual(expect.arrayContaining(['start-operating:B24-1', 'start-operating:B25-SP', 'registration-change:name:2026-04-01', 'approval-change:shareholder:2026-04-10', 'number-annual-report:2026', 'provincial-filing:GD']));
    // 30 days end on 1 May 2026, in the Labour Day break (1–5 May): the period runs to the 6th (民法典第二百零三条).
    expect(body.items.find((o: Item) => o.id === 'registration-change:name:2026-04-01')).toMatchObject({ dueDate: '2026-05-06', status: 'due-soon' });
    expect(body.items.find((o: Item) => o.id === 'approval-change:shareholder:2026-04-10').status).toBe('done');
    expect(body).toMatchObject({ expiresOn: '2028-06-29', expiresOnAssumed: false });
  });

  it('computes statuses for today in China when no day is given', async () => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const { body } = await preview({ service: 'B24-1', scope: 'GD', issuedOn: '2025-12-20' });
    expect(body.today).toBe(today);
  });

  it('refuses bad input with 400 naming the field, including dates deep in the facts', async () => {
    const base = { service: 'B24-1', scope: 'BJ', issuedOn: '2024-01-15' };
    const cases: Array<[unknown, string]> = [
      [{ scope: 'BJ', issuedOn: '2024-01-15' }, 'service'],
      [{ ...base, service: 'B77' }, 'service'],
      [{ ...base, services: ['B24-1', 'ICP'] }, 'services.1'],
      [{ ...base, scope: 'cross' }, 'scope'],
      [{ ...base, issuedOn: '2024-02-30' }, 'issuedOn'],
      [{ ...base, issuedOn: '15/01/2024' }, 'issuedOn'],
      [{ ...base, expiresOn: '2023-01-01' }, 'expiresOn'],
      [{ ...base, today: '2026-13-01' }, 'today'],
      [{ ...base, registrationChanges: [{ kind: 'name', changedOn: '2026-04-31' }] }, 'registrationChanges.0.changedOn'],
      [{ ...base, registrationChanges: [{ kind: 'address', changedOn: '2026-04-01' }] }, 'registrationChanges.0.kind'],
      [{ ...base, provincialFilings: { HK: '2024-02-01' } }, 'provincialFilings.HK'],
      [{ ...base, issuedOn: '2150-06-01' }, 'issuedOn'],
    ];
    for (const [payload, field] of cases) {
      const res = await preview(payload);
      expect(res.status, `${field}: ${JSON.stringify(res.body)}`).toBe(400);
      expect(res.body.error.details.map((d: { field: string }) => d.field), field).toContain(field);
    }
  });
});
