import type { FormInstance } from 'antd';
import type { ApiError } from './api-error';
import { notifyError } from './error-notifier';

/**
 * Shows the server's field issues beside the named form fields.
 * Anything it cannot place (no field, or a field not on this form) goes to the one error notifier.
 */
export function showFormError(form: FormInstance, error: ApiError, fields: readonly string[]): void {
  const issues = error.fieldIssues;
  const placed = issues.filter((issue) => fields.includes(issue.field));
  if (placed.length > 0) {
    form.setFields(placed.map((issue) => ({ name: issue.field, errors: [issue.message] })));
    form.scrollToField(placed[0].field, { block: 'center' });
  }
  if (placed.length === 0 || placed.length < issues.length) notifyError(error);
}
