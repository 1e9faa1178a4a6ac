import { Button, Card, Col, Row, Typography } from 'antd';
import { SettingOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { can } from '../../app/access';
import { useMe } from '../../app/auth/auth-context';
import { CatalogLayout } from '../catalog/components/catalog-layout';
import { CalendarBrowser } from './components/calendar-browser';
import { DeadlineCalculator } from './components/deadline-calculator';
import { UnpublishedBanner } from './components/unpublished-banner';

/** 知识库 → 工作日历: the official working-day calendar and the deadline calculator, for everyone signed in. */
export function CalendarPage() {
  const me = useMe();
  const { t } = useTranslation();
  const manage = can(me.user.role, 'manageCalendar') && (
    <Link to="/settings/calendar">
      <Button icon={<SettingOutlined />}>{t('calendar.manage')}</Button>
    </Link>
  );
  return (
    <CatalogLayout section="calendar" extra={manage}>
      <UnpublishedBanner />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Card title={t('calendar.title')} extra={<Typography.Text type="secondary">{t('calendar.source')}</Typography.Text>}>
            <CalendarBrowser />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card title={t('calendar.calculator.title')}>
            <DeadlineCalculator />
          </Card>
        </Col>
      </Row>
    </CatalogLayout>
  );
}
