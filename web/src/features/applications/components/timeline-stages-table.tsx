import type { HTMLAttributes } from 'react';
import { Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocalized } from '../../../app/localized';
import type { TimelineStage } from '../hooks/use-application-timeline';
import { ExpectedDateText } from './expected-date';

/** "4" for a step, "4.1" for a part of step 4. */
function stageNumber(stage: TimelineStage, stages: TimelineStage[]): string {
  if (!stage.parent) return String(stage.order);
  const parent = stages.find((s) => s.key === stage.parent);
  return `${parent?.order ?? '?'}.${stage.order}`;
}

/** 晚 3 个工作日 / 早 1 个工作日 / 按期; while overdue, how long it has been overdue, in red. */
function Slippage({ stage }: { stage: TimelineStage }) {
  const { t } = useTranslation();
  const days = stage.slippageWorkingDays;
  if (days === null) return <Typography.Text type="secondary">—</Typography.Text>;
  const amount = { days: String(Math.abs(days)) };
  if (stage.overdue) {
    return (
      <Tag color="error" style={{ marginInlineEnd: 0 }} data-testid="stage-overdue">
        {t(Math.abs(days) === 1 ? 'applications.timeline.slippage.overdueOne' : 'applications.timeline.slippage.overdue', amount)}
      </Tag>
    );
  }
  if (days > 0) return <Typography.Text type="danger">{t(days === 1 ? 'applications.timeline.slippage.lateOne' : 'applications.timeline.slippage.late', amount)}</Typography.Text>;
  if (days < 0) return <Typography.Text type="success">{t(days === -1 ? 'applications.timeline.slippage.earlyOne' : 'applications.timeline.slippage.early', amount)}</Typography.Text>;
  return <Typography.Text type="success">{t('applications.timeline.slippage.onTime')}</Typography.Text>;
}

/** Each stage: the date the regulation allows and the one practice suggests, side by side; what happened; how late. */
export function TimelineStagesTable({ stages }: { stages: TimelineStage[] }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const columns: TableColumnsType<TimelineStage> = [
    {
      key: 'stage',
      title: t('applications.timeline.stage'),
      minWidth: 170,
      render: (_, s) => (
        <div style={{ paddingInlineStart: s.parent ? 20 : 0 }}>
          <Typography.Text strong={!s.parent} type={s.overdue ? 'danger' : undefined} style={s.parent ? { fontSize: 13 } : undefined}>
            {stageNumber(s, stages)} {localized(s.title)}
          </Typography.Text>
        </div>
      ),
    },
    { key: 'regulation', title: t('applications.timeline.regulation'), width: 130, render: (_, s) => <ExpectedDateText expected={s.regulation} /> },
    { key: 'practice', title: t('applications.timeline.practice'), width: 130, render: (_, s) => <ExpectedDateText expected={s.practice} /> },
    {
      key: 'actual',
      title: t('applications.timeline.actual'),
      width: 110,
      render: (_, s) => (s.actualOn ? <span style={{ whiteSpace: 'nowrap' }}>{s.actualOn}</span> : <Typography.Text type="secondary">—</Typography.Text>),
    },
    { key: 'slippage', title: t('applications.timeline.slippageTitle'), width: 140, render: (_, s) => <Slippage stage={s} /> },
  ];
  return (
    <Table<TimelineStage>
      rowKey="key"
      size="small"
      columns={columns}
      dataSource={stages}
      pagination={false}
      scroll={{ x: 680 }}
      data-testid="timeline-stages"
      onRow={(s) => ({ 'data-stage': s.key, 'data-overdue': String(s.overdue), style: s.overdue ? { background: '#fff1f0' } : undefined }) as HTMLAttributes<HTMLElement>}
    />
  );
}
