import { Button, Card, Popconfirm } from 'antd';
import { EditOutlined, InboxOutlined, SafetyCertificateOutlined, UndoOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { can } from '../../../app/access';
import { useMe } from '../../../app/auth/auth-context';
import { notifySuccess } from '../../../app/error-notifier';
import { PageHeader } from '../../../app/components/page-header';
import { AuditTable } from '../../audit/audit-table';
import { ClientApplicationsCard, NewClientApplicationButton } from '../../applications/components/client-applications';
import { ClientLicencesCard } from '../../licenses/components/client-licences-card';
import { BackLink } from '../../../app/components/back-link';
import { ClientDescriptions } from '../components/client-descriptions';
import { ClientLoadState } from '../components/client-load-state';
import { ClientStatusTag } from '../components/client-status-tag';
import { useArchiveClient, useClient } from '../hooks/use-clients';

export function ClientDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const me = useMe();
  const role = me.user.role;
  const query = useClient(id, { notifyErrors: false });
  const archive = useArchiveClient(id);

  const client = query.data;
  if (!client) return <ClientLoadState query={query} />;

  const archived = Boolean(client.archivedAt);
  const toggleArchive = async () => {
    // A failure is already reported by the one error notifier.
    const saved = await archive.mutateAsync(!archived).catch(() => null);
    if (saved) notifySuccess(t(archived ? 'clients.restored' : 'clients.archived', { name: saved.name }));
  };

  const actions = (
    <>
      {can(role, 'createApplications') && !archived && <NewClientApplicationButton clientId={client.id} />}
      <Link to={`/catalog/eligibility?client=${client.id}`}>
        <Button icon={<SafetyCertificateOutlined />}>{t('clients.eligibilityCheck')}</Button>
      </Link>
      {can(role, 'editClients') && (
        <Link to={`/clients/${client.id}/edit`}>
          <Button type="primary" icon={<EditOutlined />}>
            {t('common.edit')}
          </Button>
        </Link>
      )}
      {can(role, 'archiveClients') && (
        <Popconfirm
          title={t(archived ? 'clients.restore' : 'clients.archive')}
          description={<div style={{ maxWidth: 280 }}>{t(archived ? 'clients.restoreConfirm' : 'clients.archiveConfirm')}</div>}
          onConfirm={toggleArchive}
          okText={t('common.confirm')}
          cancelText={t('common.cancel')}
        >
          <Button icon={archived ? <UndoOutlined /> : <InboxOutlined />} loading={archive.isPending}>
            {t(archived ? 'clients.restore' : 'clients.archive')}
          </Button>
        </Popconfirm>
      )}
    </>
  );

  return (
    <>
      {can(role, 'listClients') && <BackLink to="/clients" />}
      <PageHeader title={client.name} tags={<ClientStatusTag client={client} />} subtitle={t('clients.detailTitle')} extra={actions} />
      <Card>
        <ClientDescriptions client={client} />
      </Card>
      {can(role, 'readApplications') && <ClientApplicationsCard clientId={client.id} hideAssignee={role === 'client'} />}
      <ClientLicencesCard clientId={client.id} />
      {can(role, 'viewAudit') && (
        <Card title={t('clients.history')} style={{ marginTop: 16 }}>
          <AuditTable entityType="client" entityId={client.id} />
        </Card>
      )}
    </>
  );
}
