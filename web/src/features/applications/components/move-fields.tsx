import { DatePicker, Form, Input, InputNumber, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { todayInChina } from '../../../app/format';
import { useLocalized } from '../../../app/localized';
import type { MoveField } from '../application-flow';
import type { MaterialItem } from '../hooks/use-application-materials';

const dateFormat = 'YYYY-MM-DD';
/** No date a move records may be after today in China (the server refuses it too). */
const afterToday = (day: Dayjs) => day.format(dateFormat) > todayInChina();

interface MoveFieldsProps {
  fields: readonly MoveField[];
  materials: MaterialItem[] | undefined;
  /** The licence number's example: 京B2-… for a province, B2-… cross-regional. */
  licenceAbbr: string | null;
}

/** Exactly the inputs a move needs: dates as YYYY-MM-DD, the fee in whole yuan, the items to correct, the licence number. */
export function MoveFields({ fields, materials, licenceAbbr }: MoveFieldsProps) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const dateRule = { required: true, message: t('applications.validation.dateRequired') };
  const has = (field: MoveField) => fields.includes(field);
  const date = (name: MoveField, required = true) => (
    <Form.Item
      key={name}
      label={t(`applications.fields.${name}`)}
      name={name}
      rules={required ? [dateRule] : []}
      extra={name === 'expiresOn' ? t('applications.help.expiresOn') : undefined}
    >
      <DatePicker format={dateFormat} disabledDate={name === 'expiresOn' ? undefined : afterToday} style={{ width: 200 }} />
    </Form.Item>
  );

  return (
    <>
      {has('contractSignedOn') && date('contractSignedOn')}
      {has('contractFeeYuan') && (
        <Form.Item
          label={t('applications.fields.contractFeeYuan')}
          name="contractFeeYuan"
          extra={t('applications.help.contractFeeYuan')}
          rules={[{ required: true, message: t('applications.validation.feeRequired') }]}
        >
          <InputNumber min={0} max={100_000_000} precision={0} step={1000} style={{ width: 200 }} placeholder={t('applications.placeholders.contractFeeYuan')} />
        </Form.Item>
      )}
      {has('submittedOn') && date('submittedOn')}
      {has('requestedOn') && date('requestedOn')}
      {has('items') && (
        <Form.Item label={t('applications.fields.items')} name="items" rules={[{ required: true, message: t('applications.validation.itemsRequired') }]}>
          <Select
            mode="multiple"
            placeholder={t('applications.placeholders.items')}
            showSearch={{ optionFilterProp: 'label' }}
            options={(materials ?? []).map((m) => ({ value: m.key, label: localized(m.title) }))}
          />
        </Form.Item>
      )}
      {has('acceptanceNo') && (
        <Form.Item label={t('applications.fields.acceptanceNo')} name="acceptanceNo" rules={[{ required: true, whitespace: true, message: t('applications.validation.acceptanceNoRequired') }]}>
          <Input maxLength={64} placeholder={t('applications.placeholders.acceptanceNo')} />
        </Form.Item>
      )}
      {has('acceptedOn') && date('acceptedOn')}
      {has('licenceNumber') && (
        <Form.Item label={t('applications.fields.licenceNumber')} name="licenceNumber" rules={[{ required: true, whitespace: true, message: t('applications.validation.licenceNumberRequired') }]}>
          <Input
            maxLength={40}
            style={{ fontFamily: 'monospace' }}
            placeholder={licenceAbbr ? t('applications.placeholders.licenceNumberProvince', { abbr: licenceAbbr }) : t('applications.placeholders.licenceNumberCross')}
          />
        </Form.Item>
      )}
      {has('issuedOn') && date('issuedOn')}
      {has('expiresOn') && date('expiresOn', false)}
    </>
  );
}
