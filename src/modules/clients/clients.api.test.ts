import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/test-databases.ts';
import { createTestApp, seedOrg, signIn, type SeededOrg, type Session, type TestApp } from '../../../test/support/test-app.ts';
import { computeUsccCheck } from '../../domain/identifiers/compute-uscc-check.ts';

/** A valid credit code whose organisation-code part carries the given number. */
function validUscc(n: number): string {
  const body = `91110105${String(n).padStart(9, '0')}`;
  return body + computeUsccCheck(body);
}

describe.each(testDialects())('client companies on $name', (dialect) => {
  let t: TestApp;
  let org: SeededOrg;
  let staff: Session;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    org = await seedOrg(t.ctx, 'Clients');
    staff = await signIn(t.app, org.emails.staff);
  });
  afterAll(() => t?.close());

  const full = {
    name: '北京测试呼叫有限公司',
    uscc: validUscc(1),
    legalRepresentative: '张三',
    registeredCapital: 10_000_000,
    businessScope: '呼叫中心业务',
    province: 'BJ',
    address: '北京市朝阳区',
    contactName: '李四',
    contactPhone: '010-12345678',
    contactEmail: 'li@example.com',
    foreignSharePercent: 33.33,
    notes: '重点客户',
  };

  it('creates a client with every field and reads it back unchanged', async () => {
    const res = await staff.request({ method: 'POST', url: '/api/clients', payload: full });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({ ...full, usccOverride: false, archivedAt: null });
    const read = (await staff.request({ method: 'GET', url: `/api/clients/${created.id}` })).json();
    expect(read).toEqual(created);
    expect(Number.isInteger(read.registeredCapital)).toBe(true);
  });

  it('normalises a lowercase credit code and refuses a duplicate in the same organisation', async () => {
    const code = validUscc(2);
    const first = await staff.request({ method: 'POST', url: '/api/clients', payload: { name: 'Dup A', uscc: code.toLowerCase() } });
    expect(first.json().uscc).toBe(code);
    const dup = await staff.request({ method: 'POST', url: '/api/clients', payload: { name: 'Dup B', uscc: code } });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.details[0].field).toBe('uscc');
  });

  it('refuses a code failing the GB 32100 check unless overridden, and audits the override', async () => {
    const bad = '91350100M000100Y44'; // right shape, wrong check character (valid: …Y43)
    const refused = await staff.request({ method: 'POST', url: '/api/clients', payload: { name: 'Override Co', uscc: bad } });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('USCC_CHECK_FAILED');
    expect(refused.json().error.details[0]).toMatchObject({ field: 'uscc', code: 'USCC_CHECK_FAILED' });
    const saved = await staff.request({ method: 'POST', url: '/api/clients', payload: { name: 'Override Co', uscc: bad, usccOverride: true } });
    expect(saved.statusCode).toBe(201);
    expect(saved.json().usccOverride).toBe(true);
    const owner = await signIn(t.app, org.emails.owner);
    const audit = (await owner.request({ method: 'GET', url: `/api/audit?entityType=client&entityId=${saved.json().id}` })).json();
    expect(audit.items.map((e: { action: string }) => e.action).sort()).toEqual(['client.create', 'client.uscc-override']);
    expect(audit.items.find((e: { action: string }) => e.action === 'client.uscc-override').actor.email).toBe(org.emails.staff);
    const created = (e: { action: string }) => e.action === 'client.create';
    expect(audit.items.find(created).summary).toBe(`新建客户：Override Co（${bad}）`);
    const english = (await owner.request({ method: 'GET', url: `/api/audit?entityId=${saved.json().id}`, headers: { 'accept-language': 'en-US' } })).json();
    expect(english.items.find(created).summary).toBe(`Created client: Override Co (${bad})`);
  });

  it('refuses a malformed code outright, even with the override', async () => {
    const res = await staff.request({ method: 'POST', url: '/api/clients', payload: { name: 'Short Co', uscc: '9135', usccOverride: true } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('uscc');
  });

  it('edits a client, records what changed, and leaves other fields alone', async () => {
    const c = (await staff.request({ method: 'POST', url: '/api/clients', payload: { ...full, name: 'Edit Co', uscc: validUscc(3) } })).json();
    expect(c.version).toBe(1);
    const res = await staff.request({ method: 'PATCH', url: `/api/clients/${c.id}`, payload: { version: 1, registeredCapital: 20_000_000, contactEmail: '' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ registeredCapital: 20_000_000, contactEmail: '', notes: full.notes, name: 'Edit Co', version: 2 });
    const owner = await signIn(t.app, org.emails.owner);
    const audit = (await owner.request({ method: 'GET', url: `/api/audit?entityId=${c.id}&action=client.update` })).json();
    expect(audit.items[0].changes.registeredCapital).toEqual({ from: 10_000_000, to: 20_000_000 });
  });

  it('archives and restores; archived clients leave the default list', async () => {
    const c = (await staff.request({ method: 'POST', url: '/api/clients', payload: { name: 'Archive Co', uscc: validUscc(4) } })).json();
    const archived = (await staff.request({ method: 'POST', url: `/api/clients/${c.id}/archive` })).json();
    expect(archived.archivedAt).not.toBeNull();
    const active = (await staff.request({ method: 'GET', url: '/api/clients?q=Archive' })).json();
    expect(active.total).toBe(0);
    const all = (await staff.request({ method: 'GET', url: '/api/clients?q=Archive&status=archived' })).json();
    expect(all.items.map((x: { id: string }) => x.id)).toEqual([c.id]);
    const restored = (await staff.request({ method: 'POST', url: `/api/clients/${c.id}/restore` })).json();
    expect(restored.archivedAt).toBeNull();
  });

  it('searches by name (case-insensitive) or code, filters by province, and paginates', async () => {
    for (let i = 10; i < 35; i++) {
      const r = await staff.request({ method: 'POST', url: '/api/clients', payload: { name: `Paging Co ${i}`, uscc: validUscc(i), province: i % 2 ? 'GD' : 'SH' } });
      expect(r.statusCode).toBe(201);
    }
    const page2 = (await staff.request({ method: 'GET', url: '/api/clients?q=paging%20co&pageSize=10&page=2' })).json();
    expect(page2).toMatchObject({ total: 25, page: 2, pageSize: 10 });
    expect(page2.items).toHaveLength(10);
    expect(page2.items[0].name).toBe('Paging Co 20');
    const gd = (await staff.request({ method: 'GET', url: '/api/clients?q=Paging&province=GD&pageSize=100' })).json();
    expect(gd.total).toBe(12);
    const byCode = (await staff.request({ method: 'GET', url: `/api/clients?q=${validUscc(17).slice(8, 17).toLowerCase()}` })).json();
    expect(byCode.items.map((x: { name: string }) => x.name)).toEqual(['Paging Co 17']);
    const literal = (await staff.request({ method: 'GET', url: '/api/clients?q=%25' })).json();
    expect(literal.total).toBe(0);
  });

  it('pages by cursor (nextCursor) the same rows as by page number, and says whether the total is exact', async () => {
    const byNumber: string[] = [];
    for (let page = 1; ; page++) {
      const res = (await staff.request({ method: 'GET', url: `/api/clients?status=all&pageSize=7&page=${page}` })).json();
      expect(res).toMatchObject({ page, pageSize: 7, totalIsExact: true });
      byNumber.push(...res.items.map((c: { id: string }) => c.id));
      if (res.items.length < 7) break;
    }
    const byCursor: string[] = [];
    let cursor = '';
    let pages = 0;
    do {
      const res = (await staff.request({ method: 'GET', url: `/api/clients?status=all&pageSize=7${cursor ? `&cursor=${cursor}` : ''}` })).json();
      byCursor.push(...res.items.map((c: { id: string }) => c.id));
      expect(res.total).toBe(byNumber.length);
      cursor = res.nextCursor ?? '';
      pages += 1;
    } while (cursor);
    expect(byCursor).toEqual(byNumber);
    expect(pages).toBe(Math.ceil(byNumber.length / 7));
    const deep = await staff.request({ method: 'GET', url: '/api/clients?pageSize=200&page=51' });
    expect(deep.statusCode).toBe(400);
    expect(deep.json().error.details[0]).toMatchObject({ field: 'page', code: 'PAGE_TOO_DEEP' });
    // A search counts to 1,000, so its page numbers stop there; its cursor goes on.
    const searchDeep = await staff.request({ method: 'GET', url: '/api/clients?q=abc&pageSize=200&page=6' });
    expect(searchDeep.statusCode).toBe(400);
    expect(searchDeep.json().error.details[0]).toMatchObject({ field: 'page', code: 'PAGE_TOO_DEEP' });
    expect((await staff.request({ method: 'GET', url: '/api/clients?q=abc&pageSize=200&page=5' })).statusCode).toBe(200);
  });

  it('a client-role user may edit their own company’s contact details, but not what feeds the licence', async () => {
    const client = await signIn(t.app, org.emails.client);
    const version = (await client.request({ method: 'GET', url: `/api/clients/${org.clientIds[0]}` })).json().version;
    const own = await client.request({ method: 'PATCH', url: `/api/clients/${org.clientIds[0]}`, payload: { version, contactPhone: '021-1234', address: '上海市浦东新区' } });
    expect(own.statusCode, own.body).toBe(200);
    for (const [field, value] of [['name', 'Renamed'], ['uscc', validUscc(2)], ['registeredCapital', 1], ['legalRepresentative', '王五'], ['businessScope', '无'], ['notes', 'x']] as const) {
      const res = await client.request({ method: 'PATCH', url: `/api/clients/${org.clientIds[0]}`, payload: { version: version + 1, [field]: value } });
      expect(res.statusCode, field).toBe(403);
      expect(res.json().error.details.map((d: { field: string }) => d.field)).toEqual([field]);
    }
    expect((await client.request({ method: 'GET', url: `/api/clients/${org.clientIds[0]}` })).json()).toMatchObject({ version: version + 1, name: 'Clients client 1' });
    expect((await client.request({ method: 'POST', url: '/api/clients', payload: { name: 'Nope', uscc: validUscc(99) } })).statusCode).toBe(403);
    expect((await client.request({ method: 'POST', url: `/api/clients/${org.clientIds[0]}/archive` })).statusCode).toBe(403);
  });

  it('a duplicate credit code names the holder only to those who may see it', async () => {
    const taken = (await staff.request({ method: 'GET', url: `/api/clients/${org.clientIds[1]}` })).json();
    const own = (await staff.request({ method: 'GET', url: `/api/clients/${org.clientIds[0]}` })).json();
    const res = await staff.request({ method: 'PATCH', url: `/api/clients/${org.clientIds[0]}`, payload: { version: own.version, uscc: taken.uscc } });
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain(taken.name);
  });

  it('stores credit codes in one canonical form: full-width, spaced or lower-case input is the same code', async () => {
    const code = validUscc(41);
    const fullWidth = [...code].map((ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0)).join('');
    const created = await staff.request({ method: 'POST', url: '/api/clients', payload: { name: 'Canonical Co', uscc: ` ${fullWidth.slice(0, 6)}\t${fullWidth.slice(6)} ` } });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().uscc).toBe(code);
    for (const spelling of [code.toLowerCase(), `${code.slice(0, 9)} ${code.slice(9)}`, fullWidth]) {
      const dup = await staff.request({ method: 'POST', url: '/api/clients', payload: { name: 'Canonical Twin', uscc: spelling } });
      expect(dup.statusCode, spelling).toBe(409);
      expect(dup.json().error.code).toBe('CLIENT_DUPLICATE_USCC');
    }
    const found = (await staff.request({ method: 'GET', url: `/api/clients?q=${encodeURIComponent(fullWidth.slice(8, 17))}` })).json();
    expect(found.items.map((c: { name: string }) => c.name)).toEqual(['Canonical Co']);
  });

  it('an edit based on an old version answers 409 VERSION_CONFLICT and changes nothing', async () => {
    const c = (await staff.request({ method: 'POST', url: '/api/clients', payload: { name: 'Stale Co', uscc: validUscc(42) } })).json();
    expect((await staff.request({ method: 'PATCH', url: `/api/clients/${c.id}`, payload: { version: 1, notes: 'first' } })).statusCode).toBe(200);
    const stale = await staff.request({ method: 'PATCH', url: `/api/clients/${c.id}`, payload: { version: 1, notes: 'second' } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'VERSION_CONFLICT', details: [{ field: 'version', currentVersion: 2 }] });
    expect((await staff.request({ method: 'GET', url: `/api/clients/${c.id}` })).json()).toMatchObject({ notes: 'first', version: 2 });
    const missing = await staff.request({ method: 'PATCH', url: `/api/clients/${c.id}`, payload: { notes: 'no version' } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details.map((d: { field: string }) => d.field)).toContain('version');
  });

  it('of 50 read-then-patch edits based on one version, exactly one is saved and none is lost silently', async () => {
    const c = (await staff.request({ method: 'POST', url: '/api/clients', payload: { name: 'Race Co', uscc: validUscc(43) } })).json();
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => staff.request({ method: 'PATCH', url: `/api/clients/${c.id}`, payload: { version: c.version, notes: `writer ${i}` } })),
    );
    const saved = results.filter((r) => r.statusCode === 200);
    expect(saved).toHaveLength(1);
    expect(results.filter((r) => r.statusCode === 409)).toHaveLength(49);
    const after = (await staff.request({ method: 'GET', url: `/api/clients/${c.id}` })).json();
    expect(after).toMatchObject({ version: 2, notes: saved[0].json().notes });
  });

  it('refuses garbage text: NUL bytes in a search, and names that are empty once trimmed', async () => {
    const search = await staff.request({ method: 'GET', url: '/api/clients?q=%00' });
    expect(search.statusCode).toBe(400);
    expect(search.json().error.details[0].field).toBe('q');
    const blank = await staff.request({ method: 'POST', url: '/api/clients', payload: { name: ' \u3000 ', uscc: validUscc(44) } });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.details[0].field).toBe('name');
    const trimmed = await staff.request({ method: 'POST', url: '/api/clients', payload: { name: '  Trimmed Co  ', uscc: validUscc(44), notes: 'line one\nline two' } });
    expect(trimmed.json()).toMatchObject({ name: 'Trimmed Co', notes: 'line one\nline two' });
  });
});
