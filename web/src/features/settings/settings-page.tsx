import { Card, Tabs } from 'antd';
import { Navigate, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { can } from '../../app/access';
import { useMe } from '../../app/auth/auth-context';
import { PageHeader } from '../../app/components/page-header';
import { RouteGuard } from '../../app/components/route-guard';
import { settingsTabs } from './settings-tabs';

export function SettingsPage() {
  const me = useMe();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { tab } = useParams();
  const tabs = settingsTabs.filter((item) => can(me.user.role, item.access));
  const active = tabs.find((item) => item.key === tab);

  // A tab this role may not open says so (staff reach Settings for the reminder lead times only).
  const forbidden = settingsTabs.find((item) => item.key === tab && !tabs.includes(item));
  if (forbidden) return <RouteGuard access={forbidden.access}>{null}</RouteGuard>;
  if (!active) return tabs[0] ? <Navigate to={`/settings/${tabs[0].key}`} replace /> : null;

  return (
    <>
      <PageHeader title={t('settings.title')} />
      <Card>
        <Tabs
          activeKey={active.key}
          onChange={(key) => navigate(`/settings/${key}`)}
          destroyOnHidden
          items={tabs.map((item) => ({ key: item.key, label: t(`settings.tabs.${item.key}`), children: item.element }))}
        />
      </Card>
    </>
  );
}
