import { Card, Empty } from 'antd';
import { CalendarOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatListCount } from '../../../app/list-count';
import { ObligationsTable } from '../../obligations/components/obligations-table';
import type { DashboardSummary } from '../use-dashboard-summary';

/** 未来30天: the first ten open obligations due from today to 30 days ahead; each opens in the list's details. */
export function Next30DaysCard({ summary, loading, isStaff }: { summary: DashboardSummary | undefined; loading: boolean; isStaff: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const next = summary?.next30;
  return (
    <Card
      data-testid="dashboard-next30"
      title={
        <>
          <CalendarOutlined /> {t('dashboard.next30.title')}
        </>
      }
      extra={<Link to="/obligations?dueWithinDays=30">{next && next.total > next.items.length ? t('dashboard.next30.viewAll', { total: formatListCount(next) }) : t('dashboard.next30.viewList')}</Link>}
      style={{ height: '100%' }}
    >
      <ObligationsTable
        items={next?.items}
        loading={loading}
        size="small"
        empty={loading ? ' ' : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboard.next30.empty')} />}
        pagination={false}
        hide={isStaff ? ['actions'] : ['actions', 'assignee', 'client']}
        canWrite={false}
        onOpen={(o) => void navigate(`/obligations?focus=${o.id}`)}
        onComplete={() => undefined}
        testId="next30-table"
      />
    </Card>
  );
}
