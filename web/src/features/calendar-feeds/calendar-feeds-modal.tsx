import { useState } from 'react';
import { Alert, Button, Card, Flex, Modal, Popconfirm, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { CalendarOutlined, TeamOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { can } from '../../app/access';
import { useMe } from '../../app/auth/auth-context';
import { describeError, notifySuccess } from '../../app/error-notifier';
import { formatInstant } from '../../app/format';
import { FeedAddress } from './feed-address';
import { useCalendarFeeds, useCreateCalendarFeed, useRevokeCalendarFeed, type CalendarFeed, type CalendarFeedCreated, type FeedScope } from './use-calendar-feeds';

function SubscribeChoice({ scope, hint, onCreated }: { scope: FeedScope; hint: string; onCreated: (feed: CalendarFeedCreated) => void }) {
  const { t } = useTranslation();
  const create = useCreateCalendarFeed();
  return (
    <Card size="small" style={{ flex: 1, minWidth: 220 }}>
      <Flex vertical gap={8} align="flex-start">
        <Button
          type={scope === 'user' ? 'primary' : 'default'}
          icon={scope === 'user' ? <CalendarOutlined /> : <TeamOutlined />}
          loading={create.isPending}
          onClick={() => void create.mutateAsync(scope).then(onCreated, () => undefined)}
        >
          {scope === 'user' ? t('calendarFeeds.subscribeMine') : t('calendarFeeds.subscribeOrganisation')}
        </Button>
        <Typography.Text type="secondary">{hint}</Typography.Text>
      </Flex>
    </Card>
  );
}

function FeedsTable({ enabled }: { enabled: boolean }) {
  const { t } = useTranslation();
  const query = useCalendarFeeds(enabled);
  const revoke = useRevokeCalendarFeed();
  const columns: TableColumnsType<CalendarFeed> = [
    { key: 'scope', title: t('calendarFeeds.scope'), render: (_, f) => <Tag color={f.scope === 'organisation' ? 'purple' : 'blue'}>{t(`calendarFeeds.scopes.${f.scope}`)}</Tag> },
    { key: 'createdAt', title: t('calendarFeeds.createdAt'), width: 150, render: (_, f) => formatInstant(f.createdAt) },
    { key: 'lastUsedAt', title: t('calendarFeeds.lastUsedAt'), width: 150, render: (_, f) => (f.lastUsedAt ? formatInstant(f.lastUsedAt) : <Typography.Text type="secondary">{t('calendarFeeds.neverUsed')}</Typography.Text>) },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 80,
      render: (_, f) => (
        <Popconfirm
          title={t('calendarFeeds.revoke')}
          description={<div style={{ maxWidth: 260 }}>{t('calendarFeeds.revokeConfirm')}</div>}
          okText={t('common.confirm')}
          cancelText={t('common.cancel')}
          onConfirm={() => revoke.mutateAsync(f.id).then(() => notifySuccess(t('calendarFeeds.revoked')), () => undefined)}
        >
          <Button type="link" size="small" danger>
            {t('calendarFeeds.revoke')}
          </Button>
        </Popconfirm>
      ),
    },
  ];
  if (query.isError) return <Alert type="error" showIcon title={t('calendarFeeds.loadFailed')} description={describeError(query.error)} action={<Button size="small" onClick={() => void query.refetch()}>{t('common.retry')}</Button>} />;
  return (
    <Table<CalendarFeed>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={query.data?.items}
      loading={query.isPending}
      pagination={false}
      locale={{ emptyText: t('calendarFeeds.empty') }}
      data-testid="calendar-feeds"
    />
  );
}

/** 日历订阅: the obligations' deadlines in Outlook, Apple or Google calendar, by a secret address shown once. */
export function CalendarFeedsModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const [created, setCreated] = useState<CalendarFeedCreated | null>(null);
  const close = () => {
    setCreated(null);
    onClose();
  };

  return (
    <Modal open={open} title={t('calendarFeeds.title')} onCancel={close} width={720} destroyOnHidden footer={<Button onClick={close}>{t('common.close')}</Button>}>
      <Flex vertical gap={16}>
        <Typography.Text type="secondary">{t('calendarFeeds.intro')}</Typography.Text>
        {created ? (
          <FeedAddress feed={created} onDone={() => setCreated(null)} />
        ) : (
          <Flex gap={12} wrap>
            <SubscribeChoice scope="user" hint={me.user.role === 'client' ? t('calendarFeeds.mineHintClient') : t('calendarFeeds.mineHint')} onCreated={setCreated} />
            {can(me.user, 'subscribeOrganisationCalendar') && <SubscribeChoice scope="organisation" hint={t('calendarFeeds.organisationHint')} onCreated={setCreated} />}
          </Flex>
        )}
        <Typography.Text strong>{t('calendarFeeds.listTitle')}</Typography.Text>
        <FeedsTable enabled={open} />
      </Flex>
    </Modal>
  );
}
