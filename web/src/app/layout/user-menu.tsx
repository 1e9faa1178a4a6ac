import { useState } from 'react';
import { Avatar, Dropdown, Space, Typography } from 'antd';
import { CalendarOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useAuth, useMe } from '../auth/auth-context';
import { CalendarFeedsModal } from '../../features/calendar-feeds/calendar-feeds-modal';

export function UserMenu() {
  const me = useMe();
  const { logout } = useAuth();
  const { t } = useTranslation();
  const [feedsOpen, setFeedsOpen] = useState(false);

  const items = [
    {
      key: 'who',
      disabled: true,
      label: (
        <Space orientation="vertical" size={0}>
          <Typography.Text>{t('header.signedInAs', { email: me.user.email })}</Typography.Text>
          <Typography.Text type="secondary">{t(`roles.${me.user.role}`)}</Typography.Text>
        </Space>
      ),
    },
    { type: 'divider' as const },
    { key: 'calendar-feeds', icon: <CalendarOutlined />, label: t('calendarFeeds.menuItem') },
    { key: 'logout', icon: <LogoutOutlined />, label: t('header.logout'), danger: true },
  ];

  async function onClick({ key }: { key: string }) {
    if (key === 'calendar-feeds') return setFeedsOpen(true);
    if (key !== 'logout') return;
    await logout();
  }

  return (
    <>
      <Dropdown menu={{ items, onClick: (info) => void onClick(info) }} trigger={['click']} placement="bottomRight">
        <a role="button" aria-label={t('header.userMenu')} data-testid="user-menu" style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
          <Avatar size="small" icon={<UserOutlined />} style={{ backgroundColor: '#1677ff' }} />
          <Typography.Text>{me.user.name || me.user.email}</Typography.Text>
        </a>
      </Dropdown>
      <CalendarFeedsModal open={feedsOpen} onClose={() => setFeedsOpen(false)} />
    </>
  );
}
