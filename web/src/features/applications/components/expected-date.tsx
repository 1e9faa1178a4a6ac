import { Flex, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocalized } from '../../../app/localized';
import { ProvisionalTag } from '../../calendar/components/provisional-tag';
import { useFormatDuration } from '../../catalog/components/duration-text';
import type { ExpectedDate } from '../hooks/use-application-timeline';

const sourceKinds = ['regulation', 'notice', 'guide', 'practice'] as const;

/** Where an expected date comes from: the figure it adds, the rule's source and its note. */
export function ExpectedDateSource({ expected }: { expected: ExpectedDate }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const formatDuration = useFormatDuration();
  const { source } = expected;
  const kind = (sourceKinds as readonly string[]).includes(source.kind) ? t(`catalog.sourceKinds.${source.kind as (typeof sourceKinds)[number]}`) : source.kind;
  return (
    <div style={{ maxWidth: 420 }} data-testid="expected-date-source">
      <div>{t('applications.timeline.countedAs', { duration: formatDuration(expected.duration) })}</div>
      <div style={{ marginTop: 4 }}>
        <strong>{kind}</strong>：{source.ref}
      </div>
      {source.note && <div style={{ marginTop: 4, opacity: 0.85 }}>{localized(source.note)}</div>}
    </div>
  );
}

/** An expected date, its source on hover, and 暂定 when it leans on a year with no official holiday arrangement. */
export function ExpectedDateText({ expected, strong = false }: { expected: ExpectedDate | null; strong?: boolean }) {
  if (!expected) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Flex gap={4} align="center" wrap>
      <Tooltip title={<ExpectedDateSource expected={expected} />}>
        <Typography.Text strong={strong} style={{ whiteSpace: 'nowrap', cursor: 'help', borderBottom: '1px dotted rgba(0,0,0,0.35)' }}>
          {expected.on}
        </Typography.Text>
      </Tooltip>
      {expected.provisional && <ProvisionalTag reason={expected.provisionalReason} />}
    </Flex>
  );
}
