import { Alert, Button, Drawer, Flex, Table, Typography, type TableColumnsType } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../app/error-notifier';
import { formatInstant } from '../../../app/format';
import { DeliveryStatusTag, useLeadText } from './delivery-status';
import { useWebhookDeliveries, type Webhook, type WebhookDelivery } from './use-webhooks';

/** A webhook's delivery log: what was sent when, how many tries, and what the receiver answered. */
export function DeliveriesDrawer({ webhook, onClose }: { webhook: Webhook | null; onClose: () => void }) {
  const { t } = useTranslation();
  const leadText = useLeadText();
  const query = useWebhookDeliveries(webhook?.id ?? null);

  const columns: TableColumnsType<WebhookDelivery> = [
    { key: 'at', title: t('webhooks.at'), width: 150, render: (_, d) => formatInstant(d.sentAt ?? d.createdAt) },
    { key: 'lead', title: t('webhooks.reminder'), width: 130, render: (_, d) => leadText(d.lead) },
    {
      key: 'status',
      title: t('webhooks.statusColumn'),
      width: 150,
      render: (_, d) => (
        <Flex vertical gap={2}>
          <DeliveryStatusTag status={d.status} />
          {d.nextAttemptAt && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('webhooks.nextAttempt', { time: formatInstant(d.nextAttemptAt) })}</Typography.Text>}
        </Flex>
      ),
    },
    { key: 'attempts', title: t('webhooks.attempts'), width: 90, align: 'right', render: (_, d) => d.attempts },
    { key: 'http', title: t('webhooks.httpStatus'), width: 100, align: 'right', render: (_, d) => d.responseStatus ?? '—' },
    {
      key: 'error',
      title: t('webhooks.error'),
      render: (_, d) => (d.lastError ? <Typography.Text type="danger" style={{ fontSize: 12, wordBreak: 'break-all' }}>{d.lastError}</Typography.Text> : '—'),
    },
  ];

  return (
    <Drawer
      open={webhook !== null}
      onClose={onClose}
      title={t('webhooks.deliveriesTitle', { name: webhook?.name ?? '' })}
      size={900}
      destroyOnHidden
      extra={
        <Button icon={<ReloadOutlined />} onClick={() => void query.refetch()} loading={query.isFetching}>
          {t('webhooks.refresh')}
        </Button>
      }
    >
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('webhooks.deliveriesHint')}</Typography.Text>
        {query.isError && <Alert type="error" showIcon title={describeError(query.error)} />}
        <Table<WebhookDelivery>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={query.data}
          loading={query.isPending}
          pagination={false}
          locale={{ emptyText: t('webhooks.deliveriesEmpty') }}
          data-testid="webhook-deliveries"
        />
      </Flex>
    </Drawer>
  );
}
