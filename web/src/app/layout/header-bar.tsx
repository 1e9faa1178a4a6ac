import { Space, Tag, Tooltip, Typography, theme } from 'antd';
import { BankOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/auth-context';
import { LanguageSwitch } from '../components/language-switch';
import { NotificationBell } from '../../features/notifications/notification-bell';
import { UserMenu } from './user-menu';

export function HeaderBar() {
  const me = useMe();
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const { organisation } = me;

  return (
    <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', height: '100%', gap: 16, lineHeight: 'normal' }}>
      <Space size="small" style={{ minWidth: 0 }}>
        <BankOutlined style={{ color: token.colorTextSecondary }} />
        <Typography.Text strong ellipsis style={{ maxWidth: 420, verticalAlign: 'middle' }} data-testid="org-name">
          {organisation.name}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
          {t(organisation.kind === 'company' ? 'header.orgKind.company' : 'header.orgKind.agency')}
        </Typography.Text>
        {organisation.isDemo && (
          <Tooltip title={t('header.demoHint')}>
            <Tag color="gold">{t('header.demoTag')}</Tag>
          </Tooltip>
        )}
      </Space>
      <Space size="large">
        <NotificationBell />
        <LanguageSwitch />
        <UserMenu />
      </Space>
    </div>
  );
}
