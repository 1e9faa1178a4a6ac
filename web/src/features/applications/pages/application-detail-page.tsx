import { Card, Col, Divider, Flex, Row, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { can } from '../../../app/access';
import { useMe } from '../../../app/auth/auth-context';
import { BackLink } from '../../../app/components/back-link';
import { PageHeader } from '../../../app/components/page-header';
import { findEndedFrom } from '../activity-facts';
import { ActivityFeed } from '../components/activity-feed';
import { ApplicationFacts } from '../components/application-facts';
import { ApplicationLoadState } from '../components/application-load-state';
import { ApplicationStateTag } from '../components/application-state-tag';
import { ApplicationSteps } from '../components/application-steps';
import { BusinessForm } from '../components/business-form';
import { EligibilityCard } from '../components/eligibility-card';
import { MaterialsChecklist } from '../components/materials-checklist';
import { TimelineCard } from '../components/timeline-card';
import { TransitionActions } from '../components/transition-actions';
import { useApplicationActivity } from '../hooks/use-application-activity';
import { useApplicationMaterials } from '../hooks/use-application-materials';
import { useApplication } from '../hooks/use-applications';
import { useScopeName, useServiceName } from '../hooks/use-catalog-names';

export function ApplicationDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const me = useMe();
  const query = useApplication(id);
  const materials = useApplicationMaterials(query.data ? id : '');
  const activity = useApplicationActivity(query.data ? id : '');
  const serviceName = useServiceName();
  const scopeName = useScopeName();

  const application = query.data;
  if (!application) return <ApplicationLoadState query={query} />;

  const isStaff = me.user.role !== 'client';
  const canWrite = can(me.user, 'writeApplications');
  const events = activity.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <>
      <BackLink to="/applications" />
      <PageHeader
        title={application.clientName}
        tags={<ApplicationStateTag state={application.state} />}
        subtitle={`${serviceName(application.serviceCode)} · ${scopeName(application.scope)}`}
        extra={<Link to={`/clients/${application.clientId}`}>{t(isStaff ? 'applications.viewClient' : 'applications.viewMyCompany')}</Link>}
      />
      <Card style={{ marginBottom: 16 }}>
        <ApplicationSteps application={application} endedFrom={findEndedFrom(application, events)} />
        <Divider style={{ margin: '16px 0' }} />
        <Flex gap={12} align="center" wrap>
          <Typography.Text strong>{t('applications.moves.title')}</Typography.Text>
          <TransitionActions application={application} materials={materials.data} canWrite={canWrite} />
        </Flex>
      </Card>
      <Card title={t('applications.facts.title')} style={{ marginBottom: 16 }}>
        <ApplicationFacts application={application} isStaff={isStaff} canWrite={canWrite} materials={materials.data} />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <TimelineCard application={application} canWrite={canWrite} />
          <Card title={t('applications.materials.title')} style={{ marginTop: 16 }}>
            <MaterialsChecklist
              application={application}
              materials={materials.data}
              canUpload={can(me.user, 'uploadApplicationFiles')}
              canReview={canWrite}
              canDownloadPackage={can(me.user, 'downloadApplicationPackage')}
            />
          </Card>
          <Card title={t('applications.business.title')} style={{ marginTop: 16 }}>
            <BusinessForm application={application} canWrite={canWrite} />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          {isStaff && <EligibilityCard application={application} />}
          <Card title={t('applications.activity.title')}>
            <ActivityFeed activity={activity} materials={materials.data} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
