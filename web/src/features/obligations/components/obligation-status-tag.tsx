import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ObligationStatus } from '../hooks/use-obligations';

/** Red, orange, blue, green, grey: overdue, due soon, upcoming, done, not applicable. */
export const obligationStatusColors: Record<ObligationStatus, string> = { overdue: 'red', 'due-soon': 'orange', upcoming: 'blue', done: 'green', 'not-applicable': 'default' };

export function ObligationStatusTag({ status }: { status: ObligationStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={obligationStatusColors[status]} data-testid="obligation-status" data-status={status} style={{ marginInlineEnd: 0 }}>
      {t(`obligations.status.${status}`)}
    </Tag>
  );
}
