import { useState } from 'react';
import { Button, Flex, Popconfirm, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../../app/error-notifier';
import { formatDate, formatInstant } from '../../../app/format';
import { SecretOnceModal } from '../components/secret-once-modal';
import { CreateTokenModal } from './create-token-modal';
import { useRevokeToken, useTokens, type ApiToken } from './use-tokens';

export function TokensTab() {
  const { t } = useTranslation();
  const { data, isFetching } = useTokens();
  const revoke = useRevokeToken();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);

  async function revokeToken(token: ApiToken) {
    await revoke.mutateAsync(token.id);
    notifySuccess(t('settings.tokens.revokedDone', { name: token.name }));
  }

  const columns: TableColumnsType<ApiToken> = [
    { key: 'name', title: t('settings.tokens.name'), dataIndex: 'name' },
    { key: 'createdAt', title: t('settings.tokens.createdAt'), width: 160, render: (_, token) => formatInstant(token.createdAt) },
    {
      key: 'lastUsedAt',
      title: t('settings.tokens.lastUsedAt'),
      width: 160,
      render: (_, token) => (token.lastUsedAt ? formatInstant(token.lastUsedAt) : <Typography.Text type="secondary">{t('settings.tokens.neverUsed')}</Typography.Text>),
    },
    {
      key: 'status',
      title: t('settings.tokens.status'),
      width: 180,
      render: (_, token) =>
        token.revokedAt ? <Tag>{t('settings.tokens.revoked', { date: formatDate(token.revokedAt) })}</Tag> : <Tag color="green">{t('settings.tokens.active')}</Tag>,
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 100,
      render: (_, token) =>
        !token.revokedAt && (
          <Popconfirm
            title={t('settings.tokens.revoke')}
            description={<div style={{ maxWidth: 280 }}>{t('settings.tokens.revokeConfirm', { name: token.name })}</div>}
            onConfirm={() => revokeToken(token).catch(() => undefined)}
          >
            <Button type="link" size="small" danger>
              {t('settings.tokens.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <>
      <Flex justify="space-between" align="center" gap={16} wrap style={{ marginBottom: 16 }}>
        <Typography.Text type="secondary">{t('settings.tokens.intro')}</Typography.Text>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('settings.tokens.newToken')}
        </Button>
      </Flex>
      <Table<ApiToken>
        rowKey="id"
        columns={columns}
        dataSource={data?.items}
        loading={isFetching}
        pagination={false}
        locale={{ emptyText: t('settings.tokens.empty') }}
      />
      <CreateTokenModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(name, secret) => {
          setCreating(false);
          setCreated({ name, secret });
        }}
      />
      <SecretOnceModal
        title={t('settings.tokens.secretTitle', { name: created?.name ?? '' })}
        text={t('settings.tokens.secretText')}
        hint={t('settings.tokens.usage')}
        secret={created?.secret ?? null}
        onClose={() => setCreated(null)}
      />
    </>
  );
}
