import { Button, Card, Col, Row, Statistic } from 'antd';
import { PlusOutlined, TeamOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { can } from '../../app/access';
import { useMe } from '../../app/auth/auth-context';
import { PageHeader } from '../../app/components/page-header';
import { ExpiringLicencesCard } from '../licenses/components/expiring-licences-card';
import { ApplicationsProgressCard } from './applications-progress-card';
import { ComplianceScoreCard } from './components/compliance-score-card';
import { MonthsChartCard } from './components/months-chart-card';
import { Next30DaysCard } from './components/next-30-days-card';
import { ObligationCountCards } from './components/obligation-count-cards';
import { ReportSeasonCard } from './components/report-season-card';
import { useDashboardSummary, type DashboardSummary } from './use-dashboard-summary';

function ClientCounts({ summary, loading, canCreate }: { summary: DashboardSummary | undefined; loading: boolean; canCreate: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Col xs={24} md={8}>
        <Card style={{ height: '100%' }}>
          <Statistic title={t('dashboard.activeClients')} value={summary?.clients.active ?? 0} loading={loading} prefix={<TeamOutlined />} />
          <Link to="/clients">{t('dashboard.viewClients')}</Link>
        </Card>
      </Col>
      <Col xs={24} md={8}>
        <Card style={{ height: '100%' }}>
          <Statistic title={t('dashboard.archivedClients')} value={summary?.clients.archived ?? 0} loading={loading} prefix={<TeamOutlined />} />
          <Link to="/clients?status=archived">{t('dashboard.viewClients')}</Link>
        </Card>
      </Col>
      {canCreate && (
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
  );
}

/** 工作台: what is overdue or due soon first, then the report season, the year ahead, scores, clients and applications. */
export function DashboardPage() {
  const me = useMe();
  const { t } = useTranslation();
  const role = me.user.role;
  const isStaff = role !== 'client';
  const { data: summary, isPending: loading } = useDashboardSummary();
  const shared = { summary, loading };

  return (
    <>
      <PageHeader title={t('dashboard.title')} subtitle={t('dashboard.welcome', { name: me.user.name || me.user.email })} />
      <Row gutter={[16, 16]}>
        <ObligationCountCards {...shared} />
        <Col span={24}>
          <Next30DaysCard {...shared} isStaff={isStaff} />
        </Col>
        <Col span={24}>
          <ReportSeasonCard {...shared} canWrite={can(me.user, 'writeObligations')} />
        </Col>
        <Col xs={24} xl={14}>
          <MonthsChartCard {...shared} />
        </Col>
        <Col xs={24} xl={10}>
          <ComplianceScoreCard {...shared} isStaff={isStaff} />
        </Col>
        {can(role, 'listClients') ? (
          <ClientCounts {...shared} canCreate={can(role, 'createClients')} />
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
          <ApplicationsProgressCard isStaff={isStaff} summary={summary} />
        </Col>
        <Col span={24}>
          <ExpiringLicencesCard />
        </Col>
      </Row>
    </>
  );
}
