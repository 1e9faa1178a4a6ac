import { Card, Empty, Flex, Progress, Table, Typography, type TableColumnsType } from 'antd';
import { TrophyOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLocalized } from '../../../app/localized';
import type { DashboardSummary } from '../use-dashboard-summary';

type Scores = DashboardSummary['scores'];
type ClientScore = Scores['lowest'][number];

function scoreColor(score: number): string {
  if (score >= 90) return '#389e0d';
  if (score >= 70) return '#d48806';
  return '#cf1322';
}

/** 按时完成率: the portfolio's on-time share, the ten lowest clients, and how it is counted. */
export function ComplianceScoreCard({ summary, loading, isStaff }: { summary: DashboardSummary | undefined; loading: boolean; isStaff: boolean }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const scores = summary?.scores;
  const columns: TableColumnsType<ClientScore> = [
    { key: 'client', title: t('dashboard.scores.client'), render: (_, c) => <Link to={`/clients/${c.clientId}`}>{c.clientName}</Link> },
    {
      key: 'score',
      title: t('dashboard.scores.score'),
      width: 90,
      render: (_, c) => (c.score === null ? '—' : <Typography.Text strong style={{ color: scoreColor(c.score) }}>{c.score}%</Typography.Text>),
    },
    { key: 'due', title: t('dashboard.scores.due'), width: 70, align: 'right', render: (_, c) => c.due },
    { key: 'onTime', title: t('dashboard.scores.onTime'), width: 90, align: 'right', render: (_, c) => c.onTime },
  ];
  return (
    <Card
      data-testid="dashboard-scores"
      loading={loading}
      style={{ height: '100%' }}
      title={
        <>
          <TrophyOutlined /> {t('dashboard.scores.title')}
        </>
      }
    >
      {scores && (
        <Flex vertical gap={12}>
          {scores.overall === null ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboard.scores.none', { months: String(scores.months) })} />
          ) : (
            <Flex align="center" gap={16}>
              <Progress type="dashboard" size={110} percent={scores.overall} strokeColor={scoreColor(scores.overall)} format={(p) => `${p}%`} data-testid="overall-score" />
              <Flex vertical>
                <Typography.Text strong>{t(isStaff ? 'dashboard.scores.overall' : 'dashboard.scores.overallClient', { months: String(scores.months) })}</Typography.Text>
                {isStaff && <Typography.Text type="secondary">{t('dashboard.scores.clients', { count: scores.clients })}</Typography.Text>}
              </Flex>
            </Flex>
          )}
          {isStaff && scores.lowest.length > 0 && (
            <>
              <Typography.Text strong>{t('dashboard.scores.lowestTitle')}</Typography.Text>
              <Table<ClientScore> rowKey="clientId" size="small" columns={columns} dataSource={scores.lowest} pagination={false} data-testid="lowest-scores" />
            </>
          )}
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: 0 }} data-testid="score-formula">
            {t('dashboard.scores.formula')}
            {localized(scores.formula)}
          </Typography.Paragraph>
        </Flex>
      )}
    </Card>
  );
}
