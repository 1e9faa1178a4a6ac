import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../../app/error-notifier';
import { PageHeader } from '../../../app/components/page-header';
import { BackLink } from '../../../app/components/back-link';
import { ClientForm } from '../components/client-form';
import { toCreateBody } from '../client-form-values';
import { useCreateClient } from '../hooks/use-clients';

export function ClientCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateClient();

  return (
    <>
      <BackLink to="/clients" />
      <PageHeader title={t('clients.createTitle')} />
      <ClientForm
        submitting={create.isPending}
        onCancel={() => navigate('/clients')}
        onSubmit={async (values, usccOverride) => {
          const client = await create.mutateAsync(toCreateBody(values, usccOverride));
          notifySuccess(t('clients.created', { name: client.name }));
          navigate(`/clients/${client.id}`);
        }}
      />
    </>
  );
}
