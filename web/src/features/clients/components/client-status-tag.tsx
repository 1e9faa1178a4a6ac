import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../app/format';
import type { Client } from '../hooks/use-clients';

export function ClientStatusTag({ client }: { client: Pick<Client, 'archivedAt'> }) {
  const { t } = useTranslation();
  if (!client.archivedAt) return <Tag color="green">{t('clients.status.active')}</Tag>;
  return (
    <Tooltip title={t('clients.archivedOn', { date: formatDate(client.archivedAt) })}>
      <Tag>{t('clients.status.archived')}</Tag>
    </Tooltip>
  );
}
