import { lazy, Suspense } from 'react';
import { Card, Empty, Skeleton, Typography } from 'antd';
import { BarChartOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { DashboardSummary } from '../use-dashboard-summary';

// The chart library comes in its own file, after the rest of the dashboard.
const MonthsChart = lazy(async () => ({ default: (await import('./months-chart')).MonthsChart }));

/** 未来12个月: how much falls due each month, so busy months (the 1–3 月 report season) are seen coming. */
export function MonthsChartCard({ summary, loading }: { summary: DashboardSummary | undefined; loading: boolean }) {
  const { t } = useTranslation();
  const months = summary?.months ?? [];
  const empty = !loading && months.every((m) => m.total === 0);
  const skeleton = <Skeleton active paragraph={{ rows: 6 }} />;
  return (
    <Card
      data-testid="dashboard-months"
      style={{ height: '100%' }}
      title={
        <>
          <BarChartOutlined /> {t('dashboard.months.title')}
        </>
      }
    >
      <Typography.Paragraph type="secondary">{t('dashboard.months.hint')}</Typography.Paragraph>
      {loading ? skeleton : empty ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboard.months.empty')} /> : <Suspense fallback={skeleton}>{<MonthsChart months={months} />}</Suspense>}
    </Card>
  );
}
