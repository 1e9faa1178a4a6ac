import { useEffect } from 'react';
import { Alert, Button, Col, Divider, Flex, Form, Input, InputNumber, Row, Select, type FormInstance } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { groupThousands } from '../../../app/format';
import { ClientSelect } from '../../clients/components/client-select';
import { clientQueryOptions, type Client } from '../../clients/hooks/use-clients';
import { useProvinceOptions } from '../../clients/hooks/use-provinces';
import { valuesFromClient, type EligibilityValues } from '../eligibility-form-values';
import { DeclaredChoice } from './declared-choice';
import { ScopeSelect } from './scope-select';
import { ServiceSelect } from './service-select';

interface EligibilityFormProps {
  form: FormInstance<EligibilityValues>;
  initialValues: EligibilityValues;
  onSubmit: (values: EligibilityValues) => void;
  submitting: boolean;
  /** The client the form was prefilled from, to say so. */
  prefilledFrom: Client | null;
  onPrefilled: (client: Client | null) => void;
}

const half = { xs: 24, md: 12 };

function DeclarationsSection() {
  const { t } = useTranslation();
  const choice = (name: 'notDishonest' | 'hasEquipmentEvidence' | 'hasPremises' | 'hasTrunkLines') => (
    <Form.Item name={name} label={t(`catalog.eligibility.fields.${name}`)} style={{ marginBottom: 12 }}>
      <DeclaredChoice />
    </Form.Item>
  );
  return (
    <>
      {choice('notDishonest')}
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item name="staffCount" label={t('catalog.eligibility.fields.staffCount')} style={{ marginBottom: 12 }}>
            <InputNumber<number> min={0} max={1_000_000} precision={0} style={{ width: '100%' }} placeholder={t('catalog.eligibility.notDeclared')} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="socialInsuranceStaffCount" label={t('catalog.eligibility.fields.socialInsuranceStaffCount')} style={{ marginBottom: 12 }}>
            <InputNumber<number> min={0} max={1_000_000} precision={0} style={{ width: '100%' }} placeholder={t('catalog.eligibility.notDeclared')} />
          </Form.Item>
        </Col>
      </Row>
      {choice('hasEquipmentEvidence')}
      {choice('hasPremises')}
      {choice('hasTrunkLines')}
    </>
  );
}

/** 资格自检 input: the service and scope, the company's facts (typed or from a client) and its declarations. */
export function EligibilityForm({ form, initialValues, onSubmit, submitting, prefilledFrom, onPrefilled }: EligibilityFormProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const provinceOptions = useProvinceOptions();

  async function prefill(clientId: string | undefined) {
    if (!clientId) {
      onPrefilled(null);
      return;
    }
    const client = await queryClient.fetchQuery(clientQueryOptions(clientId)).catch(() => null);
    if (!client) return;
    form.setFieldsValue(valuesFromClient(client));
    if (!form.getFieldValue('scope') && client.province) form.setFieldValue('scope', client.province);
    onPrefilled(client);
  }

  useEffect(() => {
    if (initialValues.clientId) void prefill(initialValues.clientId);
    // Only the client named in the address on arrival; later choices go through onValuesChange.
  }, []);

  return (
    <Form<EligibilityValues>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={onSubmit}
      onValuesChange={(changed: Partial<EligibilityValues>) => {
        if ('clientId' in changed) void prefill(changed.clientId);
      }}
      disabled={submitting}
      data-testid="eligibility-form"
    >
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item name="service" label={t('catalog.eligibility.fields.service')} rules={[{ required: true, message: t('catalog.pickService') }]}>
            <ServiceSelect />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="scope" label={t('catalog.eligibility.fields.scope')} rules={[{ required: true, message: t('catalog.pickScope') }]}>
            <ScopeSelect />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="clientId" label={t('catalog.eligibility.fields.clientId')} extra={t('catalog.eligibility.clientHint')}>
        <ClientSelect allowClear placeholder={t('catalog.eligibility.clientPlaceholder')} />
      </Form.Item>
      {prefilledFrom && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('catalog.eligibility.prefilled', { name: prefilledFrom.name })} />}
      <Divider titlePlacement="start" plain style={{ marginTop: 0 }}>
        {t('catalog.eligibility.companySection')}
      </Divider>
      <Row gutter={16}>
        <Col {...half}>
          <Form.Item name="registeredCapital" label={t('catalog.eligibility.fields.registeredCapital')}>
            <InputNumber<number> min={0} max={10_000_000_000_000} precision={0} prefix="¥" style={{ width: '100%' }} formatter={(value) => groupThousands(value)} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="foreignSharePercent" label={t('catalog.eligibility.fields.foreignSharePercent')}>
            <InputNumber<number> min={0} max={100} step={1} suffix="%" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="province" label={t('catalog.eligibility.fields.province')}>
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={provinceOptions} placeholder={t('clients.placeholders.province')} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="businessScope" label={t('catalog.eligibility.fields.businessScope')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} placeholder={t('clients.placeholders.businessScope')} />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start" plain style={{ marginTop: 0 }}>
        {t('catalog.eligibility.declarationsSection')}
      </Divider>
      <DeclarationsSection />
      <Flex gap={8} justify="flex-end">
        <Button
          onClick={() => {
            form.resetFields();
            onPrefilled(null);
          }}
          disabled={false}
        >
          {t('common.reset')}
        </Button>
        <Button type="primary" htmlType="submit" loading={submitting}>
          {t('catalog.eligibility.submit')}
        </Button>
      </Flex>
    </Form>
  );
}
