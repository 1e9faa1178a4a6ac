import type { ReactNode } from 'react';
import { Card, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { groupThousands } from '../../../app/format';
import { useProvinceOptions } from '../hooks/use-provinces';

const half = { xs: 24, md: 12 };
/** The server's upper bound for registered capital, in yuan. */
const maxRegisteredCapital = 10_000_000_000_000;

function atMostTwoDecimals(message: string) {
  return async (_rule: unknown, value: number | null | undefined) => {
    if (value !== null && value !== undefined && Math.abs(Math.round(value * 100) - value * 100) > 1e-6) throw new Error(message);
  };
}

/** 基本信息: who the company is, as on its business licence. */
export function CompanySection({ usccField }: { usccField: ReactNode }) {
  const { t } = useTranslation();
  const provinceOptions = useProvinceOptions();
  return (
    <Card title={t('clients.sections.basic')}>
      <Row gutter={24}>
        <Col {...half}>
          <Form.Item label={t('clients.fields.name')} name="name" rules={[{ required: true, whitespace: true, message: t('clients.validation.nameRequired') }]}>
            <Input placeholder={t('clients.placeholders.name')} maxLength={200} />
          </Form.Item>
        </Col>
        <Col {...half}>{usccField}</Col>
        <Col {...half}>
          <Form.Item label={t('clients.fields.legalRepresentative')} name="legalRepresentative">
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item label={t('clients.fields.province')} name="province">
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={provinceOptions} placeholder={t('clients.placeholders.province')} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item label={t('clients.fields.registeredCapital')} name="registeredCapital">
            <InputNumber<number>
              style={{ width: '100%' }}
              min={0}
              max={maxRegisteredCapital}
              precision={0}
              prefix="¥"
              placeholder={t('clients.placeholders.registeredCapital')}
              formatter={(value) => groupThousands(value)}
            />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            label={t('clients.fields.foreignSharePercent')}
            name="foreignSharePercent"
            extra={t('clients.help.foreignSharePercent')}
            rules={[{ type: 'number', min: 0, max: 100, message: t('clients.validation.percentRange') }, { validator: atMostTwoDecimals(t('clients.validation.percentDecimals')) }]}
          >
            <InputNumber<number> style={{ width: '100%' }} min={0} max={100} step={1} suffix="%" placeholder={t('clients.placeholders.foreignSharePercent')} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item label={t('clients.fields.businessScope')} name="businessScope">
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} placeholder={t('clients.placeholders.businessScope')} maxLength={5000} />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}

/** 联系方式 */
export function ContactSection() {
  const { t } = useTranslation();
  return (
    <Card title={t('clients.sections.contact')}>
      <Row gutter={24}>
        <Col {...half}>
          <Form.Item label={t('clients.fields.contactName')} name="contactName">
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item
            label={t('clients.fields.contactPhone')}
            name="contactPhone"
            rules={[{ pattern: /^[0-9+\-()\s]*$/, message: t('clients.validation.phoneInvalid') }]}
          >
            <Input maxLength={40} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item label={t('clients.fields.contactEmail')} name="contactEmail" rules={[{ type: 'email', message: t('clients.validation.emailInvalid') }]}>
            <Input maxLength={254} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item label={t('clients.fields.address')} name="address">
            <Input maxLength={500} />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}

/** 其他 */
export function NotesSection() {
  const { t } = useTranslation();
  return (
    <Card title={t('clients.sections.other')}>
      <Form.Item label={t('clients.fields.notes')} name="notes" style={{ marginBottom: 0 }}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} />
      </Form.Item>
    </Card>
  );
}
