import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../support/test-databases.ts';
import { createTestApp, makeOperator, seedApplications, seedOrg, signIn, type SeededOrg, type Session, type TestApp } from '../support/test-app.ts';
import { bodylessWriteRoutes, uploadRoutes, writeRoutes, type WriteRoute } from './routes-table.ts';
import { multipartFile, sampleFiles } from '../support/multipart.ts';
import type { AppContext } from '../../src/app-context.ts';

async function dump(ctx: AppContext) {
  const tables = ['organisations', 'clients', 'users', 'apiTokens', 'applications', 'applicationEvents', 'licences', 'materialFiles', 'obligations', 'obligationEvents', 'webhooks', 'notifications', 'reminderDeliveries'] as const;
  const rows: unknown[] = await Promise.all(tables.map((t) => ctx.db.selectFrom(t).selectAll().orderBy('id').execute()));
  rows.push(await ctx.db.selectFrom('orgSettings').selectAll().orderBy('orgId').orderBy('key').execute());
  rows.push(await ctx.db.selectFrom('reminderSettings').selectAll().orderBy('orgId').execute());
  rows.push(await ctx.db.selectFrom('calendarYears').selectAll().orderBy('year').execute());
  rows.push(await ctx.db.selectFrom('calendarRevision').selectAll().execute());
  // Sessions and login audit entries change on sign-in, never on a refused write.
  return JSON.stringify(rows);
}

/** A deep copy of `body` with `value` at a dotted path such as `arrangement.source`. */
function withValueAt(body: Record<string, unknown>, dotted: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(body);
  const keys = dotted.split('.');
  let target: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) target = target[key] as Record<string, unknown>;
  target[keys[keys.length - 1]] = value;
  return copy;
}

