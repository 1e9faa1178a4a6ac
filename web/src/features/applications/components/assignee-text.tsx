import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAssigneeName } from '../hooks/use-assignable-users';

/** Who is in charge: their name, "未指派", or "已指派" when the viewer may not list the organisation's users. */
export function AssigneeText({ assigneeId }: { assigneeId: string | null }) {
  const { t } = useTranslation();
  const nameOf = useAssigneeName();
  const name = nameOf(assigneeId);
  if (name === null) return <Typography.Text type="secondary" style={{ fontSize: 'inherit' }}>{t('applications.unassigned')}</Typography.Text>;
  return <>{name || t('applications.assignedToSomeone')}</>;
}
