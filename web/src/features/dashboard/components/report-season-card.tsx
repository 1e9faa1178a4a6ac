import { useState } from 'react';
import { Alert, Card, Empty, Flex, Result, Tag, Typography } from 'antd';
import { FileDoneOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatListCount } from '../../../app/list-count';
import { useLocalized } from '../../../app/localized';
import { BulkActions } from '../../obligations/components/bulk-actions';
import { ObligationsTable } from '../../obligations/components/obligations-table';
import type { ObligationBrief } from '../../obligations/hooks/use-obligations';
import type { DashboardSummary } from '../use-dashboard-summary';

type Season = DashboardSummary['season'];
const phaseColors: Record<Season['phase'], string> = { filing: 'blue', 'catch-up': 'orange', closed: 'default' };

/**
 * 年报季: where the annual-report season stands (1–3 月 填报, 4 月 补报, then closed), the licences still missing this
 * year's report, marked filed in bulk, and the 不良名单 warning from April on.
 */
export function ReportSeasonCard({ summary, loading, canWrite }: { summary: DashboardSummary | undefined; loading: boolean; canWrite: boolean }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const navigate = useNavigate();
  const [selected, setSelected] = useState<ObligationBrief[]>([]);
  const season = summary?.season;
  const missing = season ? { total: season.missing, totalIsExact: season.missingIsExact } : null;
  const listLink = `/obligations?kind=annual-report${season && season.phase !== 'filing' ? '&status=overdue' : ''}`;

  return (
    <Card
      data-testid="report-season"
      data-phase={season?.phase}
      loading={loading}
      title={
        <Flex gap={8} align="center" wrap>
          <FileDoneOutlined />
          <span>{t('dashboard.season.title', { year: String(season?.year ?? '') })}</span>
          {season && (
            <Tag color={phaseColors[season.phase]} style={{ marginInlineEnd: 0 }} data-testid="season-phase">
              {t(`dashboard.season.phases.${season.phase}`)}
            </Tag>
          )}
        </Flex>
      }
      extra={season && season.missing > 0 && <Link to={listLink}>{t('dashboard.season.viewList')}</Link>}
    >
      {season && (
        <Flex vertical gap={12}>
          <Typography.Text type="secondary">{t(`dashboard.season.hints.${season.phase}`, { dueOn: season.dueOn, year: String(season.year) })}</Typography.Text>
          {season.warning && <Alert type={season.phase === 'catch-up' ? 'warning' : 'error'} showIcon title={localized(season.warning)} data-testid="season-warning" />}
          {/* Outside the list, so the failures stay named once the list has emptied. */}
          {canWrite && <BulkActions selected={selected} onClear={() => setSelected([])} actions={['complete']} completeLabel={t('dashboard.season.markFiled')} />}
          {season.missing === 0 ? (
            season.phase === 'closed' ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboard.season.noneMissing', { year: String(season.year) })} />
            ) : (
              <Result status="success" title={t('dashboard.season.allFiled', { year: String(season.year) })} style={{ padding: 16 }} />
            )
          ) : (
            <>
              <Typography.Text strong data-testid="season-missing" data-count={season.missing}>
                {t('dashboard.season.missing', { total: formatListCount(missing!) })}
              </Typography.Text>
              <ObligationsTable
                items={season.items}
                loading={false}
                size="small"
                empty=" "
                pagination={false}
                hide={['title', 'actions']}
                canWrite={false}
                onOpen={(o) => void navigate(`/obligations?focus=${o.id}`)}
                onComplete={() => undefined}
                testId="season-table"
                rowSelection={
                  canWrite
                    ? { selectedRowKeys: selected.map((o) => o.id), onChange: (_keys, rows) => setSelected(rows.filter(Boolean)) }
                    : undefined
                }
              />
            </>
          )}
        </Flex>
      )}
    </Card>
  );
}
