import { Card, Empty, Typography } from 'antd';
import { ClockCircleOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLicenceList } from '../hooks/use-licences';
import { LicencesTable } from './licences-table';

const shown = 5;

/** On the dashboard: the licences whose renewal window is open, soonest expiry first, with the way to all of them. */
export function ExpiringLicencesCard() {
  const { t } = useTranslation();
  const { data, isPending, isFetching } = useLicenceList({ status: 'expiring', page: 1, pageSize: shown });
  const more = data && data.total > data.items.length;
  return (
    <Card
      data-testid="expiring-licences"
      title={
        <>
          <ClockCircleOutlined /> {t('licences.expiringCard.title')}
        </>
      }
      extra={<Link to="/licenses?status=expiring">{more ? t('licences.expiringCard.viewAll', { count: data.total }) : t('licences.expiringCard.viewRegistry')}</Link>}
    >
      <Typography.Paragraph type="secondary">{t('licences.expiringCard.hint')}</Typography.Paragraph>
      <LicencesTable items={data?.items} loading={isFetching} empty={isPending ? ' ' : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('licences.expiringCard.empty')} />} pagination={false} />
    </Card>
  );
}
