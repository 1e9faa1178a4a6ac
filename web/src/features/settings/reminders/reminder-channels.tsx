import { Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ReminderSettings } from './use-reminder-settings';

function OnOff({ on, label }: { on: boolean; label?: string }) {
  const { t } = useTranslation();
  return <Tag color={on ? 'green' : 'default'}>{label ?? (on ? t('reminders.on') : t('reminders.off'))}</Tag>;
}

/** Where reminders go: in-app always; email when the server has SMTP; each active webhook. */
export function ReminderChannels({ channels, canManageWebhooks }: { channels: ReminderSettings['channels']; canManageWebhooks: boolean }) {
  const { t } = useTranslation();
  const hint = (text: string) => <Typography.Text type="secondary">{text}</Typography.Text>;
  return (
    <Card size="small" title={t('reminders.channels')} data-testid="reminder-channels">
      <Descriptions
        column={1}
        size="small"
        styles={{ label: { width: 120 } }}
        items={[
          { key: 'inApp', label: t('reminders.inApp'), children: <Flex gap={8} wrap align="center"><OnOff on />{hint(t('reminders.inAppHint'))}</Flex> },
          { key: 'email', label: t('reminders.email'), children: <Flex gap={8} wrap align="center"><OnOff on={channels.email} />{hint(channels.email ? t('reminders.emailOn') : t('reminders.emailOff'))}</Flex> },
          {
            key: 'webhooks',
            label: t('reminders.webhooks'),
            children: (
              <Flex gap={8} wrap align="center">
                <OnOff on={channels.webhooks > 0} label={channels.webhooks > 0 ? t('reminders.webhooksActive', { count: channels.webhooks }) : t('reminders.webhooksNone')} />
                {hint(t('reminders.webhooksHint'))}
                {canManageWebhooks && <Link to="/settings/webhooks">{t('reminders.manageWebhooks')}</Link>}
              </Flex>
            ),
          },
        ]}
      />
    </Card>
  );
}
