import { Flex, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ProvisionalTag } from '../../calendar/components/provisional-tag';
import type { Obligation } from '../hooks/use-obligations';

type DueFacts = Pick<Obligation, 'dueOn' | 'daysLeft' | 'status' | 'doneOn' | 'provisional'>;

/** Whole days from one calendar date (YYYY-MM-DD) to another. */
function daysBetween(from: string, to: string): number {
  return dayjs(to).diff(dayjs(from), 'day');
}

/** How far the due date is, in words: 逾期 N 天 in red, 今天到期, 还剩 N 天, or the day it was done. */
export function DaysLeftText({ obligation }: { obligation: DueFacts }) {
  const { t } = useTranslation();
  const { status, daysLeft } = obligation;
  if (status === 'done') {
    if (!obligation.doneOn) return null;
    const late = daysBetween(obligation.dueOn, obligation.doneOn);
    if (late > 0) return <Typography.Text type="warning">{t('obligations.daysLeft.doneLate', { date: obligation.doneOn, count: late })}</Typography.Text>;
    return <Typography.Text type="success">{t('obligations.daysLeft.doneOn', { date: obligation.doneOn })}</Typography.Text>;
  }
  if (status === 'not-applicable') return null;
  if (daysLeft < 0) return <Typography.Text type="danger" strong data-testid="days-overdue">{t('obligations.daysLeft.overdue', { count: -daysLeft })}</Typography.Text>;
  if (daysLeft === 0) return <Typography.Text type="warning" strong>{t('obligations.daysLeft.today')}</Typography.Text>;
  return <Typography.Text type={status === 'due-soon' ? 'warning' : 'secondary'}>{t('obligations.daysLeft.left', { count: daysLeft })}</Typography.Text>;
}

/** The due date with, under it, how far away it is; 暂定 when a year's holidays were not yet published for it. */
export function DueText({ obligation }: { obligation: DueFacts }) {
  return (
    <Flex vertical gap={0} style={{ whiteSpace: 'nowrap' }}>
      <Flex gap={4} align="center">
        <Typography.Text strong type={obligation.status === 'overdue' ? 'danger' : undefined}>
          {obligation.dueOn}
        </Typography.Text>
        {obligation.provisional && <ProvisionalTag reason={null} />}
      </Flex>
      <span style={{ fontSize: 12 }}>
        <DaysLeftText obligation={obligation} />
      </span>
    </Flex>
  );
}
