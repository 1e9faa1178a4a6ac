import { Button, Card, Col, Row, Statistic } from 'antd';
import { PlusOutlined, TeamOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { can } from '../../app/access';
import { useMe } from '../../app/auth/auth-context';
import { PageHeader } from '../../app/components/page-header';
import { ExpiringLicencesCard } from '../licenses/components/expiring-licences-card';
import { ApplicationsProgressCard } from './applications-progress-card';
import { useDashboardSummary } from './use-dashboard-summary';

function ClientCount({ status, title }: { status: 'active' | 'archived'; title: string }) {
  const { data, isPending } = useDashboardSummary();
  return <Statistic title={title} value={data?.clients[status] ?? 0} loading={isPending} prefix={<TeamOutlined />} />;
}

export function DashboardPage() {
  const me = useMe();
  const { t } = useTranslation();
  const role = me.user.role;

  return (
    <>
      <PageHeader title={t('dashboard.title')} subtitle={t('dashboard.welcome', { name: me.user.name || me.user.email })} />
      <Row gutter={[16, 16]}>
        {can(role, 'listClients') ? (
          <>
            <Col xs={24} md={8}>
              <Card style={{ height: '100%' }}>
                <ClientCount status="active" title={t('dashboard.activeClients')} />
                <Link to="/clients">{t('dashboard.viewClients')}</Link>
              </Card>
            </Col>
            <Col xs={24} md={8}>
              <Card style={{ height: '100%' }}>
                <ClientCount status="archived" title={t('dashboard.archivedClients')} />
                <Link to="/clients?status=archived">{t('dashboard.viewClients')}</Link>
              </Card>
            </Col>
            {can(role, 'createClients') && (
              <Col xs={24} md={8}>
                <Card style={{ height: '100%' }} title={t('dashboard.quickActions')} size="small">
                  <Link to="/clients/new">
                    <Button type="primary" icon={<PlusOutlined />}>
                      {t('dashboard.newClient')}
                    </Button>
                  </Link>
                </Card>
              </Col>
            )}
          </>
        ) : (
          me.user.clientId && (
            <Col xs={24} md={8}>
              <Card>
                <Link to={`/clients/${me.user.clientId}`}>{t('dashboard.myCompany')}</Link>
              </Card>
            </Col>
          )
        )}
        <Col span={24}>
          <ApplicationsProgressCard isStaff={role !== 'client'} />
        </Col>
        <Col span={24}>
          <ExpiringLicencesCard />
        </Col>
      </Row>
    </>
  );
}
