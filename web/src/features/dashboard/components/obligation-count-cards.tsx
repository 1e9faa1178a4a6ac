import { Card, Col, Statistic, Typography } from 'antd';
import { CheckCircleOutlined, ClockCircleOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { DashboardSummary } from '../use-dashboard-summary';

interface CountCardProps {
  testId: string;
  title: string;
  hint: string;
  value: number | undefined;
  color: string;
  icon: ReactNode;
  to: string;
  loading: boolean;
}

function CountCard({ testId, title, hint, value, color, icon, to, loading }: CountCardProps) {
  const { t } = useTranslation();
  return (
    <Col xs={24} md={8}>
      <Link to={to} data-testid={testId} data-count={loading ? undefined : value}>
        <Card hoverable style={{ height: '100%', borderTop: `4px solid ${color}` }}>
          <Statistic title={title} value={value ?? 0} loading={loading} prefix={icon} styles={{ content: { color } }} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {hint} · {t('dashboard.counts.view')}
          </Typography.Text>
        </Card>
      </Link>
    </Col>
  );
}

/** Red, amber, green: overdue, due within 14 days, due later; each opens the list with that filter. */
export function ObligationCountCards({ summary, loading }: { summary: DashboardSummary | undefined; loading: boolean }) {
  const { t } = useTranslation();
  const counts = summary?.obligations;
  const days = String(counts?.dueSoonDays ?? 14);
  return (
    <>
      <CountCard
        testId="count-overdue"
        title={t('dashboard.counts.overdue')}
        hint={t('dashboard.counts.overdueHint')}
        value={counts?.overdue}
        color="#cf1322"
        icon={<ExclamationCircleOutlined />}
        to="/obligations?status=overdue"
        loading={loading}
      />
      <CountCard
        testId="count-due-soon"
        title={t('dashboard.counts.dueSoon', { days })}
        hint={t('dashboard.counts.dueSoonHint', { days })}
        value={counts?.dueSoon}
        color="#d48806"
        icon={<ClockCircleOutlined />}
        // due-soon narrowed to the dashboard's window: open, from today to today + 14 days.
        to={`/obligations?dueAfterDays=0&dueWithinDays=${days}`}
        loading={loading}
      />
      <CountCard
        testId="count-on-track"
        title={t('dashboard.counts.onTrack')}
        hint={t('dashboard.counts.onTrackHint', { days })}
        value={counts?.onTrack}
        color="#389e0d"
        icon={<CheckCircleOutlined />}
        // open and due after the dashboard's window, as the card counts them.
        to={`/obligations?dueAfterDays=${days + 1}`}
        loading={loading}
      />
    </>
  );
}
