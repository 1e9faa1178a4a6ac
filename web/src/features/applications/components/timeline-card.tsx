import { useState } from 'react';
import { Button, Card, Flex, Skeleton, Tag, Tooltip, Typography } from 'antd';
import { AimOutlined, FlagOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useLocalized } from '../../../app/localized';
import { useFormatDuration } from '../../catalog/components/duration-text';
import { ProvisionalTag } from '../../calendar/components/provisional-tag';
import { useApplicationTimeline, type ApplicationTimeline } from '../hooks/use-application-timeline';
import type { Application } from '../hooks/use-applications';
import { ExpectedDateSource } from './expected-date';
import { TimelineDatesModal, type TimelineDatesSection } from './timeline-dates-modal';
import { TimelineStagesTable } from './timeline-stages-table';

/** The headline: when the licence can be expected (the guide's 40 / 60 working days from the start), or when it came. */
function ExpectedIssue({ timeline, issuedOn }: { timeline: ApplicationTimeline; issuedOn: string | null }) {
  const { t } = useTranslation();
  const formatDuration = useFormatDuration();
  const expected = timeline.expectedIssueOn;
  // The organisation's planning figure for the whole cycle (the last stage's practice date), when it differs.
  const plan = timeline.stages.find((stage) => stage.key === 'receive-licence')?.practice ?? null;
  return (
    <Flex vertical gap={2} style={{ minWidth: 220 }}>
      <Typography.Text type="secondary">{t(issuedOn ? 'applications.timeline.issuedOn' : 'applications.timeline.expectedIssueOn')}</Typography.Text>
      <Flex gap={8} align="center" wrap>
        <Typography.Text strong style={{ fontSize: 26, lineHeight: 1.3 }} data-testid={issuedOn ? 'issued-on' : 'expected-issue-on'}>
          {issuedOn ?? expected?.on ?? '—'}
        </Typography.Text>
        {!issuedOn && expected?.provisional && <ProvisionalTag reason={expected.provisionalReason} />}
      </Flex>
      {expected && (
        <Tooltip title={<ExpectedDateSource expected={expected} />}>
          <Typography.Text type="secondary" style={{ fontSize: 12, cursor: 'help' }}>
            {issuedOn
              ? t('applications.timeline.expectedWas', { date: expected.on })
              : t('applications.timeline.expectedBasis', { start: timeline.startedOn, duration: formatDuration({ ...expected.duration, min: undefined, max: undefined }) })}
          </Typography.Text>
        </Tooltip>
      )}
      {plan && !issuedOn && plan.on !== expected?.on && (
        <Tooltip title={<ExpectedDateSource expected={plan} />}>
          <Typography.Text type="secondary" style={{ fontSize: 12, cursor: 'help' }} data-testid="planned-issue-on">
            {t('applications.timeline.plannedBasis', { date: plan.on, duration: formatDuration({ ...plan.duration, min: undefined, max: undefined }) })}
          </Typography.Text>
        </Tooltip>
      )}
    </Flex>
  );
}

function TargetTag({ target }: { target: ApplicationTimeline['targets'][number] }) {
  const { t } = useTranslation();
  if (target.missed) return <Tag color="error">{t('applications.timeline.targetMissed')}</Tag>;
  if (target.met) return <Tag color="success">{t('applications.timeline.targetMet')}</Tag>;
  return <Tag>{t('applications.timeline.targetOpen')}</Tag>;
}

/** The agency's target dates (met or missed) and the review milestones the authority announced, one per line. */
function DatesSummary({ timeline }: { timeline: ApplicationTimeline }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const none = (key: 'noTargets' | 'noMilestones') => <Typography.Text type="secondary">{t(`applications.timeline.${key}`)}</Typography.Text>;
  const label = (text: string) => <Typography.Text type="secondary">{text}</Typography.Text>;
  return (
    <div style={{ flex: '1 1 300px', display: 'grid', gridTemplateColumns: 'auto 1fr', gap: '6px 16px', alignItems: 'baseline' }}>
      {label(t('applications.timeline.targets'))}
      <Flex vertical gap={4} data-testid="timeline-targets">
        {timeline.targets.length === 0
          ? none('noTargets')
          : timeline.targets.map((target) => (
              <span key={target.key} data-testid="timeline-target" data-key={target.key}>
                {localized(target.title)} {target.on} <TargetTag target={target} />
              </span>
            ))}
      </Flex>
      {label(t('applications.timeline.milestones'))}
      <Flex vertical gap={4} data-testid="timeline-milestones">
        {timeline.milestones.length === 0
          ? none('noMilestones')
          : timeline.milestones.map((milestone) => (
              <span key={milestone.key} data-testid="timeline-milestone" data-key={milestone.key}>
                {localized(milestone.title)} {milestone.on}
              </span>
            ))}
      </Flex>
    </div>
  );
}

/** 时间线: expected issue date, target dates and milestones, and every stage with its expected and actual dates. */
export function TimelineCard({ application, canWrite }: { application: Application; canWrite: boolean }) {
  const { t } = useTranslation();
  const timeline = useApplicationTimeline(application.id);
  const [editing, setEditing] = useState<TimelineDatesSection | null>(null);
  const extra = canWrite && (
    <Flex gap={8} wrap>
      <Button size="small" icon={<AimOutlined />} onClick={() => setEditing('targets')}>
        {t('applications.timeline.edit.targets')}
      </Button>
      <Button size="small" icon={<FlagOutlined />} onClick={() => setEditing('milestones')}>
        {t('applications.timeline.edit.milestones')}
      </Button>
    </Flex>
  );

  return (
    <Card title={t('applications.timeline.title')} extra={extra} data-testid="timeline-card">
      {timeline.data ? (
        <Flex vertical gap={16}>
          <Flex gap={24} wrap align="flex-start">
            <ExpectedIssue timeline={timeline.data} issuedOn={application.issuedOn} />
            <DatesSummary timeline={timeline.data} />
          </Flex>
          <TimelineStagesTable stages={timeline.data.stages} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('applications.timeline.legend')}
          </Typography.Text>
        </Flex>
      ) : timeline.isError ? (
        <Typography.Text type="secondary">{t('applications.timeline.loadFailed')}</Typography.Text>
      ) : (
        <Skeleton active paragraph={{ rows: 5 }} />
      )}
      {canWrite && <TimelineDatesModal application={application} section={editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}
