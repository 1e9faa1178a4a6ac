import { Card, Empty } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApplicationsTable } from '../applications/components/applications-table';
import { useApplicationList } from '../applications/hooks/use-applications';

const shown = 5;

/** 申请进度: the applications that changed last, each with where it stands; the list has the rest. */
export function ApplicationsProgressCard({ isStaff }: { isStaff: boolean }) {
  const { t } = useTranslation();
  const { data, isPending, isFetching } = useApplicationList({ page: 1, pageSize: shown });
  return (
    <Card title={t('dashboard.applicationsTitle')} extra={<Link to="/applications">{t('dashboard.viewApplications')}</Link>} data-testid="dashboard-applications">
      <ApplicationsTable
        items={data?.items}
        loading={isFetching}
        size="small"
        hideAssignee={!isStaff}
        empty={isPending ? ' ' : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(isStaff ? 'dashboard.noApplications' : 'dashboard.noApplicationsClient')} />}
        pagination={false}
      />
    </Card>
  );
}
