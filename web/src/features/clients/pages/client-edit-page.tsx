import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../../app/error-notifier';
import { PageHeader } from '../../../app/components/page-header';
import { BackLink } from '../../../app/components/back-link';
import { ClientForm } from '../components/client-form';
import { ClientLoadState } from '../components/client-load-state';
import { toFormValues, toUpdateBody } from '../client-form-values';
import { useClient, useUpdateClient } from '../hooks/use-clients';

export function ClientEditPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const query = useClient(id, { notifyErrors: false });
  const update = useUpdateClient(id);
  const detailPath = `/clients/${id}`;

  const client = query.data;
  if (!client) return <ClientLoadState query={query} />;

  return (
    <>
      <BackLink to={detailPath} />
      <PageHeader title={t('clients.editTitle', { name: client.name })} />
      <ClientForm
        key={`${client.id}:${client.version}`}
        initialValues={toFormValues(client)}
        submitting={update.isPending}
        onCancel={() => navigate(detailPath)}
        onSubmit={async (values, usccOverride) => {
          const body = toUpdateBody(values, client, usccOverride);
          const saved = Object.keys(body).length > 1 ? await update.mutateAsync(body) : client;
          notifySuccess(t('clients.updated', { name: saved.name }));
          navigate(detailPath);
        }}
      />
    </>
  );
}
