import { useRef, useState } from 'react';
import { Card, Col, Empty, Form, Row, Skeleton } from 'antd';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { asApiError } from '../../../app/error-notifier';
import { showFieldIssues } from '../../../app/form-errors';
import type { Client } from '../../clients/hooks/use-clients';
import { CatalogLayout } from '../components/catalog-layout';
import { EligibilityForm } from '../components/eligibility-form';
import { EligibilityResultView } from '../components/eligibility-result';
import { placeEligibilityIssue, toEligibilityBody, type EligibilityValues } from '../eligibility-form-values';
import { useCheckEligibility } from '../hooks/use-catalog';

/** 知识库 → 资格自检: checks a company against a service's criteria; ?service=B24-1&scope=SH&client=<id> prefill it. */
export function EligibilityPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [form] = Form.useForm<EligibilityValues>();
  const [prefilledFrom, setPrefilledFrom] = useState<Client | null>(null);
  const check = useCheckEligibility();
  const resultRef = useRef<HTMLDivElement>(null);
  const initialValues: EligibilityValues = {
    service: params.get('service') ?? 'B24-1',
    scope: params.get('scope') ?? undefined,
    clientId: params.get('client') ?? undefined,
  };

  function submit(values: EligibilityValues) {
    check.mutate(toEligibilityBody(values), {
      onSuccess: () => resultRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' }),
      onError: (error) => showFieldIssues(form, asApiError(error), placeEligibilityIssue),
    });
  }

  return (
    <CatalogLayout section="eligibility">
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={11}>
          <Card title={t('catalog.eligibility.formTitle')}>
            <EligibilityForm form={form} initialValues={initialValues} onSubmit={submit} submitting={check.isPending} prefilledFrom={prefilledFrom} onPrefilled={setPrefilledFrom} />
          </Card>
        </Col>
        <Col xs={24} xl={13}>
          <Card title={t('catalog.eligibility.resultTitle')} ref={resultRef} style={{ scrollMarginTop: 16 }}>
            {check.isPending ? (
              <Skeleton active paragraph={{ rows: 8 }} />
            ) : check.data ? (
              <EligibilityResultView result={check.data} />
            ) : (
              <Empty description={t('catalog.eligibility.empty')} />
            )}
          </Card>
        </Col>
      </Row>
    </CatalogLayout>
  );
}
