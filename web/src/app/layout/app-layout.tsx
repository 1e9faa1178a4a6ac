import { Suspense, useState } from 'react';
import { Layout, Menu, Spin, Typography, theme } from 'antd';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/auth-context';
import { can } from '../access';
import { appRoutes, menuPath } from '../routes';
import { HeaderBar } from './header-bar';
import { useDocumentTitle } from '../components/use-document-title';

function selectedKey(pathname: string): string {
  const first = pathname.split('/')[1] ?? '';
  return `/${first}`;
}

export function AppLayout() {
  const me = useMe();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const { token } = theme.useToken();
  const [collapsed, setCollapsed] = useState(false);

  const items = appRoutes
    .filter((route) => route.menu && can(me.user, route.access))
    .map((route) => ({ key: menuPath(route), icon: route.menu!.icon, label: t(`nav.${route.menu!.label(me.user.role)}`) }));

  const selected = selectedKey(location.pathname);
  useDocumentTitle(items.find((item) => item.key === selected)?.label);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} breakpoint="lg" width={208} theme="dark">
        <div style={{ height: 56, display: 'flex', alignItems: 'center', justifyContent: 'center', padding: '0 12px' }}>
          <Typography.Text strong ellipsis style={{ color: '#fff', fontSize: collapsed ? 14 : 16 }}>
            {collapsed ? 'LD' : t('common.productName')}
          </Typography.Text>
        </div>
        <Menu
          theme="dark"
          mode="inline"
          items={items}
          selectedKeys={[selected]}
          onClick={({ key }) => navigate(key)}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{ background: token.colorBgContainer, padding: '0 24px', borderBottom: `1px solid ${token.colorBorderSecondary}`, height: 56, lineHeight: '56px' }}
        >
          <HeaderBar />
        </Layout.Header>
        <Layout.Content style={{ padding: 24, maxWidth: 1400, width: '100%', margin: '0 auto' }}>
          {/* Each page's code arrives when it is first opened; the frame around it stays. */}
          <Suspense fallback={<Spin size="large" style={{ display: 'block', margin: '96px auto' }} data-testid="page-loading" />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
