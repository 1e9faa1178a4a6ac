import { useState } from 'react';
import { Button, Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { can } from '../../../app/access';
import { useMe } from '../../../app/auth/auth-context';
import { BackLink } from '../../../app/components/back-link';
import { PageHeader } from '../../../app/components/page-header';
import { RecordLoadState } from '../../../app/components/record-load-state';
import { formatDate } from '../../../app/format';
import { useLocalized } from '../../../app/localized';
import { useScopeName } from '../../applications/hooks/use-catalog-names';
import { EditLicenceModal } from '../components/licence-form-modal';
import { LicenceHistoryCard } from '../components/licence-history-card';
import { LicenceObligationsCard } from '../components/licence-obligations-card';
import { LicenceStatusTag } from '../components/licence-status-tag';
import { useLicence } from '../hooks/use-licences';

/** One licence: what it is, who holds it, where it stands, and every obligation its dates bring. */
export function LicenseDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const me = useMe();
  const localized = useLocalized();
  const scopeName = useScopeName();
  const query = useLicence(id);
  const [editing, setEditing] = useState(false);
  const licence = query.data;
  if (!licence) return <RecordLoadState query={query} notFoundText={t('licences.notFound')} backTo="/licenses" />;
  const canWrite = can(me.user, 'writeLicences');

  return (
    <>
      <BackLink to="/licenses" />
      <PageHeader
        title={licence.number}
        tags={<LicenceStatusTag status={licence.status} />}
        subtitle={licence.clientName}
        extra={
          canWrite && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {t('licences.edit')}
            </Button>
          )
        }
      />
      <Card title={t('licences.factsTitle')} style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="middle">
          <Descriptions.Item label={t('licences.fields.holder')}>
            <Link to={`/clients/${licence.clientId}`}>{licence.clientName}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={t('licences.fields.authority')}>{localized(licence.authority.name)}</Descriptions.Item>
          <Descriptions.Item label={t('licences.fields.numberYear')}>{licence.numberYear ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('licences.fields.issuedOn')}>{formatDate(licence.issuedOn)}</Descriptions.Item>
          <Descriptions.Item label={t('licences.fields.expiresOn')}>{formatDate(licence.expiresOn)}</Descriptions.Item>
          <Descriptions.Item label={t('licences.fields.renewalOpensOn')}>
            <Typography.Text type={licence.status === 'expiring' ? 'warning' : undefined}>{formatDate(licence.renewalOpensOn)}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('licences.fields.services')} span={{ xs: 1, md: 2, xl: 3 }}>
            <Flex vertical gap={4}>
              {licence.services.map((s) => (
                <span key={s.serviceCode}>
                  <Tag>{s.serviceCode}</Tag>
                  {localized(s.name)} · {scopeName(s.scope)}
                </span>
              ))}
            </Flex>
          </Descriptions.Item>
          <Descriptions.Item label={t('licences.fields.source')}>
            {licence.applicationId ? <Link to={`/applications/${licence.applicationId}`}>{t('licences.fromApplication')}</Link> : t('licences.enteredDirectly')}
          </Descriptions.Item>
          {licence.notes && (
            <Descriptions.Item label={t('licences.fields.notes')} span={{ xs: 1, md: 2 }}>
              <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{licence.notes}</Typography.Text>
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <LicenceHistoryCard licence={licence} canWrite={canWrite} />
      <LicenceObligationsCard licenceId={licence.id} />
      {canWrite && <EditLicenceModal licence={licence} open={editing} onClose={() => setEditing(false)} />}
    </>
  );
}
