import ical, { type VEvent } from 'node-ical';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/support/test-databases.ts';
import { createTestApp, makeOperator, seedApplications, seedOrg, signIn, type SeededOrg, type Session, type TestApp } from '../../../test/support/test-app.ts';
import { manualClock, type ManualClock } from '../../../test/support/test-clock.ts';
import { sha256 } from '../../platform/crypto.ts';

interface Stored {
  id: string;
  key: string;
  kind: string;
  dueOn: string;
  status: string;
  basis: { zh: string; en: string };
}

/** One parsed event, its texts as plain strings. */
interface Event {
  uid: string;
  summary: string;
  description: string;
  start: Date & { dateOnly?: boolean };
  end: Date;
}

const textOf = (value: unknown) => (typeof value === 'string' ? value : ((value as { val?: string } | undefined)?.val ?? ''));

/** A parsed date-only value as YYYY-MM-DD (node-ical builds them at local midnight). */
const dayOf = (date: Date) => `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
const uidOf = (id: string) => `${id}@licensedesk`;

describe.each(testDialects())('calendar feeds on $name', (dialect) => {
  let t: TestApp;
  let clock: ManualClock;
  let org: SeededOrg;
  let other: SeededOrg;
  let staff: Session;
  let admin: Session;
  let client: Session;
  let otherStaff: Session;
  const licence: Record<'first' | 'second', { id: string; obligations: Stored[] }> = {} as never;

  beforeAll(async () => {
    // Today is 2026-06-01 in China: done obligations due since 2026-03-03 stay on the calendar.
    clock = manualClock('2026-06-01T02:00:00.000Z');
    t = await createTestApp(dialect, {}, { clock });
    org = await seedOrg(t.ctx, 'Feeds');
    other = await seedApplications(t.ctx, await seedOrg(t.ctx, 'Elsewhere'));
    staff = await signIn(t.app, org.emails.staff);
    admin = await signIn(t.app, org.emails.admin);
    client = await signIn(t.app, org.emails.client);
    otherStaff = await signIn(t.app, other.emails.staff);
    for (const [name, clientId, number] of [['first', org.clientIds[0], '京B2-20240101'], ['second', org.clientIds[1], '京B2-20240102']] as const) {
      const created = await staff.request({ method: 'POST', url: '/api/licences', payload: { clientId, licenceNumber: number, services: [{ serviceCode: 'B24-1', scope: 'BJ' }], issuedOn: '2024-01-15' } });
      expect(created.statusCode, created.body).toBe(201);
      licence[name] = { id: created.json().id, obligations: [] };
    }
    // The 2026 report, due 2026-03-31, done: still shown. The 2025 one, due 2025-03-31, done: gone from the calendar.
    for (const key of ['annual-report:2026', 'annual-report:2025']) {
      const target = (await obligationsOf(licence.first.id)).find((o) => o.key === key)!;
      const done = await staff.request({ method: 'POST', url: `/api/obligations/${target.id}/complete`, payload: { note: '已报送' } });
      expect(done.statusCode, done.body).toBe(200);
    }
    licence.first.obligations = await obligationsOf(licence.first.id);
    licence.second.obligations = await obligationsOf(licence.second.id);
  });
  afterAll(() => t?.close());

  async function obligationsOf(licenceId: string): Promise<Stored[]> {
    const res = await staff.request({ method: 'GET', url: `/api/licences/${licenceId}/obligations` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  }

  async function createFeed(session: Session, scope: 'user' | 'organisation') {
    const res = await session.request({ method: 'POST', url: '/api/calendar-feeds', payload: { scope } });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; scope: string; path: string; url: string; createdAt: string };
  }

  /** Fetches a feed as a calendar app would: no cookie, no header, only the address. */
  async function fetchEvents(path: string): Promise<Event[]> {
    const res = await t.app.inject({ method: 'GET', url: path });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    return Object.values(ical.sync.parseICS(res.body))
      .filter((c): c is VEvent => c?.type === 'VEVENT')
      .map((e) => ({ uid: e.uid, summary: textOf(e.summary), description: textOf(e.description), start: e.start, end: e.end as Date }));
  }

  const onCalendar = (o: Stored) => o.status !== 'not-applicable' && (o.status !== 'done' || o.dueOn >= '2026-03-03');

  it('an organisation feed carries every open obligation and the recently done ones, all day on the due date, soonest first', async () => {
    const feed = await createFeed(staff, 'organisation');
    expect(feed.path).toMatch(/^\/api\/calendar-feeds\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(feed.url).toBe(`http://localhost:80${feed.path}`);
    const res = await t.app.inject({ method: 'GET', url: feed.path });
    expect(res.body).toContain('X-WR-CALNAME:LicenseDesk 合规日历');
    expect(res.body).toContain('X-WR-TIMEZONE:Asia/Shanghai');

    const events = await fetchEvents(feed.path);
    const expected = [...licence.first.obligations, ...licence.second.obligations].filter(onCalendar);
    expect(expected.length).toBeGreaterThan(10);
    expect(events.map((e) => e.uid).sort()).toEqual(expected.map((o) => uidOf(o.id)).sort());
    const dues = events.map((e) => dayOf(e.start));
    expect(dues).toEqual([...dues].sort());

    const report = licence.first.obligations.find((o) => o.key === 'annual-report:2027')!;
    const event = events.find((e) => e.uid === uidOf(report.id))!;
    expect(event.summary).toBe('电信业务经营信息年报 · Feeds client 1 · 京B2-20240101');
    expect(event.start.dateOnly).toBe(true);
    expect(dayOf(event.start)).toBe('2027-03-31');
    expect(dayOf(event.end)).toBe('2027-04-01');
    expect(event.description).toContain(report.basis.zh);
    expect(event.description).toContain(report.basis.en);
    expect(event.description).toContain('待办 Open');

    const done = licence.first.obligations.find((o) => o.key === 'annual-report:2026')!;
    expect(events.find((e) => e.uid === uidOf(done.id))!.description).toContain('已完成 Done');
    const doneLongAgo = licence.first.obligations.find((o) => o.key === 'annual-report:2025')!;
    expect(doneLongAgo.status).toBe('done');
    expect(events.some((e) => e.uid === uidOf(doneLongAgo.id))).toBe(false);
  });

  it('a user feed carries only what is assigned to its owner; a client user’s carries their own company’s', async () => {
    const mine = await createFeed(staff, 'user');
    expect(await fetchEvents(mine.path)).toEqual([]);
    const [first, second] = licence.first.obligations.filter((o) => o.status !== 'done');
    const third = licence.second.obligations[0];
    for (const [o, assigneeId] of [[first, org.userIds.staff], [third, org.userIds.staff], [second, org.userIds.admin]] as const) {
      const res = await admin.request({ method: 'PUT', url: `/api/obligations/${o.id}/assignee`, payload: { assigneeId } });
      expect(res.statusCode, res.body).toBe(200);
    }
    expect((await fetchEvents(mine.path)).map((e) => e.uid).sort()).toEqual([uidOf(first.id), uidOf(third.id)].sort());
    const adminFeed = await createFeed(admin, 'user');
    expect((await fetchEvents(adminFeed.path)).map((e) => e.uid)).toEqual([uidOf(second.id)]);

    const company = await createFeed(client, 'user');
    const events = await fetchEvents(company.path);
    expect(events.map((e) => e.uid).sort()).toEqual(licence.first.obligations.filter(onCalendar).map((o) => uidOf(o.id)).sort());
    expect(events.every((e) => e.summary.endsWith('· Feeds client 1 · 京B2-20240101'))).toBe(true);
  });

  it('refuses a client user the organisation feed, naming the scope, in both languages', async () => {
    const zh = await client.request({ method: 'POST', url: '/api/calendar-feeds', payload: { scope: 'organisation' } });
    expect(zh.statusCode).toBe(403);
    expect(zh.json().error).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('全机构'), details: [{ field: 'scope', code: 'SCOPE_NOT_ALLOWED' }] });
    const en = await client.request({ method: 'POST', url: '/api/calendar-feeds', payload: { scope: 'organisation' }, headers: { 'accept-language': 'en-US' } });
    expect(en.json().error.message).toContain('whole organisation');
    expect((await client.request({ method: 'POST', url: '/api/calendar-feeds', payload: { scope: 'everyone' } })).statusCode).toBe(400);
  });

  it('stores only the token’s hash, never shows it again, and records use at most once a minute', async () => {
    const feed = await createFeed(staff, 'user');
    const token = feed.path.slice('/api/calendar-feeds/'.length, -'.ics'.length);
    const row = await t.ctx.db.selectFrom('calendarFeeds').selectAll().where('id', '=', feed.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ tokenHash: sha256(token), userId: org.userIds.staff, orgId: org.orgId, scope: 'user', lastUsedAt: null, revokedAt: null });

    const listed = async () => {
      const res = await staff.request({ method: 'GET', url: '/api/calendar-feeds' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.body).not.toContain(token);
      return res.json().items.find((f: { id: string }) => f.id === feed.id);
    };
    expect(await listed()).toEqual({ id: feed.id, scope: 'user', createdAt: feed.createdAt, lastUsedAt: null });
    await fetchEvents(feed.path);
    const firstUse = t.ctx.clock.now();
    expect((await listed()).lastUsedAt).toBe(firstUse);
    clock.advance(30_000);
    await fetchEvents(feed.path);
    expect((await listed()).lastUsedAt).toBe(firstUse);
    clock.advance(31_000);
    await fetchEvents(feed.path);
    expect((await listed()).lastUsedAt).toBe(t.ctx.clock.now());
    // Another user's list never shows it.
    expect((await admin.request({ method: 'GET', url: '/api/calendar-feeds' })).json().items.map((f: { id: string }) => f.id)).not.toContain(feed.id);

    const audit = await t.ctx.db.selectFrom('auditLog').select(['action', 'actorId']).where('entityId', '=', feed.id).execute();
    expect(audit).toEqual([{ action: 'calendar-feed.create', actorId: org.userIds.staff }]);
  });

  it('a revoked, unknown or malformed token answers the same 404, never a 500', async () => {
    const feed = await createFeed(staff, 'organisation');
    const refusedBy = async (url: string) => {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, `${url} ${res.body}`).toBe(404);
      return res.json();
    };
    expect((await admin.request({ method: 'DELETE', url: `/api/calendar-feeds/${feed.id}` })).statusCode).toBe(404);
    expect((await staff.request({ method: 'DELETE', url: `/api/calendar-feeds/${feed.id}` })).statusCode).toBe(204);
    expect((await staff.request({ method: 'DELETE', url: `/api/calendar-feeds/${feed.id}` })).statusCode).toBe(204);
    const revoked = await refusedBy(feed.path);
    expect(revoked.error).toMatchObject({ code: 'NOT_FOUND', message: '日历订阅不存在' });
    expect((await staff.request({ method: 'GET', url: '/api/calendar-feeds' })).json().items.map((f: { id: string }) => f.id)).not.toContain(feed.id);
    const audit = await t.ctx.db.selectFrom('auditLog').select('action').where('entityId', '=', feed.id).orderBy('at').execute();
    expect(audit.map((a) => a.action)).toEqual(['calendar-feed.create', 'calendar-feed.revoke']);

    for (const token of ['A'.repeat(43), 'not-a-token', 'A'.repeat(42) + '!', '%00', '%E2%80%AE' + 'A'.repeat(40), 'A'.repeat(44), '']) {
      expect(await refusedBy(`/api/calendar-feeds/${token}.ics`), token).toEqual(revoked);
    }
    // Longer than any path segment the router reads: refused before routing, still not a server error.
    expect((await t.app.inject({ method: 'GET', url: `/api/calendar-feeds/${'A'.repeat(300)}.ics` })).statusCode).toBeLessThan(500);
  });

  it('another organisation’s feed carries only its own obligations, and its owner alone may revoke it', async () => {
    const foreign = await createFeed(otherStaff, 'organisation');
    const events = await fetchEvents(foreign.path);
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => /· Elsewhere client [12] · 京B2-2024000[12]$/.test(e.summary))).toBe(true);
    const res = await admin.request({ method: 'DELETE', url: `/api/calendar-feeds/${foreign.id}` });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
    expect(await fetchEvents(foreign.path)).toHaveLength(events.length);
  });

  it('a deactivated user’s feed and a deactivated organisation’s feeds answer 404', async () => {
    const company = await createFeed(client, 'user');
    await fetchEvents(company.path);
    const user = (await admin.request({ method: 'GET', url: '/api/users' })).json().items.find((u: { id: string }) => u.id === org.userIds.client);
    const off = await admin.request({ method: 'PATCH', url: `/api/users/${org.userIds.client}`, payload: { isActive: false, version: user.version } });
    expect(off.statusCode, off.body).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: company.path })).statusCode).toBe(404);

    const foreign = await createFeed(otherStaff, 'user');
    await fetchEvents(foreign.path);
    await makeOperator(t.ctx, org.emails.owner);
    const operator = await signIn(t.app, org.emails.owner);
    expect((await operator.request({ method: 'POST', url: `/api/admin/organisations/${other.orgId}/deactivate` })).statusCode).toBe(200);
    const res = await t.app.inject({ method: 'GET', url: foreign.path });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });
});
