import type { ReactNode } from 'react';
import { Button, Col, Descriptions, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { asApiError, notifySuccess } from '../../../app/error-notifier';
import { showFieldIssues } from '../../../app/form-errors';
import { useUpdateApplication, type Application, type BusinessDescription } from '../hooks/use-applications';

type BusinessValues = {
  seats?: number | null;
  staff?: number | null;
  businessTypes?: string[];
  operatingMode?: string;
  coverage?: string;
  systemDescription?: string;
  trunkLines?: string;
};

const textFields = ['operatingMode', 'coverage', 'systemDescription', 'trunkLines'] as const;

/** The whole description, as the server stores it: empty fields left out (a PATCH replaces it). */
function toBusiness(values: BusinessValues): BusinessDescription {
  const business: BusinessDescription = {};
  if (values.seats != null) business.seats = values.seats;
  if (values.staff != null) business.staff = values.staff;
  const types = (values.businessTypes ?? []).map((type) => type.trim()).filter(Boolean);
  if (types.length > 0) business.businessTypes = types;
  for (const field of textFields) {
    const value = values[field]?.trim();
    if (value) business[field] = value;
  }
  return business;
}

/** What a client user sees: the description as recorded. */
function BusinessReadOnly({ business }: { business: BusinessDescription }) {
  const { t } = useTranslation();
  const none = <Typography.Text type="secondary">{t('applications.business.empty')}</Typography.Text>;
  const show = (value: ReactNode) => (value === undefined || value === '' ? none : value);
  const items = [
    { key: 'seats', label: t('applications.business.seats'), children: show(business.seats) },
    { key: 'staff', label: t('applications.business.staff'), children: show(business.staff) },
    { key: 'businessTypes', label: t('applications.business.businessTypes'), children: show(business.businessTypes?.join(t('applications.listSeparator'))) },
    ...textFields.map((field) => ({ key: field, label: t(`applications.business.${field}`), children: show(business[field]) })),
  ];
  return <Descriptions size="small" bordered column={1} styles={{ label: { width: 150 } }} items={items} />;
}

/** The business description (业务说明) staff fill in for the generated document; saved with the version read. */
export function BusinessForm({ application, canWrite }: { application: Application; canWrite: boolean }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<BusinessValues>();
  const update = useUpdateApplication(application.id);
  if (!canWrite) return <BusinessReadOnly business={application.business} />;

  async function submit(values: BusinessValues) {
    try {
      await update.mutateAsync({ version: application.version, business: toBusiness(values) });
      notifySuccess(t('applications.business.saved'));
    } catch (error) {
      // Issues name `business.seats`, `business.businessTypes.2` …: placed on the field they are about.
      showFieldIssues(form, asApiError(error), (issue) => {
        const field = /^business\.(\w+)/.exec(issue.field)?.[1];
        return field ? { name: field } : null;
      });
    }
  }

  return (
    <Form<BusinessValues>
      // A new version (saved here or elsewhere) starts the form again from what is stored.
      key={application.version}
      form={form}
      layout="vertical"
      initialValues={{ ...application.business, businessTypes: application.business.businessTypes ?? [] }}
      onFinish={(values) => void submit(values)}
    >
      <Typography.Paragraph type="secondary">{t('applications.business.hint')}</Typography.Paragraph>
      <Row gutter={16}>
        <Col xs={12} md={6}>
          <Form.Item label={t('applications.business.seats')} name="seats">
            <InputNumber min={0} max={1_000_000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item label={t('applications.business.staff')} name="staff">
            <InputNumber min={0} max={1_000_000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('applications.business.businessTypes')} name="businessTypes">
            <Select mode="tags" maxCount={20} tokenSeparators={['、', ',', '，']} placeholder={t('applications.business.businessTypesPlaceholder')} open={false} suffixIcon={null} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('applications.business.operatingMode')} name="operatingMode">
            <Input maxLength={500} placeholder={t('applications.business.operatingModePlaceholder')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('applications.business.coverage')} name="coverage">
            <Input maxLength={500} placeholder={t('applications.business.coveragePlaceholder')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('applications.business.trunkLines')} name="trunkLines">
            <Input maxLength={500} placeholder={t('applications.business.trunkLinesPlaceholder')} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item label={t('applications.business.systemDescription')} name="systemDescription">
            <Input.TextArea rows={3} maxLength={5000} placeholder={t('applications.business.systemDescriptionPlaceholder')} />
          </Form.Item>
        </Col>
      </Row>
      <Button type="primary" htmlType="submit" loading={update.isPending}>
        {t('common.save')}
      </Button>
    </Form>
  );
}
