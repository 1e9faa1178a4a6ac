import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../app/format';
import type { Application } from '../hooks/use-applications';

/** The application's next due date, with a red 逾期 tag once it has passed; a dash once the application has ended. */
export function DueDateText({ application, compact = false }: { application: Pick<Application, 'dueOn' | 'overdue'>; compact?: boolean }) {
  const { t } = useTranslation();
  if (!application.dueOn) return compact ? null : <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space size={4} style={{ whiteSpace: 'nowrap' }}>
      {!compact && <Typography.Text type={application.overdue ? 'danger' : undefined}>{formatDate(application.dueOn)}</Typography.Text>}
      {application.overdue && (
        <Tag color="error" style={{ marginInlineEnd: 0 }} data-testid="application-overdue">
          {t('applications.overdueTag')}
        </Tag>
      )}
    </Space>
  );
}
