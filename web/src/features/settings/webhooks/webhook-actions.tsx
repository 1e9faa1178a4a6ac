import { Button, Popconfirm, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../../app/error-notifier';
import { useDeleteWebhook, useTestWebhook, type Webhook, type WebhookDelivery } from './use-webhooks';

interface WebhookActionsProps {
  webhook: Webhook;
  onTested: (webhook: Webhook, delivery: WebhookDelivery) => void;
  onShowDeliveries: (webhook: Webhook) => void;
}

/** 发送测试, 发送记录 and 删除 for one webhook. */
export function WebhookActions({ webhook, onTested, onShowDeliveries }: WebhookActionsProps) {
  const { t } = useTranslation();
  const test = useTestWebhook();
  const remove = useDeleteWebhook();

  async function sendTest() {
    const delivery = await test.mutateAsync(webhook.id);
    onTested(webhook, delivery);
  }

  async function deleteWebhook() {
    await remove.mutateAsync(webhook.id);
    notifySuccess(t('webhooks.deleted', { name: webhook.name }));
  }

  return (
    <Space size={0} wrap>
      <Button type="link" size="small" loading={test.isPending} onClick={() => void sendTest().catch(() => undefined)}>
        {t('webhooks.test')}
      </Button>
      <Button type="link" size="small" onClick={() => onShowDeliveries(webhook)}>
        {t('webhooks.deliveries')}
      </Button>
      <Popconfirm
        title={t('webhooks.delete')}
        description={<div style={{ maxWidth: 280 }}>{t('webhooks.deleteConfirm', { name: webhook.name })}</div>}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: true }}
        onConfirm={() => deleteWebhook().catch(() => undefined)}
      >
        <Button type="link" size="small" danger>
          {t('webhooks.delete')}
        </Button>
      </Popconfirm>
    </Space>
  );
}
