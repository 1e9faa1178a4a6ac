import { Card, Empty } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLicenceList } from '../hooks/use-licences';
import { LicencesTable } from './licences-table';

const shown = 5;

/** On a client's page: the licences it holds, soonest expiry first, and a link to all of them in the registry. */
export function ClientLicencesCard({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const { data, isPending, isFetching } = useLicenceList({ clientId, page: 1, pageSize: shown });
  const more = data && data.total > data.items.length;
  return (
    <Card
      title={t('licences.clientCard.title')}
      style={{ marginTop: 16 }}
      data-testid="client-licences"
      extra={more && <Link to={`/licenses?clientId=${clientId}`}>{t('licences.clientCard.viewAll', { count: data.total })}</Link>}
    >
      <LicencesTable items={data?.items} loading={isFetching} hideHolder empty={isPending ? ' ' : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('licences.clientCard.empty')} />} pagination={false} />
    </Card>
  );
}
