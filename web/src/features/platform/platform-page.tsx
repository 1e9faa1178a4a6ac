import { useState } from 'react';
import { Alert, Button, Card, Flex, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../app/auth/auth-context';
import { PageHeader } from '../../app/components/page-header';
import { notifySuccess } from '../../app/error-notifier';
import { SecretOnceModal } from '../settings/components/secret-once-modal';
import { CreateOrganisationModal } from './create-organisation-modal';
import { OrganisationsTable } from './organisations-table';
import { useOrganisations, useSetOrganisationActive, type AdminOrganisation, type CreatedOrganisation } from './use-organisations';

/** 平台管理: instance administration for operators — the organisations sharing this LicenseDesk, and the official calendar. */
export function PlatformPage() {
  const me = useMe();
  const { t } = useTranslation();
  const { data, isPending, isFetching, error, refetch } = useOrganisations();
  const setActive = useSetOrganisationActive();
  const [creating, setCreating] = useState(false);
  const [shown, setShown] = useState<{ email: string; password: string } | null>(null);

  async function changeActive(organisation: AdminOrganisation, active: boolean) {
    await setActive.mutateAsync({ id: organisation.id, active });
    notifySuccess(t(active ? 'platform.organisations.reactivated' : 'platform.organisations.deactivated', { name: organisation.name }));
  }

  function created({ organisation, owner, initialPassword }: CreatedOrganisation) {
    setCreating(false);
    notifySuccess(t('platform.organisations.created', { name: organisation.name }));
    if (initialPassword) setShown({ email: owner.email, password: initialPassword });
  }

  return (
    <>
      <PageHeader title={t('platform.title')} subtitle={t('platform.subtitle')} />
      <Flex vertical gap={16}>
        <Card
          title={t('platform.organisations.title')}
          extra={
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('platform.organisations.newOrganisation')}
            </Button>
          }
        >
          <Typography.Paragraph type="secondary">{t('platform.organisations.intro')}</Typography.Paragraph>
          {error ? (
            <Alert
              type="error"
              showIcon
              title={t('errors.pageLoadFailed')}
              action={
                <Button size="small" onClick={() => void refetch()}>
                  {t('common.retry')}
                </Button>
              }
            />
          ) : (
            <OrganisationsTable organisations={data?.items} loading={isPending || isFetching} ownId={me.organisation.id} onSetActive={changeActive} />
          )}
        </Card>
        <Card title={t('platform.calendar.title')}>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {t('platform.calendar.intro')} <Link to="/settings/calendar">{t('platform.calendar.open')}</Link>
          </Typography.Paragraph>
        </Card>
      </Flex>
      <CreateOrganisationModal open={creating} onClose={() => setCreating(false)} onCreated={created} />
      <SecretOnceModal
        title={t('settings.users.initialPasswordTitle')}
        text={t('platform.organisations.initialPasswordText', { email: shown?.email ?? '' })}
        secret={shown?.password ?? null}
        onClose={() => setShown(null)}
      />
    </>
  );
}
