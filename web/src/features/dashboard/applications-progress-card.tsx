import { Card, Empty, Flex } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApplicationStateTag } from '../applications/components/application-state-tag';
import { ApplicationsTable } from '../applications/components/applications-table';
import { useApplicationList, type ApplicationState } from '../applications/hooks/use-applications';
import type { DashboardSummary } from './use-dashboard-summary';

const shown = 5;

/** How many applications stand in each state, each opening the list at that state. */
function StateCounts({ byState }: { byState: DashboardSummary['applications']['byState'] }) {
  if (byState.length === 0) return null;
  return (
    <Flex gap={8} wrap style={{ marginBottom: 12 }} data-testid="applications-by-state">
      {byState.map(({ state, count }) => (
        <Link key={state} to={`/applications?state=${state}`} data-state={state}>
          <ApplicationStateTag state={state as ApplicationState} /> <strong>{count}</strong>
        </Link>
      ))}
    </Flex>
  );
}

/** 申请进度: how many stand in each state, and the applications that changed last; the list has the rest. */
export function ApplicationsProgressCard({ isStaff, summary }: { isStaff: boolean; summary: DashboardSummary | undefined }) {
  const { t } = useTranslation();
  const { data, isPending, isFetching } = useApplicationList({ page: 1, pageSize: shown });
  return (
    <Card
      title={summary && summary.applications.total > 0 ? t('dashboard.applicationsTitleCount', { count: summary.applications.total }) : t('dashboard.applicationsTitle')}
      extra={<Link to="/applications">{t('dashboard.viewApplications')}</Link>}
      data-testid="dashboard-applications"
    >
      {summary && <StateCounts byState={summary.applications.byState} />}
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
