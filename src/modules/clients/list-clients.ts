import { sql, type SelectQueryBuilder } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { dialectOf } from '../../platform/db/dialect-of.ts';
import { applyPosition, countUpTo, finishPage, listPage, resolvePosition, seekOffset, type ListOrder, type Page, type PagePosition, type PageRequest } from '../../platform/db/list-page.ts';
import { toSearchTermMatch, type SearchTermMatch } from '../../platform/db/search-grams.ts';
import { normalizeIdentifier } from '../../domain/identifiers/normalize-identifier.ts';
import type { Scope } from '../access/actor.ts';
import { withinScope } from '../access/scope.ts';
import { clientColumns, countClients, isArchived, scopedClients, type ClientRow } from './repository.ts';

export interface ClientFilter {
  q?: string;
  province?: string;
  status: 'active' | 'archived' | 'all';
  page: PageRequest;
  /** Where the count stops being exact and a search walks the name index instead of sorting its matches (tests lower it). */
  countCap?: number;
  /** How many name-index entries a dense search walks before it gathers instead (tests lower it). */
  walkBound?: number;
}

type Keyed = { id: string; name: string };
const orderOn = <Row extends Keyed>(table: string): ListOrder<Row> => ({
  direction: 'asc',
  keys: [
    { ref: `${table}.name`, kind: 'string', read: (row) => row.name },
    { ref: `${table}.id`, kind: 'string', read: (row) => row.id },
  ],
});
/**
 * A search counts its matches exactly up to 1,000, then says "1,000+". Counting reads each match's row in the search
 * copy (organisation, archived state), about half a microsecond each: 1,000 stay well under a millisecond, while the
 * 7,000 matches of a common two-character term took 4–6 ms per request, too slow at 200 requests/s. Beyond 1,000 the
 * matches are dense enough (at least 1 % of 100,000) that walking the name index finds a page within a few thousand
 * entries.
 */
export const searchCountCap = 1_000;

/** Clients are listed by name, then id; indexes (org_id, [archived state], [province], name, id) give this order. */
const clientOrder = orderOn<ClientRow>('clients');
const matchOrder = orderOn<Keyed>('m');
/** The same order on SQLite's search copy (`client_search as s`), whose client id column is `client_id`. */
const searchCopyOrder: ListOrder<Keyed> = {
  direction: 'asc',
  keys: [
    { ref: 's.name', kind: 'string', read: (row) => row.name },
    { ref: 's.clientId', kind: 'string', read: (row) => row.id },
  ],
};

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

const orgCodeOf = (column: string) => sql<string>`substr(${sql.ref(column)}, 9, 9)`;
const inRange = (column: ReturnType<typeof sql.ref> | ReturnType<typeof orgCodeOf>, range: CodeRange) =>
  range.to === null ? sql<boolean>`${column} >= ${range.from}` : sql<boolean>`(${column} >= ${range.from} and ${column} < ${range.to})`;
const nameLike = (name: SearchTermMatch, column: string) => sql<boolean>`${sql.ref(column)} like ${name.like} escape '\\'`;
const anyOf = (parts: ReturnType<typeof sql<boolean>>[]) => (parts.length === 0 ? sql<boolean>`1 = 0` : sql<boolean>`(${sql.join(parts, sql` or `)})`);

/**
 * Every way a row can match, as one predicate on `table` (clients, or a stretch of its name index): by LIKE, what a
 * walk along the name index checks entry by entry; by tsvector, what PostgreSQL's GIN index finds (both exact: the
 * phrase of bigrams is the substring).
 */
