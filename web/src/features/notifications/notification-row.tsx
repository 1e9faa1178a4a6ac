import { useState } from 'react';
import { Badge, Flex, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../../app/format';
import { useLocalized } from '../../app/localized';
import { fromNow } from './relative-time';
import type { AppNotification } from './use-notifications';

interface NotificationRowProps {
  notification: AppNotification;
  now: number;
  onOpen: (notification: AppNotification) => void;
}

/** One reminder in the bell: a dot while unread, its title in the UI language, and how long ago it came. */
export function NotificationRow({ notification, now, onOpen }: NotificationRowProps) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const { token } = theme.useToken();
  const [hover, setHover] = useState(false);
  const unread = notification.readAt === null;

  return (
    <div
      role="button"
      tabIndex={0}
      data-testid="notification-item"
      data-unread={unread}
      onClick={() => onOpen(notification)}
      onKeyDown={(event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          onOpen(notification);
        }
      }}
      onMouseEnter={() => setHover(true)}
      onMouseLeave={() => setHover(false)}
      style={{ padding: '10px 16px', cursor: 'pointer', background: hover ? token.colorFillTertiary : unread ? token.colorPrimaryBg : undefined, borderBottom: `1px solid ${token.colorBorderSecondary}` }}
    >
      <Flex gap={10} align="flex-start">
        <span style={{ width: 8, paddingTop: 2 }} aria-label={unread ? t('notifications.unread') : undefined}>
          {unread && <Badge status="processing" />}
        </span>
        <Flex vertical gap={2} style={{ minWidth: 0, flex: 1 }}>
          <Typography.Text strong={unread}>{localized(notification.title)}</Typography.Text>
          <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ marginBottom: 0, fontSize: 12 }}>
            {localized(notification.body)}
          </Typography.Paragraph>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} title={formatInstant(notification.createdAt)}>
            {fromNow(notification.createdAt, now)}
          </Typography.Text>
        </Flex>
      </Flex>
    </div>
  );
}
