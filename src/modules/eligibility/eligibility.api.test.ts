import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/test-databases.ts';
import { createTestApp, seedOrg, signIn, type SeededOrg, type Session, type TestApp } from '../../../test/support/test-app.ts';

const company = {
  registeredCapital: 2_000_000,
  businessScope: '呼叫中心业务；软件开发',
  foreignSharePercent: 0,
  province: 'BJ',
  declarations: { notDishonest: true, staffCount: 12, socialInsuranceStaffCount: 3, hasEquipmentEvidence: true, hasPremises: true, hasTrunkLines: true },
};

interface Row { key: string; result: string; explanation: { zh: string; en: string } }
const row = (body: { rows: Row[] }, key: string) => body.rows.find((r) => r.key === key)!;

describe.each(testDialects())('eligibility API on $name', (dialect) => {
  let t: TestApp;
  let org: SeededOrg;
  let other: SeededOrg;
  let staff: Session;
  let client: Session;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    org = await seedOrg(t.ctx, 'Elig');
    other = await seedOrg(t.ctx, 'EligOther');
    staff = await signIn(t.app, org.emails.staff);
    client = await signIn(t.app, org.emails.client);
  });
  afterAll(() => t?.close());

  const post = (s: Session, payload: unknown) => s.request({ method: 'POST', url: '/api/eligibility', payload }).then((r) => ({ status: r.statusCode, body: r.json() }));

  it('checks a company typed in: eligible in-province, not cross-regional for lack of capital', async () => {
    const local = await post(staff, { service: 'B24-1', scope: 'BJ', company });
    expect(local.status, JSON.stringify(local.body)).toBe(200);
    expect(local.body).toMatchObject({ service: 'B24-1', scope: 'BJ', clientId: null, eligible: true, hasUnknowns: false });
    expect(row(local.body, 'registered-capital')).toMatchObject({ result: 'pass', source: { ref: expect.stringContaining('第六条') }, confidence: 'H', level: 'block' });
    const national = await post(staff, { service: 'B24-1', scope: 'cross-regional', company });
    expect(national.body.eligible).toBe(false);
    expect(row(national.body, 'registered-capital').explanation.zh).toBe('注册资本 ¥2,000,000 低于跨地区要求的 ¥10,000,000。');
  });

  it('reports a missing declaration as unknown, never as a pass', async () => {
    const { body } = await post(staff, { service: 'B24-1', scope: 'BJ', company: { ...company, declarations: undefined } });
    expect(body).toMatchObject({ eligible: true, hasUnknowns: true });
    expect(row(body, 'not-dishonest').result).toBe('unknown');
  });

  it('refuses a bad service, scope or company with 400 naming the field', async () => {
    const cases: Array<[unknown, string]> = [
      [{ service: 'B99', scope: 'BJ', company }, 'service'],
      [{ service: 'B24-1', scope: 'HK', company }, 'scope'],
      [{ service: 'B24-1', scope: 'BJ' }, 'company'],
      [{ service: 'B24-1', scope: 'BJ', company: { ...company, registeredCapital: undefined } }, 'company.registeredCapital'],
      [{ service: 'B24-1', scope: 'BJ', company: { ...company, foreignSharePercent: 101 } }, 'company.foreignSharePercent'],
      [{ service: 'B24-1', scope: 'BJ', company: { ...company, declarations: { staffCount: -1 } } }, 'company.declarations.staffCount'],
    ];
    for (const [payload, field] of cases) {
      const res = await post(staff, payload);
      expect(res.status, field).toBe(400);
      expect(res.body.error.details.map((d: { field: string }) => d.field), field).toContain(field);
    }
  });

  it('prefills from a client company; facts the record lacks make their criteria unknown', async () => {
    const { status, body } = await post(staff, { service: 'B24-1', scope: 'BJ', clientId: org.clientIds[0] });
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body).toMatchObject({ clientId: org.clientIds[0], company: { registeredCapital: 2_000_000, province: 'BJ', businessScope: null, foreignSharePercent: null }, eligible: true, hasUnknowns: true });
    expect(row(body, 'registered-capital').result).toBe('pass');
    expect(row(body, 'registration-province').result).toBe('pass');
    expect(row(body, 'business-scope')).toMatchObject({ result: 'unknown', explanation: { zh: expect.stringContaining('经营范围') } });
    // A call centre has no foreign-equity cap, so an unrecorded share decides nothing.
    expect(row(body, 'foreign-share').result).toBe('pass');
    const icp = await post(staff, { service: 'B25-ICP', scope: 'BJ', clientId: org.clientIds[0] });
    expect(row(icp.body, 'foreign-share').result).toBe('unknown');
  });

  it('lets given company fields replace the client record’s', async () => {
    const { body } = await post(staff, { service: 'B24-1', scope: 'SH', clientId: org.clientIds[0], company: { businessScope: '第二类增值电信业务', declarations: { notDishonest: false } } });
    expect(row(body, 'business-scope').result).toBe('pass');
    expect(row(body, 'registration-province').result).toBe('fail');
    expect(row(body, 'not-dishonest').result).toBe('fail');
    expect(body.eligible).toBe(false);
  });

  it('takes null in company fields as unknown, overriding the client record', async () => {
    const { status, body } = await post(staff, { service: 'B24-1', scope: 'BJ', clientId: org.clientIds[0], company: { registeredCapital: null, province: null, declarations: { staffCount: null, notDishonest: true } } });
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body.company).toMatchObject({ registeredCapital: null, province: null, declarations: { notDishonest: true } });
    expect(body.company.declarations).not.toHaveProperty('staffCount');
    expect(row(body, 'registered-capital')).toMatchObject({ result: 'unknown', explanation: { zh: '注册资本已标为未知（不采用客户档案中的值），无法判断。' } });
    expect(row(body, 'registration-province').result).toBe('unknown');
    expect(row(body, 'staff-count').result).toBe('unknown');
    expect(row(body, 'not-dishonest').result).toBe('pass');
    // Without a client, the core facts stay required: null is not an answer.
    const typed = await post(staff, { service: 'B24-1', scope: 'BJ', company: { ...company, registeredCapital: null } });
    expect(typed.status).toBe(400);
    expect(typed.body.error.details.map((d: { field: string }) => d.field)).toEqual(['company.registeredCapital']);
  });

  it("answers another organisation's client, or a missing one, with 404", async () => {
    for (const clientId of [other.clientIds[0], '7d0c1a2e-1111-4222-8333-944455556666']) {
      const res = await post(staff, { service: 'B24-1', scope: 'BJ', clientId });
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('NOT_FOUND');
    }
  });

  it('lets a client-role user check only their own company', async () => {
    expect((await post(client, { service: 'B24-1', scope: 'BJ', clientId: org.clientIds[0] })).status).toBe(200);
    expect((await post(client, { service: 'B24-1', scope: 'BJ', clientId: org.clientIds[1] })).status).toBe(404);
    expect((await post(client, { service: 'B24-1', scope: 'BJ', company })).status).toBe(200);
  });
});
