import { useState } from 'react';
import { Button, Card, Empty } from 'antd';
import { FileAddOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useApplicationList } from '../hooks/use-applications';
import { ApplicationsTable } from './applications-table';
import { NewApplicationModal } from './new-application-modal';

const shown = 5;

/** On a client's page: its latest applications, and a link to all of them in the list. */
export function ClientApplicationsCard({ clientId, hideAssignee }: { clientId: string; hideAssignee: boolean }) {
  const { t } = useTranslation();
  const { data, isPending, isFetching } = useApplicationList({ clientId, page: 1, pageSize: shown });
  const more = data && data.total > data.items.length;
  return (
    <Card
      title={t('applications.clientCard.title')}
      style={{ marginTop: 16 }}
      data-testid="client-applications"
      extra={more && <Link to={`/applications?clientId=${clientId}`}>{t('applications.clientCard.viewAll', { count: data.total })}</Link>}
    >
      <ApplicationsTable
        items={data?.items}
        loading={isFetching}
        size="small"
        hideClient
        hideAssignee={hideAssignee}
        empty={isPending ? ' ' : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('applications.clientCard.empty')} />}
        pagination={false}
      />
    </Card>
  );
}

/** 新建申请 for this client: the modal opens with the client chosen. */
export function NewClientApplicationButton({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<FileAddOutlined />} onClick={() => setOpen(true)}>
        {t('applications.newApplication')}
      </Button>
      <NewApplicationModal open={open} onClose={() => setOpen(false)} clientId={clientId} />
    </>
  );
}
