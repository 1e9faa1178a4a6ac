import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import { AppError, invalidFields } from '../errors/app-error.ts';

/**
 * The one list mechanism (clients, users, tokens, the audit log, and every list to come).
 *
 * - Order: a unique sort key (e.g. name, id), every list backed by an index on (filter columns…, key…), so a page is an
 *   index range: no sort, no scan.
 * - Position: an opaque `cursor` (base64url of the last row's key) continues after that row, in constant time at any
 *   depth, and never skips or repeats a row while others are inserted. `page` (an OFFSET) stays for the page numbers a
 *   table shows, but only while the offset is below `countCap`: that is every row the count reports, and an OFFSET
 *   walk of at most 10,000 index entries stays cheap. Deeper pages continue by cursor.
 * - Count: exact up to `countCap`, then "10,000+" (`total: countCap, totalIsExact: false`): the count walks at most
 *   countCap + 1 index entries (a LIMITed subquery). A per-organisation counter would be exact but needs upkeep in
 *   every write path, and still could not count a filter or a search.
 */
export const countCap = 10_000;

/** What a caller asks for: a cursor, or a page number (for small offsets), and a page size. */
export interface PageRequest {
  cursor?: string;
  page?: number;
  pageSize?: number;
}

/** A page of a list, as every list route answers it. */
export interface Page<T> {
  items: T[];
  /** Exact when `totalIsExact`; otherwise at least this many (`countCap`). */
  total: number;
  totalIsExact: boolean;
  /** The page number: from `page`, or as the caller counts when it sent a cursor. */
  page: number;
  pageSize: number;
  /** Send back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

/** One column of a list's sort key: its SQL reference, how to read it from a row, and its JSON type in a cursor. */
export interface SortKey<Row> {
  ref: string;
  kind: 'string' | 'number';
  read(row: Row): string | number;
}

/** A list's order: a unique key (the last column makes it unique), all ascending or all descending. */
export interface ListOrder<Row> {
  /**
   * Names the order where one list has several with keys of the same shape (applications newest first, or overdue
   * longest first): the name rides in the cursor, so a cursor of one order is refused by the other.
   */
  name?: string;
  direction: 'asc' | 'desc';
  keys: SortKey<Row>[];
}

/** Where a page starts: after a cursor's key, or at an offset. */
export interface PagePosition {
  after: Array<string | number> | null;
  offset: number;
  page: number;
  pageSize: number;
}

const defaultPageSize = 20;

function badCursor(): AppError {
  return invalidFields([{ field: 'cursor', code: 'CURSOR_INVALID', message: { zh: '翻页游标无效，请从第一页重新开始', en: 'invalid cursor: start again from the first page' } }]);
}

export function encodeCursor(values: Array<string | number>, orderName?: string): string {
  return Buffer.from(JSON.stringify(orderName ? [...values, { order: orderName }] : values), 'utf8').toString('base64url');
}

/** Reads a cursor for this order, refusing anything that is not a key of the right shape (400 naming `cursor`). */
export function decodeCursor<Row>(cursor: string, order: ListOrder<Row>): Array<string | number> {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  if (!Array.isArray(values)) throw badCursor();
  if (order.name) {
    const tag = values.pop() as { order?: unknown } | undefined;
    if (typeof tag !== 'object' || tag === null || tag.order !== order.name) throw badCursor();
  }
  if (values.length !== order.keys.length) throw badCursor();
  values.forEach((value, i) => {
    const ok = order.keys[i].kind === 'number' ? Number.isSafeInteger(value) : typeof value === 'string' && value.length <= 1000;
    if (!ok) throw badCursor();
  });
  return values as Array<string | number>;
}

/**
 * Turns a request into a position; an offset at or beyond `cap` (the list's count cap: page numbers reach only the rows
 * it counts) is refused (400 naming `page`): continue with the cursor.
 */
export function resolvePosition<Row>(request: PageRequest, order: ListOrder<Row>, cap = countCap): PagePosition {
  const pageSize = request.pageSize ?? defaultPageSize;
  const page = request.page ?? 1;
  if (request.cursor) return { after: decodeCursor(request.cursor, order), offset: 0, page, pageSize };
  const offset = (page - 1) * pageSize;
  if (offset >= cap) {
    throw invalidFields([{ field: 'page', code: 'PAGE_TOO_DEEP', message: { zh: `页码只能翻到第 ${cap} 条记录以内，更深请用 cursor（nextCursor）继续`, en: `page numbers reach the first ${cap} rows; continue deeper with the cursor (nextCursor)` } }]);
  }
  return { after: null, offset, page, pageSize };
}

/** Orders a query by the key and starts it at the position; fetches one extra row to know whether more follow. */
export function applyPosition<Q extends SelectQueryBuilder<any, any, any>, Row>(query: Q, order: ListOrder<Row>, position: PagePosition): Q {
  let q = query;
  if (position.after) {
    const columns = sql.join(order.keys.map((k) => sql.ref(k.ref)));
    const values = sql.join(position.after.map((v) => sql.val(v)));
    // A row-value comparison: both databases turn it into one index range.
    q = (q as any).where(sql<boolean>`(${columns}) ${sql.raw(order.direction === 'asc' ? '>' : '<')} (${values})`);
  }
  for (const key of order.keys) q = (q as any).orderBy(sql.ref(key.ref), order.direction);
  q = (q as any).limit(position.pageSize + 1);
  if (position.offset > 0) q = (q as any).offset(position.offset);
  return q;
}

/**
 * Turns an offset into a cursor: the skipped rows are walked reading only the key columns (from the list's index,
 * without visiting a row), then the page starts after the last of them. Null when the offset is past the end.
 */
export async function seekOffset<Row>(query: SelectQueryBuilder<any, any, any>, order: ListOrder<Row>, position: PagePosition): Promise<PagePosition | null> {
  if (position.offset === 0) return position;
  let q = query.select(order.keys.map((key, i) => sql.ref(key.ref).as(`k${i}`)));
  for (const key of order.keys) q = q.orderBy(sql.ref(key.ref), order.direction);
  const row = (await q.offset(position.offset - 1).limit(1).executeTakeFirst()) as Record<string, string | number> | undefined;
  return row ? { ...position, after: order.keys.map((_, i) => row[`k${i}`]), offset: 0 } : null;
}

/** Cuts the extra row off and makes the cursor of the last row kept (null when no row follows). */
export function finishPage<Row>(rows: Row[], order: ListOrder<Row>, position: PagePosition): { rows: Row[]; nextCursor: string | null } {
  if (rows.length <= position.pageSize) return { rows, nextCursor: null };
  const kept = rows.slice(0, position.pageSize);
  return { rows: kept, nextCursor: encodeCursor(order.keys.map((k) => k.read(kept[kept.length - 1])), order.name) };
}

/**
 * Counts a query's rows up to `cap` + 1 and says whether the count is exact. Give it the list's order, so the count
 * walks the same index as the page (covering, as it reads no other column) instead of a full scan.
 */
export async function countUpTo<Row>(db: Kysely<any>, query: SelectQueryBuilder<any, any, any>, options: { order?: ListOrder<Row>; cap?: number } = {}): Promise<{ total: number; totalIsExact: boolean }> {
  const cap = options.cap ?? countCap;
  let capped = query.select(sql<number>`1`.as('one'));
  for (const key of options.order?.keys ?? []) capped = capped.orderBy(sql.ref(key.ref), options.order!.direction);
  const { n } = await db
    .selectFrom(capped.limit(cap + 1).as('capped'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const total = Number(n);
  return total > cap ? { total: cap, totalIsExact: false } : { total, totalIsExact: true };
}

/**
 * A page of `query` (filters applied, nothing selected yet): `select` picks the columns, `order` is the unique key
 * its index provides. Runs the bounded count and the page query.
 */
export async function listPage<Row>(
  db: Kysely<any>,
  input: {
    query: SelectQueryBuilder<any, any, any>;
    select: (q: SelectQueryBuilder<any, any, any>) => SelectQueryBuilder<any, any, Row>;
    order: ListOrder<Row>;
    request: PageRequest;
    /** An exact total the caller already keeps (e.g. an organisation's counters), instead of the bounded count. */
    total?: () => Promise<number>;
  },
): Promise<Page<Row>> {
  const requested = resolvePosition(input.request, input.order);
  const { total, totalIsExact } = input.total ? { total: await input.total(), totalIsExact: true } : await countUpTo(db, input.query, { order: input.order });
  const position = await seekOffset(input.query, input.order, requested);
  const rows = position ? ((await applyPosition(input.select(input.query), input.order, position).execute()) as Row[]) : [];
  const { rows: items, nextCursor } = finishPage(rows, input.order, requested);
  return { items, total, totalIsExact, page: requested.page, pageSize: requested.pageSize, nextCursor };
}

/** The same page with its items converted (stored rows → API shape). */
export function mapPage<A, B>(page: Page<A>, convert: (row: A) => B): Page<B> {
  return { ...page, items: page.items.map(convert) };
}
