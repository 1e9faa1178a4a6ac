import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/test-databases.ts';
import { createTestApp, seedOrg, signIn, type SeededOrg, type Session, type TestApp } from '../../../test/support/test-app.ts';

const inProvince = 'processing.in-province.working-days';
const startMonths = 'obligations.start-operating.months';

interface Setting { key: string; value: number | null; defaultValue: number; min: number; max: number }
interface Stage { key: string; duration: { practice: { value: number; overridden: boolean } | null } }

describe.each(testDialects())('rule overrides on $name', (dialect) => {
  let t: TestApp;
  let org: SeededOrg;
  let other: SeededOrg;
  let admin: Session;
  let owner: Session;
  let staff: Session;
  let client: Session;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    org = await seedOrg(t.ctx, 'Rules');
    other = await seedOrg(t.ctx, 'RulesOther');
    admin = await signIn(t.app, org.emails.admin);
    owner = await signIn(t.app, org.emails.owner);
    staff = await signIn(t.app, org.emails.staff);
    client = await signIn(t.app, org.emails.client);
  });
  afterAll(() => t?.close());

  const get = (s: Session, url: string) => s.request({ method: 'GET', url }).then((r) => ({ status: r.statusCode, body: r.json() }));
  const currentVersion = async () => (await get(owner, '/api/settings/rules')).body.version as number;
  /** A change based on the version just read, as the settings page sends it. */
  const put = async (s: Session, overrides: Record<string, unknown>) =>
    s.request({ method: 'PUT', url: '/api/settings/rules', payload: { version: await currentVersion(), overrides } }).then((r) => ({ status: r.statusCode, body: r.json() }));
  const stored = () => t.ctx.db.selectFrom('orgSettings').selectAll().where('orgId', '=', org.orgId).orderBy('key').execute();
  const auditEntries = async () => (await get(owner, '/api/audit?action=settings.rules.update&pageSize=100')).body.items as Array<{ changes: Record<string, { from: unknown; to: unknown }>; actor: { email: string }; summary: string }>;
  const valueOf = (items: Setting[], key: string) => items.find((s) => s.key === key)!.value;
  const total = (body: { processStages: { inProvince: Stage[] } }) => body.processStages.inProvince.find((s) => s.key === 'receive-licence')!.duration.practice!;

  it('lists every overridable setting with default, bounds, source and no value yet', async () => {
    const { status, body } = await get(staff, '/api/settings/rules');
    expect(status).toBe(200);
    const setting = body.items.find((s: Setting) => s.key === inProvince);
    expect(setting).toMatchObject({ title: { zh: '省内许可办理时长估计' }, unit: 'working-days', defaultValue: 60, min: 5, max: 250, confidence: 'M', value: null, source: { kind: 'guide' } });
    expect(body.items.map((s: Setting) => s.key)).toContain('eligibility.foreign-cap.B25-ICP');
    expect((await get(client, '/api/settings/rules')).status).toBe(403);
  });

  it('a staff user cannot change rules, and nothing is saved', async () => {
    const res = await put(staff, { [inProvince]: 45 });
    expect(res.status).toBe(403);
    expect(await stored()).toEqual([]);
  });

  it('saves overrides, audits each key, and the catalog and obligations then use them', async () => {
    const res = await put(admin, { [inProvince]: 45, [startMonths]: 6 });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(valueOf(res.body.items, inProvince)).toBe(45);
    expect(valueOf((await get(staff, '/api/settings/rules')).body.items, startMonths)).toBe(6);

    const audit = await auditEntries();
    expect(audit).toHaveLength(1);
    expect(audit[0].actor.email).toBe(org.emails.admin);
    expect(audit[0].changes).toEqual({ [inProvince]: { from: null, to: 45 }, [startMonths]: { from: null, to: 6 } });
    expect(audit[0].summary).toBe(`修改规则配置：${inProvince} 默认 → 45；${startMonths} 默认 → 6`);

    // Any role, client users included, sees the organisation's values on the service page.
    const page = (await get(client, '/api/catalog/services/B24-1')).body;
    expect(total(page)).toMatchObject({ value: 45, defaultValue: 60, overridden: true });
    expect(page.overriddenKeys.sort()).toEqual([startMonths, inProvince].sort());
    const start = page.obligationRules.find((r: { kind: string }) => r.kind === 'start-operating');
    expect(start.due.offset).toMatchObject({ value: 6, defaultValue: 12, overridden: true });
    expect(start.dueSummary.zh).toBe('许可证颁发后6个月内');
    expect(page.settings.find((s: { key: string }) => s.key === inProvince)).toMatchObject({ value: 45, overridden: true });

    const preview = (await client.request({ method: 'POST', url: '/api/obligations/preview', payload: { service: 'B24-1', scope: 'BJ', issuedOn: '2026-01-15', today: '2026-02-01' } })).json();
    expect(preview.items.find((o: { id: string }) => o.id === 'start-operating:B24-1').dueDate).toBe('2026-07-15');
    expect(preview.overriddenKeys).toEqual([startMonths]);

    // Another organisation keeps the defaults.
    const otherAdmin = await signIn(t.app, other.emails.admin);
    expect(total((await get(otherAdmin, '/api/catalog/services/B24-1')).body)).toMatchObject({ value: 60, overridden: false });
    expect(valueOf((await get(otherAdmin, '/api/settings/rules')).body.items, inProvince)).toBeNull();
  });

  it('applies eligibility thresholds too', async () => {
    expect((await put(owner, { 'eligibility.staff.minimum': 15 })).status).toBe(200);
    const company = { registeredCapital: 2_000_000, businessScope: '呼叫中心业务', foreignSharePercent: 0, province: 'BJ', declarations: { staffCount: 12 } };
    const res = (await staff.request({ method: 'POST', url: '/api/eligibility', payload: { service: 'B24-1', scope: 'BJ', company } })).json();
    expect(res.rows.find((r: { key: string }) => r.key === 'staff-count')).toMatchObject({ result: 'warn', explanation: { zh: expect.stringContaining('15') } });
    const criterion = (await get(staff, '/api/catalog/services/B24-1')).body.eligibility.find((c: { key: string }) => c.key === 'staff-count');
    expect(criterion).toMatchObject({ requirement: { zh: '建议至少有15名技术及管理人员。' }, setting: { value: 15, defaultValue: 10, overridden: true } });
    expect((await put(owner, { 'eligibility.staff.minimum': null })).status).toBe(200);
  });

  it('refuses an invalid value with 400 naming the key, and saves nothing from that request', async () => {
    const before = await stored();
    const auditBefore = (await auditEntries()).length;
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ 'obligations.due-soon.days': 10, [inProvince]: 300 }, `overrides.${inProvince}`, 'OUT_OF_RANGE'],
      [{ [startMonths]: 4.5 }, `overrides.${startMonths}`, 'NOT_AN_INTEGER'],
      [{ 'eligibility.social-insurance.minimum': 20 }, 'overrides.eligibility.social-insurance.minimum', 'INCONSISTENT'],
      [{ 'eligibility.staff.minimum': 2 }, 'overrides.eligibility.staff.minimum', 'INCONSISTENT'],
      [{ 'processing.everything.days': 3 }, 'overrides.processing.everything.days', 'ADDITIONALPROPERTIES'],
      [{ [inProvince]: '45' }, `overrides.${inProvince}`, 'TYPE'],
    ];
    for (const [overrides, field, code] of cases) {
      const res = await put(admin, overrides);
      expect(res.status, field).toBe(400);
      expect(res.body.error.details[0], field).toMatchObject({ field, code });
    }
    const en = await admin.request({ method: 'PUT', url: '/api/settings/rules', payload: { version: await currentVersion(), overrides: { [inProvince]: 300 } }, headers: { 'accept-language': 'en' } });
    expect(en.json().error.message).toBe(`Rule setting ${inProvince}: 'Estimated in-province processing time' must be between 5 and 250; got 300.`);
    expect(await stored()).toEqual(before);
    expect(await auditEntries()).toHaveLength(auditBefore);
  });

  it('null resets a key to the default; an unchanged value writes no audit entry', async () => {
    const auditBefore = (await auditEntries()).length;
    expect((await put(admin, { [inProvince]: 45 })).status).toBe(200);
    expect(await auditEntries()).toHaveLength(auditBefore);
    const reset = await put(admin, { [inProvince]: null });
    expect(valueOf(reset.body.items, inProvince)).toBeNull();
    expect(valueOf(reset.body.items, startMonths)).toBe(6);
    expect((await auditEntries())[0].changes).toEqual({ [inProvince]: { from: 45, to: null } });
    expect(total((await get(staff, '/api/catalog/services/B24-1')).body)).toMatchObject({ value: 60, overridden: false });
    expect((await stored()).map((r) => r.key)).toEqual([startMonths]);
  });

  it('a change based on an old version answers 409 VERSION_CONFLICT and saves nothing', async () => {
    const read = await currentVersion();
    expect((await put(admin, { [startMonths]: 9 })).status).toBe(200);
    const before = await stored();
    const stale = await admin.request({ method: 'PUT', url: '/api/settings/rules', payload: { version: read, overrides: { [startMonths]: 3 } } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'VERSION_CONFLICT', details: [{ field: 'version', currentVersion: read + 1 }] });
    expect(await stored()).toEqual(before);
    expect((await put(admin, { [startMonths]: null })).status).toBe(200);
  });

  it('of 20 writers that read the same version, exactly one saves', async () => {
    const read = await currentVersion();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => admin.request({ method: 'PUT', url: '/api/settings/rules', payload: { version: read, overrides: { [startMonths]: 1 + (i % 11) } } })),
    );
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(19);
    expect(await currentVersion()).toBe(read + 1);
    expect((await put(admin, { [startMonths]: null })).status).toBe(200);
  });

  it('a change that changes nothing keeps the version, so it refuses nobody else’s next save', async () => {
    const read = await currentVersion();
    const same = await admin.request({ method: 'PUT', url: '/api/settings/rules', payload: { version: read, overrides: {} } });
    expect(same.statusCode).toBe(200);
    expect(same.json().version).toBe(read);
    expect((await put(admin, { [startMonths]: 7 })).status).toBe(200);
    expect((await put(admin, { [startMonths]: null })).status).toBe(200);
  });
});
