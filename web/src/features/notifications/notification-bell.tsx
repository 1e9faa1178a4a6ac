import { useState } from 'react';
import { Badge, Button, Empty, Flex, Popover, Result, Spin, Typography, theme } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { can } from '../../app/access';
import { useMe } from '../../app/auth/auth-context';
import { describeError, notifySuccess } from '../../app/error-notifier';
import { NotificationRow } from './notification-row';
import { useLatestNotifications, useMarkNotificationsRead, type AppNotification } from './use-notifications';

function BellPanel({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const { token } = theme.useToken();
  const query = useLatestNotifications();
  const markRead = useMarkNotificationsRead();
  const unread = query.data?.unread ?? 0;
  const items = query.data?.items ?? [];
  // Relative times are counted from when the list arrived, so they stay put while the panel is open.
  const now = query.dataUpdatedAt || Date.now();

  function open(notification: AppNotification) {
    if (notification.readAt === null) markRead.mutate({ ids: [notification.id] });
    onClose();
    if (notification.obligationId) navigate(`/obligations?focus=${encodeURIComponent(notification.obligationId)}`);
  }

  async function markAll() {
    await markRead.mutateAsync({ all: true });
    notifySuccess(t('notifications.markedAllRead'));
  }

  let body;
  if (query.isPending) body = <Spin style={{ display: 'block', padding: 48 }} data-testid="notifications-loading" />;
  else if (query.isError && !query.data) {
    body = (
      <Result
        status="warning"
        title={t('notifications.loadFailed')}
        subTitle={describeError(query.error)}
        extra={<Button onClick={() => void query.refetch()}>{t('common.retry')}</Button>}
        style={{ padding: 24 }}
      />
    );
  } else if (items.length === 0) {
    body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={<>{t('notifications.empty')}<br /><Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('notifications.emptyHint')}</Typography.Text></>} style={{ padding: '24px 16px' }} />;
  } else {
    body = (
      <div style={{ maxHeight: 420, overflowY: 'auto' }}>
        {items.map((n) => (
          <NotificationRow key={n.id} notification={n} now={now} onOpen={open} />
        ))}
      </div>
    );
  }

  return (
    <div style={{ width: 380 }} data-testid="notifications-panel">
      <Flex justify="space-between" align="center" style={{ padding: '10px 16px', borderBottom: `1px solid ${token.colorBorderSecondary}` }}>
        <Typography.Text strong>{t('notifications.title')}</Typography.Text>
        <Button type="link" size="small" disabled={unread === 0} loading={markRead.isPending} onClick={() => void markAll().catch(() => undefined)} style={{ paddingInline: 0 }}>
          {t('notifications.markAllRead')}
        </Button>
      </Flex>
      {body}
      <Flex justify="space-between" style={{ padding: '8px 16px' }}>
        <Link to="/obligations" onClick={onClose}>
          {t('notifications.viewObligations')}
        </Link>
        {can(me.user, 'readReminderSettings') && (
          <Link to="/settings/reminders" onClick={onClose}>
            {t('notifications.settings')}
          </Link>
        )}
      </Flex>
    </div>
  );
}

/** The bell in the header: unread count on it, the latest reminders under it. */
export function NotificationBell() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const query = useLatestNotifications();
  const unread = query.data?.unread ?? 0;

  return (
    <Popover
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) void query.refetch();
      }}
      trigger="click"
      placement="bottomRight"
      arrow={false}
      styles={{ container: { padding: 0 } }}
      content={<BellPanel onClose={() => setOpen(false)} />}
    >
      <Badge count={unread} overflowCount={99} size="small" offset={[-4, 4]} data-testid="notification-count">
        <Button type="text" shape="circle" icon={<BellOutlined style={{ fontSize: 18 }} />} aria-label={unread > 0 ? t('notifications.bellUnread', { count: unread }) : t('notifications.bell')} data-testid="notification-bell" />
      </Badge>
    </Popover>
  );
}
