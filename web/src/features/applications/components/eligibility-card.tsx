import { Card, Flex, Skeleton, Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../../app/error-notifier';
import { useLocalized } from '../../../app/localized';
import { EligibilityVerdict, ResultTag } from '../../catalog/components/eligibility-result';
import type { Application } from '../hooks/use-applications';
import { useClientEligibility } from '../hooks/use-client-eligibility';

/** The order the criteria are worth reading in: what fails first, then what cannot be told, then reminders. */
const resultOrder = { fail: 0, unknown: 1, warn: 2, pass: 3 } as const;

/** 资格自检 at a glance: the verdict, each criterion's result (its explanation on hover), and the full check a click away. */
export function EligibilityCard({ application }: { application: Pick<Application, 'clientId' | 'serviceCode' | 'scope'> }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const check = useClientEligibility(application);
  const fullCheck = `/catalog/eligibility?service=${encodeURIComponent(application.serviceCode)}&scope=${encodeURIComponent(application.scope)}&client=${encodeURIComponent(application.clientId)}`;
  const rows = [...(check.data?.rows ?? [])].sort((a, b) => resultOrder[a.result] - resultOrder[b.result]);

  return (
    <Card title={t('applications.eligibility.title')} extra={<Link to={fullCheck}>{t('applications.eligibility.details')}</Link>} data-testid="eligibility-card" style={{ marginBottom: 16 }}>
      {check.isPending ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : check.data ? (
        <Flex vertical gap={12}>
          <EligibilityVerdict result={check.data} />
          <Flex vertical gap={6}>
            {rows.map((row) => (
              <Flex key={row.key} gap={8} align="center" data-testid="eligibility-row" data-result={row.result}>
                <ResultTag result={row.result} />
                <Tooltip title={localized(row.explanation)}>
                  <Typography.Text style={{ cursor: 'help' }}>{localized(row.title)}</Typography.Text>
                </Tooltip>
              </Flex>
            ))}
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('applications.eligibility.hint')}
          </Typography.Text>
        </Flex>
      ) : (
        <Typography.Text type="secondary">{t('applications.eligibility.unavailable', { reason: describeError(check.error) })}</Typography.Text>
      )}
    </Card>
  );
}