function anyMatch(match: ClientMatch, options: { vector?: boolean; table?: string; columns?: { searchText: string; uscc: string } } = {}) {
  const table = options.table ?? 'clients';
  const columns = options.columns ?? { searchText: `${table}.searchText`, uscc: `${table}.uscc` };
  const parts: ReturnType<typeof sql<boolean>>[] = [];
  if (match.name && options.vector) parts.push(sql<boolean>`${sql.ref(`${table}.searchVector`)} @@ to_tsquery('simple', ${match.name.tsQuery})`);
  else if (match.name) parts.push(nameLike(match.name, columns.searchText));
  if (match.uscc) parts.push(inRange(sql.ref(columns.uscc), match.uscc));
  if (match.orgCode) parts.push(inRange(orgCodeOf(columns.uscc), match.orgCode));
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
 * How many entries of the name index a dense search walks before it gathers instead: about a millisecond of
 * checking. Matches of a common term can sit together late in name order (every 资阳… company after most others),
 * where a walk from the start would check most of the index.
 */
const walkBound = 5_000;

/**
 * Client companies, a page at a time (`list-page.ts`). A search counts its matches first, from the search indexes,
 * up to `searchCountCap`. Few matches are gathered and sorted: at most the cap's worth of keys, no table scan. Many
 * matches are dense, so a bounded walk along the name index (whose entries carry the searched columns) usually fills
 * the page within `walkBound` entries; when it does not, the matches are gathered and sorted after all. Every way
 * gives (name, id) order, so a cursor carries over whichever way the next page is found.
 */
export async function listClients(db: Db, scope: Scope, filter: ClientFilter): Promise<Page<ClientRow>> {
  const term = filter.q?.trim();
  if (!term) {
    // Unfiltered, an organisation's list totals come exact from its counters; a province filter counts (bounded).
    const counted = scope.clientId === null && !filter.province;
    const total = async () => {
      const counts = await countClients(db, scope);
      return filter.status === 'active' ? counts.active : filter.status === 'archived' ? counts.archived : counts.active + counts.archived;
    };
    return listPage(db, { query: listed(db, scope, filter), select: (q) => q.select(clientColumns), order: clientOrder, request: filter.page, ...(counted ? { total } : {}) });
  }
  const match = toClientMatch(term);
  const cap = filter.countCap ?? searchCountCap;
  const position = resolvePosition(filter.page, clientOrder, Math.max(cap, searchCountCap));
  if (dialectOf(db) === 'postgres' && match.name?.gram && !match.uscc && !match.orgCode) return listByGram(db, scope, filter, match.name.gram, { position, cap });
  const { total, totalIsExact } = await countUpTo(db, matchedClients(db, scope, filter, match), { cap });

  // The matches' keys in (name, id) order, from the search indexes. On PostgreSQL as a MATERIALIZED set, so it cannot
  // trade the sort for a long walk; on SQLite straight from FTS5 and the search copy, where a LIMIT keeps only the
  // page's worth of keys while sorting.
  const sortedMatches = (): { query: AnySelect; order: ListOrder<Keyed> } =>
    dialectOf(db) === 'postgres'
      ? { query: db.with((cte) => cte('m').materialized(), () => matchedClients(db, scope, filter, match)).selectFrom('m').select(['m.id', 'm.name']), order: matchOrder }
      : { query: matchedClients(db, scope, filter, match), order: searchCopyOrder };
  // A page of keys, then only those rows, read by primary key (CROSS JOIN keeps the keys SQLite's outer loop).
  const rowsOf = (keys: AnySelect) =>
    withinScope(db.selectFrom(keys.as('p')).crossJoin('clients').whereRef('clients.id', '=', 'p.id'), scope, { org: 'clients.orgId', client: 'clients.id' })
      .select(clientColumns)
      .orderBy('p.name')
      .orderBy('p.id')
      .execute();
  const gather = (at: PagePosition) => {
    const { query, order } = sortedMatches();
    return rowsOf(applyPosition(query, order, at));
  };
  // A bounded stretch of the name index from `at` (an index range, read in order), and the first page of its matches.
  // Only the stretch's matches are put in order again, never the whole stretch. Null when the stretch holds less than
  // a page and the list goes on beyond it.
  const walk = async (at: PagePosition): Promise<ClientRow[] | null> => {
    const bound = filter.walkBound ?? walkBound;
    const stretch = applyPosition(listed(db, scope, filter).select(['clients.id', 'clients.name', 'clients.searchText', 'clients.uscc']), clientOrder, { ...at, pageSize: bound - 1 });
    const rows = await rowsOf(db.selectFrom(stretch.as('w')).select(['w.id', 'w.name']).where(anyMatch(match, { table: 'w' })).orderBy('w.name').orderBy('w.id').limit(at.pageSize + 1));
    if (rows.length > at.pageSize) return rows;
    const beyond = await applyPosition(listed(db, scope, filter).select(['clients.id']), clientOrder, { ...at, offset: bound, pageSize: 0 }).executeTakeFirst();
    return beyond ? null : rows;
  };

  let found: ClientRow[] = [];
  if (totalIsExact) found = await gather(position);
  else {
    // Page numbers (an offset) become a cursor: the key of the match just before the page, from the sorted matches.
    const { query, order } = sortedMatches();
    const start = await seekOffset(query.clearSelect(), order, position);
    if (start) found = (await walk(start)) ?? (await gather(start));
  }
  const { rows, nextCursor } = finishPage(found, clientOrder, position);
  return { items: rows, total, totalIsExact, page: position.page, pageSize: position.pageSize, nextCursor };
}

/** A one-gram search's order on PostgreSQL's gram table (`client_grams as g`): the same (name, id) as the list. */
const gramOrder: ListOrder<Keyed> = {
  direction: 'asc',
  keys: [
    { ref: 'g.name', kind: 'string', read: (row) => row.name },
    { ref: 'g.clientId', kind: 'string', read: (row) => row.id },
  ],
};

/**
 * PostgreSQL, a term of one gram (one or two characters, not a code): the matches are the index range (org, gram) of
 * `client_grams` (migration 0014), already in (name, id) order, with status and province read from the index entry.
 * The bounded count walks at most cap + 1 entries, a page reads a page's worth, and only the page's rows are fetched.
 */
async function listByGram(db: Db, scope: Scope, filter: ClientFilter, gram: string, at: { position: PagePosition; cap: number }): Promise<Page<ClientRow>> {
  let matches = withinScope(db.selectFrom('clientGrams as g'), scope, { org: 'g.orgId', client: 'g.clientId' }).where('g.gram', '=', gram);
  if (filter.status !== 'all') matches = matches.where('g.isArchived', '=', filter.status === 'archived' ? 1 : 0);
  if (filter.province) matches = matches.where('g.province', '=', filter.province);
  const { total, totalIsExact } = await countUpTo(db, matches, { order: gramOrder, cap: at.cap });
  const start = await seekOffset(matches, gramOrder, at.position);
  const keys = start ? applyPosition(matches.select(['g.clientId as id', 'g.name as name']), gramOrder, start) : null;
  const found = keys
    ? await withinScope(db.selectFrom(keys.as('p')).crossJoin('clients').whereRef('clients.id', '=', 'p.id'), scope, { org: 'clients.orgId', client: 'clients.id' })
        .select(clientColumns)
        .orderBy('p.name')
        .orderBy('p.id')
        .execute()
    : [];
  const { rows, nextCursor } = finishPage(found, clientOrder, at.position);
  return { items: rows, total, totalIsExact, page: at.position.page, pageSize: at.position.pageSize, nextCursor };
}

/**
 * The ids of the scope's client companies a search term matches (name, credit code or organisation code), as a
 * subquery other lists filter by (`where client_id in (…)`), answered from the same search indexes.
 */
export function clientIdsMatching(db: Db, scope: Scope, q: string): AnySelect {
  const match = toClientMatch(q.trim());
  if (dialectOf(db) === 'postgres' && match.name?.gram && !match.uscc && !match.orgCode) {
    // One gram: a range of the gram table (migration 0014), not a GIN bitmap of every match.
    return withinScope(db.selectFrom('clientGrams as g'), scope, { org: 'g.orgId', client: 'g.clientId' }).where('g.gram', '=', match.name.gram).select('g.clientId as id');
  }
  return db.selectFrom(matchedClients(db, scope, { status: 'all', page: {} }, match).as('mc')).select('mc.id');
}

/**
 * Whether a row's copy of its company's search text and credit code (named by `columns`) matches a search term: what
 * a walk along another list (applications in their order) tests entry by entry when the term matches many companies.
 */
export function clientRowMatches(q: string, columns: { searchText: string; uscc: string }) {
  return anyMatch(toClientMatch(q.trim()), { columns });
}
