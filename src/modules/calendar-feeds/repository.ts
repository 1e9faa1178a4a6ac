import type { Selectable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { CalendarFeedsTable } from '../../platform/db/schema.ts';
import { listPage, type ListOrder, type Page, type PageRequest } from '../../platform/db/list-page.ts';
import type { Scope } from '../access/actor.ts';
import { withinScope } from '../access/scope.ts';

export type FeedRow = Selectable<CalendarFeedsTable>;

/** The owner of a feed: feeds are personal, a user sees and revokes only their own. */
export interface FeedOwner {
  orgId: string;
  userId: string;
}

/** The organisation through the one tenant filter (a client user's feeds are theirs too), then the owner. */
const own = (db: Db, owner: FeedOwner) =>
  withinScope(db.selectFrom('calendarFeeds'), { orgId: owner.orgId, clientId: null }, { org: 'calendarFeeds.orgId', client: null }).where('calendarFeeds.userId', '=', owner.userId);

/** Newest first; a user holds a handful, read through (org_id, user_id). */
const feedOrder: ListOrder<FeedRow> = {
  direction: 'desc',
  keys: [
    { ref: 'calendarFeeds.createdAt', kind: 'string', read: (row) => row.createdAt },
    { ref: 'calendarFeeds.id', kind: 'string', read: (row) => row.id },
  ],
};

export async function insertFeed(db: Db, row: FeedRow): Promise<void> {
  await db.insertInto('calendarFeeds').values(row).execute();
}

/** The owner's feeds still in use (revoked ones are gone for good). */
export async function listFeeds(db: Db, owner: FeedOwner, request: PageRequest): Promise<Page<FeedRow>> {
  return listPage(db, { query: own(db, owner).where('calendarFeeds.revokedAt', 'is', null), select: (q) => q.selectAll('calendarFeeds'), order: feedOrder, request });
}

export async function findFeed(db: Db, owner: FeedOwner, id: string): Promise<FeedRow | undefined> {
  return own(db, owner).selectAll('calendarFeeds').where('calendarFeeds.id', '=', id).executeTakeFirst();
}

export async function revokeFeed(db: Db, owner: FeedOwner, input: { id: string; at: string }): Promise<boolean> {
  const result = await withinScope(db.updateTable('calendarFeeds'), { orgId: owner.orgId, clientId: null }, { org: 'orgId', client: null })
    .set({ revokedAt: input.at })
    .where('userId', '=', owner.userId)
    .where('id', '=', input.id)
    .where('revokedAt', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A feed by its token's hash, with what decides whether it still answers: its owner's role, company and standing. */
export interface FeedHolder {
  id: string;
  orgId: string;
  userId: string;
  scope: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
  role: string;
  clientId: string | null;
  userIsActive: number;
  orgIsActive: number;
}

/**
 * The token is the credential, so this lookup precedes any scope (as a session's or an API token's does); every
 * query after it runs within the owner's scope.
 */
export async function findFeedByTokenHash(db: Db, tokenHash: string): Promise<FeedHolder | undefined> {
  return db
    .selectFrom('calendarFeeds')
    .innerJoin('users', (join) => join.onRef('users.id', '=', 'calendarFeeds.userId').onRef('users.orgId', '=', 'calendarFeeds.orgId'))
    .innerJoin('organisations', 'organisations.id', 'calendarFeeds.orgId')
    .select([
      'calendarFeeds.id',
      'calendarFeeds.orgId',
      'calendarFeeds.userId',
      'calendarFeeds.scope',
      'calendarFeeds.revokedAt',
      'calendarFeeds.lastUsedAt',
      'users.role',
      'users.clientId',
      'users.isActive as userIsActive',
      'organisations.isActive as orgIsActive',
    ])
    .where('calendarFeeds.tokenHash', '=', tokenHash)
    .executeTakeFirst();
}

export async function touchFeed(db: Db, input: { orgId: string; id: string; at: string }): Promise<void> {
  await withinScope(db.updateTable('calendarFeeds'), { orgId: input.orgId, clientId: null }, { org: 'orgId', client: null }).set({ lastUsedAt: input.at }).where('id', '=', input.id).execute();
}

/** One event's worth of an obligation, with the names its title needs. */
export interface FeedObligationRow {
  id: string;
  kind: string;
  dueOn: string;
  state: string;
  doneOn: string | null;
  basis: string;
  updatedAt: string;
  licenceNumber: string;
  clientName: string;
}

export interface FeedFilter {
  /** Only those assigned to this user (a staff member's own feed). */
  assigneeId?: string;
  /** Done ones due on or after this day are kept; older ones have left the calendar. */
  doneSince: string;
  limit: number;
}

/**
 * Open obligations, and done ones due since `doneSince`, soonest due first, at most `limit`. Each state is one range of
 * the (org_id, state, due_on, id) index (for one company or one assignee, of their own (…, due_on, id) index), read in
 * order up to the limit, with no sort; the two are merged here.
 */
export async function listFeedObligations(db: Db, scope: Scope, filter: FeedFilter): Promise<FeedObligationRow[]> {
  const inState = (state: 'open' | 'done') => {
    let query = withinScope(db.selectFrom('obligations'), scope, { org: 'obligations.orgId', client: 'obligations.clientId' }).where('obligations.state', '=', state);
    if (state === 'done') query = query.where('obligations.dueOn', '>=', filter.doneSince);
    if (filter.assigneeId) query = query.where('obligations.assigneeId', '=', filter.assigneeId);
    return query
      .innerJoin('licences', 'licences.id', 'obligations.licenceId')
      .innerJoin('clients', 'clients.id', 'obligations.clientId')
      .select(['obligations.id', 'obligations.kind', 'obligations.dueOn', 'obligations.state', 'obligations.doneOn', 'obligations.basis', 'obligations.updatedAt', 'licences.number as licenceNumber', 'clients.name as clientName'])
      .orderBy('obligations.dueOn')
      .orderBy('obligations.id')
      .limit(filter.limit)
      .execute();
  };
  const [open, done] = await Promise.all([inState('open'), inState('done')]);
  const soonestFirst = (a: FeedObligationRow, b: FeedObligationRow) => (a.dueOn === b.dueOn ? (a.id < b.id ? -1 : 1) : a.dueOn < b.dueOn ? -1 : 1);
  return [...open, ...done].sort(soonestFirst).slice(0, filter.limit);
}
