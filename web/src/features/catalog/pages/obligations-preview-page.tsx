import { Alert, Button, Card, Col, DatePicker, Empty, Flex, Form, Row, Skeleton, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { FieldIssue } from '../../../app/api-error';
import { asApiError } from '../../../app/error-notifier';
import { showFieldIssues, type IssuePlacement } from '../../../app/form-errors';
import { CatalogLayout } from '../components/catalog-layout';
import { ObligationsPreviewTable } from '../components/obligations-preview-table';
import { ScopeSelect } from '../components/scope-select';
import { ServiceSelect } from '../components/service-select';
import { usePreviewObligations, type ObligationsPreview, type ObligationsPreviewBody } from '../hooks/use-catalog';

interface PreviewValues {
  services: string[];
  scope?: string;
  issuedOn?: Dayjs | null;
  expiresOn?: Dayjs | null;
  today?: Dayjs | null;
}

const day = (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : undefined);

function toBody(values: PreviewValues): ObligationsPreviewBody {
  return {
    services: values.services as ObligationsPreviewBody['services'],
    scope: values.scope as ObligationsPreviewBody['scope'],
    issuedOn: day(values.issuedOn)!,
    ...(values.expiresOn ? { expiresOn: day(values.expiresOn) } : {}),
    ...(values.today ? { today: day(values.today) } : {}),
  };
}

function placeIssue(issue: FieldIssue): IssuePlacement {
  const name = issue.field.replace(/^service$/, 'services').replace(/^services\.\d+$/, 'services');
  return ['services', 'scope', 'issuedOn', 'expiresOn', 'today'].includes(name) ? { name } : null;
}

function PreviewSummary({ preview }: { preview: ObligationsPreview }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={8}>
      <Typography.Text>
        {t('catalog.obligations.summary', { today: preview.today, issuedOn: preview.issuedOn, expiresOn: preview.expiresOn })}
        {preview.expiresOnAssumed && <Typography.Text type="secondary">{t('catalog.obligations.expiryAssumed')}</Typography.Text>}
      </Typography.Text>
      {preview.provisional && <Alert type="warning" showIcon title={t('catalog.obligations.provisional')} />}
      {preview.overriddenKeys.length > 0 && <Alert type="info" showIcon title={t('catalog.overridesApplied', { count: preview.overriddenKeys.length })} />}
    </Flex>
  );
}

/** 知识库 → 合规事项预览: a licence's obligations from its service, scope and dates, before it is recorded. */
export function ObligationsPreviewPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [form] = Form.useForm<PreviewValues>();
  const preview = usePreviewObligations();

  function submit(values: PreviewValues) {
    preview.mutate(toBody(values), { onError: (error) => showFieldIssues(form, asApiError(error), placeIssue) });
  }

  return (
    <CatalogLayout section="obligations">
      <Flex vertical gap={16}>
        <Card title={t('catalog.obligations.formTitle')}>
          <Form<PreviewValues>
            form={form}
            layout="vertical"
            initialValues={{ services: [params.get('service') ?? 'B24-1'], scope: params.get('scope') ?? undefined }}
            onFinish={submit}
            disabled={preview.isPending}
            data-testid="obligations-form"
          >
            <Row gutter={16} align="bottom">
              <Col xs={24} md={12} xl={7}>
                <Form.Item name="services" label={t('catalog.obligations.services')} rules={[{ required: true, message: t('catalog.pickService') }]}>
                  <ServiceSelect multiple />
                </Form.Item>
              </Col>
              <Col xs={24} md={12} xl={5}>
                <Form.Item name="scope" label={t('catalog.eligibility.fields.scope')} rules={[{ required: true, message: t('catalog.pickScope') }]}>
                  <ScopeSelect />
                </Form.Item>
              </Col>
              <Col xs={12} md={8} xl={4}>
                <Form.Item name="issuedOn" label={t('catalog.obligations.issuedOn')} rules={[{ required: true, message: t('catalog.obligations.issuedOnRequired') }]}>
                  <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={12} md={8} xl={4}>
                <Form.Item name="expiresOn" label={t('catalog.obligations.expiresOn')} tooltip={t('catalog.obligations.expiresOnHint')}>
                  <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} placeholder={t('catalog.obligations.optional')} />
                </Form.Item>
              </Col>
              <Col xs={12} md={8} xl={4}>
                <Form.Item name="today" label={t('catalog.obligations.today')} tooltip={t('catalog.obligations.todayHint')}>
                  <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} placeholder={t('calendar.today')} />
                </Form.Item>
              </Col>
            </Row>
            <Flex justify="flex-end">
              <Button type="primary" htmlType="submit" loading={preview.isPending}>
                {t('catalog.obligations.submit')}
              </Button>
            </Flex>
          </Form>
        </Card>
        <Card title={t('catalog.obligations.resultTitle')}>
          {preview.isPending ? (
            <Skeleton active paragraph={{ rows: 6 }} />
          ) : preview.data ? (
            <Flex vertical gap={16}>
              <PreviewSummary preview={preview.data} />
              <ObligationsPreviewTable items={preview.data.items} />
            </Flex>
          ) : (
            <Empty description={t('catalog.obligations.empty')} />
          )}
        </Card>
      </Flex>
    </CatalogLayout>
  );
}
