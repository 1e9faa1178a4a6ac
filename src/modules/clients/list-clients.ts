import { sql, type SelectQueryBuilder } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { dialectOf } from '../../platform/db/dialect-of.ts';
import { applyPosition, countCap, countUpTo, finishPage, listPage, resolvePosition, seekOffset, type ListOrder, type Page, type PageRequest } from '../../platform/db/list-page.ts';
import { toSearchTermMatch, type SearchTermMatch } from '../../platform/db/search-grams.ts';
import { normalizeIdentifier } from '../../domain/identifiers/normalize-identifier.ts';
import type { Scope } from '../access/actor.ts';
import { withinScope } from '../access/scope.ts';
import { clientColumns, isArchived, scopedClients, type ClientRow } from './repository.ts';

export interface ClientFilter {
  q?: string;
  province?: string;
  status: 'active' | 'archived' | 'all';
  page: PageRequest;
  /** Where the count stops being exact and a search walks the name index instead of sorting its matches (tests lower it). */
  countCap?: number;
}

type Keyed = { id: string; name: string };
const orderOn = <Row extends Keyed>(table: string): ListOrder<Row> => ({
  direction: 'asc',
  keys: [
    { ref: `${table}.name`, kind: 'string', read: (row) => row.name },
    { ref: `${table}.id`, kind: 'string', read: (row) => row.id },
  ],
});
/** Clients are listed by name, then id; indexes (org_id, [archived state], [province], name, id) give this order. */
const clientOrder = orderOn<ClientRow>('clients');
const matchOrder = orderOn<Keyed>('m');

type AnySelect = SelectQueryBuilder<any, any, any>;

/** Status and province, on the clients table or on SQLite's search copy of it. */
function filtered<Q extends AnySelect>(query: Q, filter: ClientFilter, on: 'clients' | 's'): Q {
  let q = query as AnySelect;
  if (filter.status !== 'all') {
    const archived = filter.status === 'archived';
    q = on === 'clients' ? q.where(isArchived(archived)) : q.where('s.isArchived', '=', archived ? 1 : 0);
  }
  if (filter.province) q = q.where(`${on}.province`, '=', filter.province);
  return q as Q;
}

const listed = (db: Db, scope: Scope, filter: ClientFilter) => filtered(scopedClients(db, scope), filter, 'clients');

/** A credit-code prefix as a B-tree range: [prefix, successor), the successor within 0-9A-Z (null: no upper bound). */
interface CodeRange {
  from: string;
  to: string | null;
}
const codeAlphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function codeRange(prefix: string): CodeRange {
  for (let i = prefix.length - 1; i >= 0; i--) {
    const next = codeAlphabet[codeAlphabet.indexOf(prefix[i]) + 1];
    if (next) return { from: prefix, to: prefix.slice(0, i) + next };
  }
  return { from: prefix, to: null };
}

/** What a search term matches: a name containing it, a credit code starting with it, or an organisation code (9–17) starting with it. */
interface ClientMatch {
  name: SearchTermMatch | null;
  uscc: CodeRange | null;
  orgCode: CodeRange | null;
}

function toClientMatch(q: string): ClientMatch {
  const code = normalizeIdentifier(q);
  const isCode = /^[0-9A-Z]+$/.test(code);
  return {
    name: toSearchTermMatch(q),
    uscc: isCode && code.length <= 18 ? codeRange(code) : null,
    orgCode: isCode && code.length <= 9 ? codeRange(code) : null,
  };
}

const orgCodeOf = sql<string>`substr(${sql.ref('clients.uscc')}, 9, 9)`;
const inRange = (column: ReturnType<typeof sql.ref> | typeof orgCodeOf, range: CodeRange) =>
  range.to === null ? sql<boolean>`${column} >= ${range.from}` : sql<boolean>`(${column} >= ${range.from} and ${column} < ${range.to})`;
const nameLike = (name: SearchTermMatch) => sql<boolean>`${sql.ref('clients.searchText')} like ${name.like} escape '\\'`;
const anyOf = (parts: ReturnType<typeof sql<boolean>>[]) => (parts.length === 0 ? sql<boolean>`1 = 0` : sql<boolean>`(${sql.join(parts, sql` or `)})`);

/**
 * Every way a row can match, as one predicate on clients: by LIKE, what a walk along the name index checks entry by
 * entry; by tsvector, what PostgreSQL's GIN index finds (both exact: the phrase of bigrams is the substring).
 */
