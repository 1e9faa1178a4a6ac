import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/test-databases.ts';
import { createTestApp, seedOrg, signIn, type SeededOrg, type Session, type TestApp } from '../../../test/support/test-app.ts';
import { buildApp } from '../../app.ts';
import { createContext } from '../../create-context.ts';
import { loadConfig } from '../../platform/config.ts';

const fullId = '11010519491231002X';
const maskedId = '110105********002X';

describe.each(testDialects())('identifier validation API on $name', (dialect) => {
  let t: TestApp;
  let org: SeededOrg;
  let client: Session;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    org = await seedOrg(t.ctx, 'Validate');
    client = await signIn(t.app, org.emails.client);
  });
  afterAll(() => t?.close());

  const get = (url: string) => client.request({ method: 'GET', url }).then((r) => ({ status: r.statusCode, body: r.json() }));
  const q = encodeURIComponent;

  it('accepts a valid credit code and names its parts; refuses a wrong check character with the expected one', async () => {
    const ok = await get('/api/validate/uscc?value=91350100m000100y43');
    expect(ok).toMatchObject({ status: 200, body: { valid: true, normalized: '91350100M000100Y43', parsed: { regionCode: '350100', province: { code: 'FJ' }, organisationCode: 'M000100Y4', checkCharacter: '3' } } });
    const bad = await get('/api/validate/uscc?value=91350100M000100Y44');
    expect(bad.status).toBe(200);
    expect(bad.body).toMatchObject({ valid: false, normalized: '91350100M000100Y44', reason: { code: 'bad-check' } });
    expect(bad.body.reason.zh).toContain('应为“3”');
    // What can still be read comes back beside the reason.
    expect(bad.body.parsed).toEqual({
      department: { code: '9', zh: '工商（市场监管）', en: expect.any(String) }, category: { code: '1', zh: '企业', en: expect.any(String) },
      regionCode: '350100', province: { code: 'FJ', zh: '福建省', en: 'Fujian' }, organisationCode: 'M000100Y4', checkCharacter: null,
    });
    const badCategory = (await get('/api/validate/uscc?value=9A350100M000100Y43')).body;
    expect(badCategory).toMatchObject({ valid: false, reason: { code: 'bad-category' }, parsed: { department: { code: '9' }, category: null, province: { code: 'FJ' } } });
    const short = (await get('/api/validate/uscc?value=X1310000')).body;
    expect(short).toMatchObject({ valid: false, reason: { code: 'length' }, parsed: { department: null, category: null, regionCode: '310000', province: { code: 'SH' }, organisationCode: null } });
    expect((await get('/api/validate/uscc?value=')).body.parsed).toBeUndefined();
    expect((await get('/api/validate/uscc?value=')).body).toMatchObject({ valid: false, reason: { code: 'empty' } });
  });

  it('answers an ID number with the masked number only, never the full one or the birth date', async () => {
    const ok = await get(`/api/validate/idcard?value=${fullId.toLowerCase()}`);
    expect(ok).toMatchObject({ status: 200, body: { valid: true, normalized: maskedId, parsed: { format: 18, maskedId18: maskedId, province: { code: 'BJ' }, sex: 'female' } } });
    expect(JSON.stringify(ok.body)).not.toContain('19491231');
    const legacy = await get('/api/validate/idcard?value=110105491231002');
    expect(legacy.body).toMatchObject({ valid: true, normalized: '110105******002', parsed: { format: 15, maskedId18: maskedId } });
    const bad = await get('/api/validate/idcard?value=110105194912310021');
    expect(bad.body).toMatchObject({ valid: false, normalized: '110105********0021', reason: { code: 'bad-check' } });
    expect(JSON.stringify(bad.body)).not.toContain('19491231');
  });

  it('checks licence numbers and explains that an ICP filing number is not a licence', async () => {
    const ok = await get(`/api/validate/licence-no?value=${q('京B2-20191218')}`);
    expect(ok.body).toEqual({ valid: true, normalized: '京B2-20191218', parsed: { foreignInvested: false, issuer: 'BJ', issuerName: { zh: '北京市通信管理局', en: 'Beijing Communications Administration' }, categories: ['B2'], year: 2019, serial: 1218 } });
    const miit = await get(`/api/validate/licence-no?value=${q('合字b1.b2-20130004')}`);
    expect(miit.body).toMatchObject({ valid: true, normalized: '合字B1.B2-20130004', parsed: { foreignInvested: true, issuer: 'MIIT' } });
    const icp = await get(`/api/validate/licence-no?value=${q('京ICP备12345678号')}`);
    expect(icp.status).toBe(200);
    expect(icp.body).toMatchObject({ valid: false, reason: { code: 'icp-filing' } });
    expect(icp.body.reason.zh).toContain('ICP备案号，不是经营许可证编号');
  });

  it('checks 95/96 access numbers against the scope', async () => {
    expect((await get('/api/validate/access-number?value=95%20123&scope=cross-regional')).body).toMatchObject({ valid: true, normalized: '95123', parsed: { prefix: '95', allocator: { zh: '中华人民共和国工业和信息化部' } } });
    expect((await get('/api/validate/access-number?value=961234&scope=GD')).body).toMatchObject({ valid: true, parsed: { prefix: '96', allocator: { zh: '广东省通信管理局' } } });
    expect((await get('/api/validate/access-number?value=95123&scope=BJ')).body).toMatchObject({ valid: false, reason: { code: 'scope-mismatch' } });
    expect((await get('/api/validate/access-number?value=4001234567&scope=BJ')).body.reason.code).toBe('bad-prefix');
  });

  it('refuses a malformed request with 400 naming the parameter', async () => {
    const noValue = await get('/api/validate/uscc');
    expect(noValue.status).toBe(400);
    expect(noValue.body.error.details[0].field).toBe('value');
    const badScope = await get('/api/validate/access-number?value=95123&scope=HK');
    expect(badScope.status).toBe(400);
    expect(badScope.body.error.details[0].field).toBe('scope');
    expect((await get(`/api/validate/licence-no?value=${'x'.repeat(101)}`)).status).toBe(400);
  });
});

describe('identifier validation logs', () => {
  it('never writes the full ID number to the request log', async () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
    const [dialect] = testDialects();
    const database = await dialect.create();
    const config = loadConfig({ DATABASE_URL: database.url, LICENSEDESK_DEMO: '0', LOG_LEVEL: 'info' }, 'test');
    const ctx = await createContext(config, { logger: pino({ level: 'trace' }, sink) });
    const app = await buildApp(ctx);
    try {
      const org = await seedOrg(ctx, 'Logs');
      const staff = await signIn(app, org.emails.staff);
      const res = await staff.request({ method: 'GET', url: `/api/validate/idcard?value=${fullId}` });
      expect(res.json().normalized).toBe(maskedId);
      await staff.request({ method: 'GET', url: `/api/validate/idcard?other=1&value=${fullId}` });
      const log = lines.join('');
      expect(log).toContain('/api/validate/idcard?value=110105********002X');
      expect(log).not.toContain(fullId);
      expect(log).not.toContain('19491231');
    } finally {
      await app.close();
      await ctx.database.close();
      await database.drop();
    }
  });
});
