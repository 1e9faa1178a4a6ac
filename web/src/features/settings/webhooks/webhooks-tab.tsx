import { useState } from 'react';
import { App, Button, Collapse, Flex, Switch, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../../app/error-notifier';
import { formatInstant } from '../../../app/format';
import { SecretOnceModal } from '../components/secret-once-modal';
import { CreateWebhookModal } from './create-webhook-modal';
import { DeliveriesDrawer } from './deliveries-drawer';
import { DeliveryStatusTag } from './delivery-status';
import { SignatureHelp } from './signature-help';
import { useSetWebhookActive, useWebhooks, type Webhook, type WebhookDelivery } from './use-webhooks';
import { WebhookActions } from './webhook-actions';

const presetColors: Record<Webhook['preset'], string> = { generic: 'geekblue', wecom: 'green', dingtalk: 'blue' };

function ActiveSwitch({ webhook }: { webhook: Webhook }) {
  const { t } = useTranslation();
  const setActive = useSetWebhookActive();
  async function toggle(isActive: boolean) {
    await setActive.mutateAsync({ webhook, isActive });
    notifySuccess(t(isActive ? 'webhooks.activeOn' : 'webhooks.activeOff', { name: webhook.name }));
  }
  return <Switch checked={webhook.isActive} loading={setActive.isPending} aria-label={t('webhooks.active')} onChange={(next) => void toggle(next).catch(() => undefined)} />;
}

function LastDelivery({ webhook }: { webhook: Webhook }) {
  const { t } = useTranslation();
  const last = webhook.lastDelivery;
  if (!last) return <Typography.Text type="secondary">{t('webhooks.never')}</Typography.Text>;
  const tag = <DeliveryStatusTag status={last.status} />;
  return (
    <Flex vertical gap={2} data-testid="last-delivery">
      {last.error ? <Tooltip title={last.error}>{tag}</Tooltip> : tag}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatInstant(last.at)}</Typography.Text>
    </Flex>
  );
}

/** Webhook: where reminders are pushed besides the bell (企业微信, 钉钉, or the agency's own system). Owners and administrators. */
export function WebhooksTab() {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const { data, isPending, isFetching } = useWebhooks();
  const [adding, setAdding] = useState(false);
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const [logOf, setLogOf] = useState<Webhook | null>(null);

  function showTestResult(webhook: Webhook, delivery: WebhookDelivery) {
    if (delivery.status === 'sent') return notifySuccess(t('webhooks.testSent', { name: webhook.name, status: String(delivery.responseStatus ?? '') }));
    modal.error({ title: t('webhooks.testFailedTitle', { name: webhook.name }), content: <Typography.Text style={{ wordBreak: 'break-all' }}>{delivery.lastError}</Typography.Text> });
  }

  const columns: TableColumnsType<Webhook> = [
    {
      key: 'name',
      title: t('webhooks.name'),
      render: (_, w) => (
        <Flex vertical gap={2} style={{ minWidth: 0 }}>
          <Typography.Text strong>{w.name}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12, fontFamily: 'monospace', wordBreak: 'break-all' }}>{w.url}</Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'preset',
      title: t('webhooks.preset'),
      width: 170,
      render: (_, w) => (
        <Flex gap={4} wrap>
          <Tag color={presetColors[w.preset]}>{t(`webhooks.presets.${w.preset}`)}</Tag>
          {w.hasSecret && <Tag>{t('webhooks.hasSecret')}</Tag>}
        </Flex>
      ),
    },
    { key: 'active', title: t('webhooks.active'), width: 80, render: (_, w) => <ActiveSwitch webhook={w} /> },
    { key: 'last', title: t('webhooks.lastDelivery'), width: 150, render: (_, w) => <LastDelivery webhook={w} /> },
    { key: 'actions', title: t('common.actions'), width: 220, render: (_, w) => <WebhookActions webhook={w} onTested={showTestResult} onShowDeliveries={setLogOf} /> },
  ];

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" gap={16} wrap>
        <Typography.Text type="secondary" style={{ maxWidth: 760 }}>{t('webhooks.intro')}</Typography.Text>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
          {t('webhooks.add')}
        </Button>
      </Flex>
      <Table<Webhook>
        rowKey="id"
        columns={columns}
        dataSource={data}
        loading={isPending || (isFetching && !data)}
        pagination={false}
        scroll={{ x: 860 }}
        locale={{ emptyText: t('webhooks.empty') }}
      />
      <Collapse size="small" items={[{ key: 'verify', label: t('webhooks.verifyTitle'), children: <SignatureHelp showTitle={false} /> }]} />
      <CreateWebhookModal
        open={adding}
        onClose={() => setAdding(false)}
        onCreated={(webhook, secret) => {
          setAdding(false);
          notifySuccess(t('webhooks.created', { name: webhook.name }));
          if (secret) setCreated({ name: webhook.name, secret });
        }}
      />
      <SecretOnceModal title={t('webhooks.secretTitle', { name: created?.name ?? '' })} text={t('webhooks.secretText')} secret={created?.secret ?? null} width={760} onClose={() => setCreated(null)}>
        <SignatureHelp />
      </SecretOnceModal>
      <DeliveriesDrawer webhook={logOf} onClose={() => setLogOf(null)} />
    </Flex>
  );
}