function anyMatch(match: ClientMatch, options: { vector?: boolean } = {}) {
  const parts: ReturnType<typeof sql<boolean>>[] = [];
  if (match.name && options.vector) parts.push(sql<boolean>`${sql.ref('clients.searchVector')} @@ to_tsquery('simple', ${match.name.tsQuery})`);
  else if (match.name) parts.push(nameLike(match.name));
  if (match.uscc) parts.push(inRange(sql.ref('clients.uscc'), match.uscc));
  if (match.orgCode) parts.push(inRange(orgCodeOf, match.orgCode));
  return anyOf(parts);
}

/** The SQLite FTS5 query: the name's phrase, or a code prefix token (`c…`, `k…` as the migration writes them). */
function ftsQuery(match: ClientMatch): string {
  const parts = [...(match.name ? [match.name.ftsQuery] : []), ...(match.uscc ? [`"c${match.uscc.from.toLowerCase()}"`] : []), ...(match.orgCode ? [`"k${match.orgCode.from.toLowerCase()}"`] : [])];
  return parts.join(' OR ');
}

/**
 * The matching rows as (id, name), from the search indexes only: on SQLite the FTS5 index and its slim `client_search`
 * copy; on PostgreSQL a BitmapOr of the tsvector GIN index and the code B-trees.
 */
function matchedClients(db: Db, scope: Scope, filter: ClientFilter, match: ClientMatch): AnySelect {
  if (dialectOf(db) === 'postgres') return listed(db, scope, filter).select(['clients.id as id', 'clients.name as name']).where(anyMatch(match, { vector: true }));
  const fts = withinScope(db.selectFrom('clientFts').innerJoin('clientSearch as s', 's.key', 'clientFts.rowid'), scope, { org: 's.orgId', client: 's.clientId' });
  return filtered(fts, filter, 's').select(['s.clientId as id', 's.name as name']).where(sql<boolean>`${sql.table('clientFts')} match ${ftsQuery(match)}`);
}

/**
 * Client companies, a page at a time (`list-page.ts`). A search counts its matches first, from the search indexes
 * (bounded): up to `countCap` they are few enough to gather and sort (a sort of at most countCap keys, no table
 * scan); beyond that they are dense enough that walking the name index, whose entries carry the searched columns,
 * finds a page quickly. Both give (name, id) order, so a cursor carries over whichever way the next page is found.
 */
export async function listClients(db: Db, scope: Scope, filter: ClientFilter): Promise<Page<ClientRow>> {
  const term = filter.q?.trim();
  if (!term) return listPage(db, { query: listed(db, scope, filter), select: (q) => q.select(clientColumns), order: clientOrder, request: filter.page });
  const match = toClientMatch(term);
  const position = resolvePosition(filter.page, clientOrder);
  const { total, totalIsExact } = await countUpTo(db, db.selectFrom(matchedClients(db, scope, filter, match).as('m')), { cap: filter.countCap ?? countCap });
  const pageOf = (found: ClientRow[]): Page<ClientRow> => {
    const { rows, nextCursor } = finishPage(found, clientOrder, position);
    return { items: rows, total, totalIsExact, page: position.page, pageSize: position.pageSize, nextCursor };
  };
  if (totalIsExact) {
    // Gather: all matches (MATERIALIZED on PostgreSQL, so it cannot trade the sort for a long walk; SQLite can only
    // start from FTS5 here), the page of their keys, then only those rows, read by primary key (CROSS JOIN keeps the
    // keys SQLite's outer loop).
    const materialized = dialectOf(db) === 'postgres';
    const matches = db.with((cte) => (materialized ? cte('m').materialized() : cte('m')), () => matchedClients(db, scope, filter, match)).selectFrom('m').select(['m.id', 'm.name']);
    const keys = applyPosition(matches, matchOrder, position).as('p');
    const rows = await withinScope(db.selectFrom(keys).crossJoin('clients').whereRef('clients.id', '=', 'p.id'), scope, { org: 'clients.orgId', client: 'clients.id' })
      .select(clientColumns)
      .orderBy('p.name')
      .orderBy('p.id')
      .execute();
    return pageOf(rows);
  }
  // Walk: dense matches, checked entry by entry along the name index (which carries search_text and uscc).
  const walked = listed(db, scope, filter).where(anyMatch(match));
  const start = await seekOffset(walked, clientOrder, position);
  return pageOf(start ? await applyPosition(walked.select(clientColumns), clientOrder, start).execute() : []);
}
