// Self-contained (no imports): the unit tests run it under Node, beside the server's.

/**
 * The rows a list reaches by page number: the API counts and pages by number only up to here (its `countCap`);
 * past it `total` is this number with `totalIsExact` false, and a deeper `page` is refused with PAGE_TOO_DEEP.
 */
export const pageNumberRowLimit = 10_000;

/** The same for a client search, which counts and pages by number up to 1,000 matches (the API's `searchCountCap`). */
export const searchPageNumberRowLimit = 1_000;

/** The count every paged list answers with. */
export interface ListCount {
  total: number;
  totalIsExact: boolean;
}

/** "1,234", or "10,000+" when the API stopped counting at its cap ("at least"). */
export function formatListCount(count: ListCount): string {
  const grouped = count.total.toLocaleString('en-US', { maximumFractionDigits: 0 });
  return count.totalIsExact ? grouped : `${grouped}+`;
}

/** The deepest page number a table may offer (or a link may ask for) at this page size. */
export function lastPageNumber(pageSize: number, rowLimit = pageNumberRowLimit): number {
  return Math.max(1, Math.ceil(rowLimit / pageSize));
}

/** The total a table's pager counts pages from: the list's total, but never past the rows reached by page number. */
export function pagerTotal(count: ListCount | undefined, rowLimit = pageNumberRowLimit): number {
  return Math.min(count?.total ?? 0, rowLimit);
}