describe.each(testDialects())('bad input on $name', (dialect) => {
  let t: TestApp;
  let org: SeededOrg;
  let admin: Session;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    org = await seedApplications(t.ctx, await seedOrg(t.ctx, 'Gamma'));
    // An operator, so the operator-only routes (calendar years, /api/admin) reach validation.
    await makeOperator(t.ctx, org.emails.owner);
    admin = await signIn(t.app, org.emails.owner);
  });
  afterAll(() => t?.close());

  async function expectRefused(route: WriteRoute, body: string, expected: { status: number; code: string; field?: string }) {
    const before = await dump(t.ctx);
    const res = await admin.request({ method: route.method, url: route.url(org), payload: body, headers: { 'content-type': 'application/json' } });
    expect(res.statusCode, res.body).toBe(expected.status);
    const error = res.json().error;
    expect(error.code).toBe(expected.code);
    expect(error.message.length).toBeGreaterThan(3);
    if (expected.field) expect(error.details.map((d: { field: string }) => d.field)).toContain(expected.field);
    expect(await dump(t.ctx)).toBe(before);
  }

  describe.each(writeRoutes)('$name', (route) => {
    it('malformed JSON → 400 INVALID_JSON', () => expectRefused(route, '{"name": "x",', { status: 400, code: 'INVALID_JSON' }));

    // Routes whose fields are all optional have no "missing field" case, so none is declared.
    if (route.required) {
      it('missing required field → 400 naming it', () => {
        const body = { ...route.valid };
        delete body[route.required!];
        return expectRefused(route, JSON.stringify(body), { status: 400, code: 'VALIDATION_FAILED', field: route.required });
      });
    }

    it('wrong type → 400 naming the field', () =>
      expectRefused(route, JSON.stringify({ ...route.valid, [route.wrongType[0]]: route.wrongType[1] }), { status: 400, code: 'VALIDATION_FAILED', field: route.wrongType[0] }));

    it('unknown field → 400 naming it', () =>
      expectRefused(route, JSON.stringify({ ...route.valid, isAdmin: true }), { status: 400, code: 'VALIDATION_FAILED', field: 'isAdmin' }));

    if (route.longField) {
      it('over-long string → 400 naming the field', () =>
        expectRefused(route, JSON.stringify(withValueAt(route.valid, route.longField!, 'x'.repeat(6000))), { status: 400, code: 'VALIDATION_FAILED', field: route.longField }));
    }

    if (route.textField) {
      const field = route.textField;
      it.each([
        ['a NUL byte', 'Bad\u0000name'],
        ['whitespace only', '   '],
        ['a right-to-left override', 'evil\u202Etxt.exe'],
        ['a lone surrogate', 'broken\uD800name'],
        ['zero-width characters only', '\u200B\u200C\u200D'],
        ['a right-to-left mark only', '\u200F'],
        ['a Hangul filler only', '\u3164'],
      ])('%s in a text field → 400 naming it', (_what, value) =>
        expectRefused(route, JSON.stringify(withValueAt(route.valid, field, value)), { status: 400, code: 'VALIDATION_FAILED', field }));
    }

    it('10 MB body → 413 PAYLOAD_TOO_LARGE', () =>
      expectRefused(route, JSON.stringify({ ...route.valid, notes: 'x'.repeat(10 * 1024 * 1024) }), { status: 413, code: 'PAYLOAD_TOO_LARGE' }));
  });

  describe.each(bodylessWriteRoutes)('$name (no body expected)', (route) => {
    const asWrite = { ...route, valid: {}, wrongType: ['x', 1] } as unknown as WriteRoute;
    it('malformed JSON → 400 INVALID_JSON', () => expectRefused(asWrite, '{"oops": ', { status: 400, code: 'INVALID_JSON' }));
    it('10 MB body → 413 PAYLOAD_TOO_LARGE', () => expectRefused(asWrite, JSON.stringify({ notes: 'x'.repeat(10 * 1024 * 1024) }), { status: 413, code: 'PAYLOAD_TOO_LARGE' }));
  });

  describe.each(uploadRoutes)('$name (a file upload)', (route) => {
    const refused = async (payload: string | Buffer, headers: Record<string, string>, expected: { status: number; code: string }) => {
      const before = await dump(t.ctx);
      const res = await admin.request({ method: route.method, url: route.url(org), payload, headers });
      expect(res.statusCode, res.body).toBe(expected.status);
      expect(res.json().error.code).toBe(expected.code);
      expect(await dump(t.ctx)).toBe(before);
    };
    it('a JSON body instead of a file → 415', () => refused(JSON.stringify({ file: 'x' }), { 'content-type': 'application/json' }, { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' }));
    it('the file under another field name → 400', () => {
      const { payload, headers } = multipartFile({ fileName: 'a.pdf', content: sampleFiles.pdf(), field: 'document' });
      return refused(payload, headers, { status: 400, code: 'VALIDATION_FAILED' });
    });
    it('a text field besides the file → 400 naming one file only (not "too large")', async () => {
      const boundary = '----badinputfields';
      const payload = Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\nhello\r\n`),
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n`),
        sampleFiles.pdf(),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const before = await dump(t.ctx);
      const res = await admin.request({ method: route.method, url: route.url(org), payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.details[0].code).toBe('ONE_FILE_ONLY');
      expect(await dump(t.ctx)).toBe(before);
    });
    it('a multipart body that breaks off → 400', () => {
      const { payload, headers } = multipartFile({ fileName: 'a.pdf', content: sampleFiles.pdf() });
      return refused(payload.subarray(0, payload.length - 30), headers, { status: 400, code: 'BAD_REQUEST' });
    });
    it.skipIf(!route.url({ clientIds: ['x'] } as SeededOrg).includes('business-licence'))('a bad item key → 400 naming it', async () => {
      const res = await admin.request({ method: route.method, url: route.url(org).replace('business-licence', 'Business Licence'), ...multipartFile({ fileName: 'a.pdf', content: sampleFiles.pdf() }) });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0].field).toBe('key');
    });
  });

  it('a body with thousands of problems → 400 with the first 50 details and how many there were', async () => {
    const body: Record<string, unknown> = { name: 'Many problems' };
    for (let i = 0; i < 5000; i++) body[`extra${i}`] = i;
    const before = await dump(t.ctx);
    const res = await admin.request({ method: 'POST', url: '/api/tokens', payload: body });
    expect(res.statusCode).toBe(400);
    const error = res.json().error;
    expect(error.details).toHaveLength(50);
    expect(error.detailsTotal).toBe(5000);
    expect(res.body.length).toBeLessThan(20_000);
    expect(await dump(t.ctx)).toBe(before);
  });

  it.each([
    { what: 'user email', url: '/api/users', body: { email: 'dup-race@example.com', name: 'Dup', role: 'staff' }, field: 'email' },
    { what: 'client credit code', url: '/api/clients', body: { name: 'Dup Race Co', uscc: '9131000063159284XQ' }, field: 'uscc' },
  ])('two racing creates with the same $what: one 201, one 409 naming $field (never a 500)', async ({ url, body, field }) => {
    const [first, second] = await Promise.all([admin.request({ method: 'POST', url, payload: body }), admin.request({ method: 'POST', url, payload: body })]);
    expect([first.statusCode, second.statusCode].sort(), first.body + second.body).toEqual([201, 409]);
    const refused = first.statusCode === 409 ? first : second;
    expect(refused.json().error.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it('a bad id in the path → 400 naming the id', async () => {
    const res = await admin.request({ method: 'GET', url: '/api/clients/not-a-uuid' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('id');
  });

  it('a bad query parameter → 400 naming it', async () => {
    const res = await admin.request({ method: 'GET', url: '/api/clients?page=zero' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('page');
  });

  // Every list takes a cursor (opaque, but checked: shape and types of the key it carries) and page numbers only
  // within the first 10,000 rows; the audit filters are user text.
  const cursorOf = (values: unknown) => Buffer.from(JSON.stringify(values)).toString('base64url');
  it.each([
    ['/api/clients', 'cursor', 'not a cursor!'],
    ['/api/clients', 'cursor', cursorOf(['only the name'])],
    ['/api/clients', 'cursor', cursorOf({ name: 'x', id: 'y' })],
    ['/api/clients', 'cursor', 'A'.repeat(3000)],
    ['/api/clients', 'cursor', Buffer.from('["a", "b"').toString('base64url')],
    ['/api/audit', 'cursor', cursorOf(['2026-01-01T00:00:00.000Z', 'not a number'])],
    ['/api/users', 'cursor', cursorOf([1, 2, 3])],
    ['/api/tokens', 'cursor', '%00'],
    ['/api/applications', 'cursor', cursorOf(['2026-01-01T00:00:00.000Z', 7])],
    ['/api/applications', 'state', 'approved'],
    ['/api/applications', 'clientId', 'not-a-uuid'],
    ['/api/clients', 'page', '501'],
    ['/api/audit', 'page', '101&pageSize=100'],
    ['/api/audit', 'entityType', '%00'],
    ['/api/audit', 'action', 'x%E2%80%AEy'],
  ])('a bad list query parameter → 400 naming it, nothing else: %s %s=%s', async (url, field, value) => {
    const res = await admin.request({ method: 'GET', url: `${url}?${field}=${value}` });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.details.map((d: { field: string }) => d.field)).toEqual([field]);
  });

  it('a non-JSON content type → 415', async () => {
    const res = await admin.request({ method: 'POST', url: '/api/clients', payload: 'name=x', headers: { 'content-type': 'text/plain' } });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('errors answer in English when asked', async () => {
    const res = await admin.request({ method: 'POST', url: '/api/clients', payload: { uscc: '91350100M000100Y43' }, headers: { 'accept-language': 'en-US' } });
    expect(res.json().error.message).toBe('Field name is required');
    const zh = await admin.request({ method: 'POST', url: '/api/clients', payload: { uscc: '91350100M000100Y43' } });
    expect(zh.json().error.message).toBe('字段 name 必填');
  });
});
