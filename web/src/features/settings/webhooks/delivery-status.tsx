import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { leadMeaning } from '../reminders/lead-days';

const statusColors: Record<string, string> = { sent: 'green', failed: 'red', pending: 'orange', skipped: 'default' };
const knownStatuses = ['sent', 'failed', 'pending', 'skipped'] as const;
type KnownStatus = (typeof knownStatuses)[number];

/** 已送达 / 失败 / 等待重试 / 已跳过. */
export function DeliveryStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  const known = (knownStatuses as readonly string[]).includes(status);
  return (
    <Tag color={statusColors[status] ?? 'default'} data-status={status} style={{ marginInlineEnd: 0 }}>
      {known ? t(`webhooks.status.${status as KnownStatus}`) : status}
    </Tag>
  );
}

/** Which reminder a delivery carried: 测试消息, 提前 30 天, 逾期提醒 … */
export function useLeadText(): (lead: string) => string {
  const { t } = useTranslation();
  return (lead) => {
    const meaning = leadMeaning(lead);
    if (meaning.kind === 'test') return t('webhooks.leads.test');
    if (meaning.kind === 'daysBefore') return t('webhooks.leads.daysBefore', { days: String(meaning.days) });
    if (meaning.kind === 'overdue') return meaning.count === 1 ? t('webhooks.leads.overdueFirst') : t('webhooks.leads.overdueRepeat', { count: meaning.count });
    return meaning.text;
  };
}
