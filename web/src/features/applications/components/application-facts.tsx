import type { ReactNode } from 'react';
import { Descriptions, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatInstant, formatYuan } from '../../../app/format';
import { useLocalized } from '../../../app/localized';
import type { Application } from '../hooks/use-applications';
import { useScopeAuthority, useScopeName, useServiceName } from '../hooks/use-catalog-names';
import type { MaterialItem } from '../hooks/use-application-materials';
import { AssigneeControl } from './assignee-control';
import { AssigneeText } from './assignee-text';

interface ApplicationFactsProps {
  application: Application;
  /** Staff see the fee and change the assignee; client users see neither. */
  isStaff: boolean;
  canWrite: boolean;
  materials: MaterialItem[] | undefined;
}

/** What has been recorded so far: the contract, the submission, the acceptance and the licence. */
export function ApplicationFacts({ application, isStaff, canWrite, materials }: ApplicationFactsProps) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const scopeName = useScopeName();
  const authorityOf = useScopeAuthority();
  const serviceName = useServiceName();
  const dash = <Typography.Text type="secondary">—</Typography.Text>;
  const orDash = (value: ReactNode) => (value === null || value === undefined || value === '' ? dash : value);
  const titleOf = (key: string) => localized(materials?.find((m) => m.key === key)?.title) || key;
  const authority = authorityOf(application.scope);

  const items: { key: string; label: string; children: ReactNode }[] = [
    { key: 'client', label: t('applications.fields.client'), children: <Link to={`/clients/${application.clientId}`}>{application.clientName}</Link> },
    { key: 'service', label: t('applications.fields.service'), children: serviceName(application.serviceCode) },
    {
      key: 'scope',
      label: t('applications.fields.scope'),
      children: (
        <>
          <div>{scopeName(application.scope)}</div>
          {authority && <Typography.Text type="secondary">{authority.name}</Typography.Text>}
        </>
      ),
    },
    ...(isStaff
      ? [{ key: 'assignee', label: t('applications.fields.assignee'), children: canWrite ? <AssigneeControl application={application} /> : <AssigneeText assigneeId={application.assigneeId} /> }]
      : []),
    { key: 'contractSignedOn', label: t('applications.fields.contractSignedOn'), children: application.contractSignedOn },
    ...(isStaff ? [{ key: 'contractFeeYuan', label: t('applications.fields.contractFeeYuan'), children: formatYuan(application.contractFeeYuan) }] : []),
    { key: 'submittedOn', label: t('applications.fields.submittedOn'), children: application.submittedOn },
    ...(application.correctionItems.length > 0
      ? [{ key: 'correctionItems', label: t('applications.fields.correctionItems'), children: application.correctionItems.map(titleOf).join(t('applications.listSeparator')) }]
      : []),
    { key: 'acceptanceNo', label: t('applications.fields.acceptanceNo'), children: application.acceptanceNo },
    { key: 'acceptedOn', label: t('applications.fields.acceptedOn'), children: application.acceptedOn },
    { key: 'issuedOn', label: t('applications.fields.issuedOn'), children: application.issuedOn },
    {
      key: 'licence',
      label: t('applications.fields.licence'),
      children: application.licenceNumber ? (
        <div data-testid="issued-licence">
          <Typography.Text copyable strong style={{ fontFamily: 'monospace' }}>
            {application.licenceNumber}
          </Typography.Text>
          {application.licenceExpiresOn && <div>{t('applications.facts.validUntil', { date: application.licenceExpiresOn })}</div>}
        </div>
      ) : null,
    },
    ...(application.heldFrom ? [{ key: 'heldFrom', label: t('applications.fields.heldFrom'), children: t(`applications.states.${application.heldFrom}`) }] : []),
    { key: 'createdAt', label: t('applications.fields.createdAt'), children: formatInstant(application.createdAt) },
    { key: 'updatedAt', label: t('applications.fields.updatedAt'), children: formatInstant(application.updatedAt) },
  ];

  return (
    <div data-testid="application-facts">
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, sm: 1, md: 2, lg: 3, xl: 3, xxl: 3 }}
        styles={{ label: { width: 150 } }}
        items={items.map((item) => ({ ...item, children: orDash(item.children) }))}
      />
    </div>
  );
}
