import type { FieldIssue } from '../../../app/api-error';

export type DayPart = 'date' | 'isOffDay' | 'name';
export type HeaderField = 'year' | 'source' | 'papers';

/** Where the server says a problem is: one listed day (and which part of it), a header field, or the whole file. */
export type IssueTarget = { kind: 'day'; row: number; part: DayPart | null } | { kind: 'header'; field: HeaderField } | { kind: 'other' };

/**
 * Reads the server's field names: `days[3].date` from the calendar rules, `arrangement.days.3.name` from the request
 * schema, `arrangement.source`, `year`, `(root)`.
 */
export function locateIssue(field: string): IssueTarget {
  const path = field.replace(/^(arrangement|holidayCn)\./, '').replace(/^days\.(\d+)/, 'days[$1]');
  const day = /^days\[(\d+)\](?:\.(date|isOffDay|name))?$/.exec(path);
  if (day) return { kind: 'day', row: Number(day[1]), part: (day[2] as DayPart | undefined) ?? null };
  const header = /^(year|source|papers)\b/.exec(path);
  if (header) return { kind: 'header', field: header[1] as HeaderField };
  return { kind: 'other' };
}

/**
 * The message without the leading path ("days[1]：…"), which means nothing to a user once shown beside the row;
 * other rows it names (「已在 days[5] 以不同含义列出」) become row numbers as the user sees them.
 */
export function issueText(issue: FieldIssue, rowLabel: (row: number) => string): string {
  return issue.message
    .replace(/^(?:days\[\d+\](?:\.\w+)?|year|source|papers|\(root\))\s*[：:]\s*/, '')
    .replace(/days\[(\d+)\]/g, (_, row: string) => rowLabel(Number(row) + 1));
}
