import type { FormInstance, FormItemProps } from 'antd';
import type { ApiError, FieldIssue } from './api-error';
import { notifyError } from './error-notifier';

type NamePath = NonNullable<FormItemProps['name']>;

/** Where one server issue goes on a form, and the message to show there (the server's when left out). */
export type IssuePlacement = { name: NamePath; message?: string } | null;

/**
 * Shows the server's field issues beside the form fields `place` names (e.g. `days[3].date` → ['days', 3, 'date']).
 * Anything it cannot place goes to the one error notifier. Returns how many issues were placed.
 */
export function showFieldIssues(form: FormInstance, error: ApiError, place: (issue: FieldIssue) => IssuePlacement): number {
  const issues = error.fieldIssues;
  const byName = new Map<string, { name: NamePath; errors: string[] }>();
  for (const issue of issues) {
    const placement = place(issue);
    if (!placement) continue;
    const key = JSON.stringify(placement.name);
    const entry = byName.get(key) ?? { name: placement.name, errors: [] };
    entry.errors.push(placement.message ?? issue.message);
    byName.set(key, entry);
  }
  const placed = [...byName.values()];
  const placedCount = issues.filter((issue) => place(issue) !== null).length;
  if (placed.length > 0) {
    form.setFields(placed);
    form.scrollToField(placed[0].name, { block: 'center' });
  }
  if (placedCount === 0 || placedCount < issues.length) notifyError(error);
  return placedCount;
}

/**
 * Shows the server's field issues beside the named form fields.
 * Anything it cannot place (no field, or a field not on this form) goes to the one error notifier.
 */
export function showFormError(form: FormInstance, error: ApiError, fields: readonly string[]): void {
  showFieldIssues(form, error, (issue) => (fields.includes(issue.field) ? { name: issue.field } : null));
}
