import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/test-databases.ts';
import { createTestApp, seedOrg, signIn, type SeededOrg, type Session, type TestApp } from '../../../test/support/test-app.ts';

describe.each(testDialects())('licence catalog API on $name', (dialect) => {
  let t: TestApp;
  let org: SeededOrg;
  let client: Session;
  let staff: Session;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    org = await seedOrg(t.ctx, 'Catalog');
    client = await signIn(t.app, org.emails.client);
    staff = await signIn(t.app, org.emails.staff);
  });
  afterAll(() => t?.close());

  const get = (s: Session, url: string, headers?: Record<string, string>) => s.request({ method: 'GET', url, headers }).then((r) => ({ status: r.statusCode, body: r.json() }));

  it('lists the catalogue’s services with names, class, parent and description', async () => {
    const { status, body } = await get(client, '/api/catalog/services');
    expect(status).toBe(200);
    expect(body.items.map((s: { code: string }) => s.code)).toContain('B24-1');
    expect(body.items.find((s: { code: string }) => s.code === 'B24-1')).toEqual({
      code: 'B24-1', zh: '国内呼叫中心业务', en: 'Domestic call centre', class: 'B2', parent: 'B24', description: { zh: expect.any(String), en: expect.any(String) },
    });
  });

  it('shows everything a service page needs, each item with its source', async () => {
    const { status, body } = await get(client, '/api/catalog/services/b24-1');
    expect(status).toBe(200);
    expect(body.service).toMatchObject({ code: 'B24-1', zh: '国内呼叫中心业务', confidence: 'H', source: { kind: 'notice', ref: expect.stringContaining('电信业务分类目录') } });
    expect(body.authorities.inProvince).toHaveLength(31);
    expect(body.authorities.inProvince.find((a: { scope: string }) => a.scope === 'SH')).toMatchObject({ zh: '上海市通信管理局', abbr: '沪', level: 'provincial' });
    expect(body.authorities.crossRegional.authority).toMatchObject({ zh: '中华人民共和国工业和信息化部', abbr: null });
    expect(body.authorities.crossRegional.provincialFiling.title.zh).toBe('跨地区许可省级备案');
    expect(body.eligibility.find((c: { key: string }) => c.key === 'registered-capital')).toMatchObject({ level: 'block', confidence: 'H', source: { ref: expect.stringContaining('第六条') } });
    expect(body.eligibility.find((c: { key: string }) => c.key === 'foreign-share').setting).toMatchObject({ key: 'eligibility.foreign-cap.B24-1', value: 100, overridden: false });
    expect(body.materials.map((m: { key: string }) => m.key)).toContain('trunk-line-contract');
    const review = body.processStages.inProvince.find((s: { key: string }) => s.key === 'review-decision');
    expect(review.duration.regulation).toMatchObject({ unit: 'calendar-days', value: 60, overridden: false });
    const total = (scope: 'inProvince' | 'crossRegional') => body.processStages[scope].find((s: { key: string }) => s.key === 'receive-licence').duration.practice;
    expect(total('inProvince')).toMatchObject({ value: 60, defaultValue: 60, min: 40, max: 90, configurableKey: 'processing.in-province.working-days', overridden: false, confidence: 'M' });
    expect(total('crossRegional')).toMatchObject({ value: 90, confidence: 'L' });
    const renewal = body.obligationRules.find((r: { kind: string }) => r.kind === 'renewal');
    expect(renewal.due).toMatchObject({ type: 'before-expiry', offset: { value: 90, unit: 'calendar-days' }, windowOpens: { value: 180, settingKey: 'obligations.renewal.reminder-days' } });
    expect(renewal.dueSummary.zh).toBe('到期前至少90日（自到期前180日起提醒）');
    expect(body.obligationRules.find((r: { kind: string }) => r.kind === 'annual-report').due).toEqual({ type: 'yearly', windowStart: '01-01', due: '03-31', catchUpUntil: '04-30' });
    for (const list of [body.eligibility, body.materials, body.obligationRules]) for (const item of list) expect(item.source.ref.length).toBeGreaterThan(3);
    expect(body.settings.map((s: { key: string }) => s.key)).toContain('eligibility.foreign-cap.B24-1');
    expect(body.settings.map((s: { key: string }) => s.key)).not.toContain('eligibility.foreign-cap.B25-ICP');
    expect(body.overriddenKeys).toEqual([]);
  });

  it('leaves the call-centre materials out of another service', async () => {
    const { body } = await get(staff, '/api/catalog/services/B25-ICP');
    expect(body.materials.map((m: { key: string }) => m.key)).not.toContain('trunk-line-contract');
    expect(body.eligibility.find((c: { key: string }) => c.key === 'foreign-share').setting.value).toBe(50);
  });

  it('answers an unknown code with 404 and a clear message in both languages', async () => {
    const zh = await get(staff, '/api/catalog/services/B99');
    expect(zh.status).toBe(404);
    expect(zh.body.error).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('B99') });
    expect(zh.body.error.message).toContain('电信业务分类目录');
    const en = await get(staff, '/api/catalog/services/B99', { 'accept-language': 'en' });
    expect(en.body.error.message).toBe("No service with code 'B99' in the telecom service catalogue; GET /api/catalog/services lists them");
  });

  it('lists every valid scope with its authority', async () => {
    const { status, body } = await get(client, '/api/catalog/scopes');
    expect(status).toBe(200);
    expect(body.items).toHaveLength(32);
    expect(body.items[0]).toMatchObject({ scope: 'cross-regional', kind: 'cross-regional', authority: { level: 'national' } });
    expect(body.items.find((s: { scope: string }) => s.scope === 'GD')).toMatchObject({ kind: 'in-province', label: { zh: '广东省（省内）' }, authority: { zh: '广东省通信管理局', abbr: '粤' } });
    expect(body.items.some((s: { scope: string }) => s.scope === 'HK')).toBe(false);
  });

  it('needs a signed-in user', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/catalog/services' });
    expect(res.statusCode).toBe(401);
  });
});
