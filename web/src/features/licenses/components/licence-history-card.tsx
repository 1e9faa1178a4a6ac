import { useState } from 'react';
import { Button, Card, DatePicker, Empty, Flex, Form, Input, InputNumber, Popconfirm, Select, Tag, Timeline, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../app/components/form-modal';
import { asApiError, notifySuccess } from '../../../app/error-notifier';
import { showFieldIssues } from '../../../app/form-errors';
import { formatDate, formatInstant } from '../../../app/format';
import { licenceEventKinds, useLicenceEvents, useRecordLicenceEvent, useRemoveLicenceEvent, type Licence, type LicenceEvent, type LicenceEventBody, type LicenceEventKind } from '../hooks/use-licences';

const registrationFields = ['name', 'address', 'legal-representative', 'registered-capital', 'shareholders'] as const;
type RegistrationField = (typeof registrationFields)[number];
const kindColors: Partial<Record<LicenceEventKind, string>> = { renewed: 'green', cancelled: 'red', 'service-opened': 'blue', 'registration-change': 'orange' };

interface EventValues {
  kind: LicenceEventKind;
  date?: Dayjs;
  serviceCode?: string;
  field?: RegistrationField;
  year?: number;
  numbers?: string[];
  expiresOn?: Dayjs;
  note?: string;
}

/** What an event records besides its date, in words: the service, what changed, the year, the numbers, the new expiry. */
function EventDetail({ event }: { event: LicenceEvent }) {
  const { t } = useTranslation();
  const d = event.details;
  if (d.serviceCode) return <Tag>{d.serviceCode}</Tag>;
  if (d.field) return <span>{t(`licences.history.registrationFields.${d.field as RegistrationField}`)}</span>;
  if (d.year) return <span>{t('licences.history.yearValue', { year: String(d.year) })}</span>;
  if (d.numbers) return <span>{d.numbers.join('、')}</span>;
  if (d.expiresOn) return <span>{t('licences.history.renewedTo', { from: formatDate(d.previousExpiresOn), to: formatDate(d.expiresOn) })}</span>;
  return null;
}

function RecordEventModal({ licence, open, onClose }: { licence: Licence; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<EventValues>();
  const record = useRecordLicenceEvent(licence.id);
  const kind = Form.useWatch('kind', form);
  const fields = ['kind', 'date', 'serviceCode', 'field', 'year', 'expiresOn', 'note'];

  async function submit(values: EventValues) {
    const body = {
      kind: values.kind,
      date: values.date!.format('YYYY-MM-DD'),
      ...(values.serviceCode ? { serviceCode: values.serviceCode } : {}),
      ...(values.field ? { field: values.field } : {}),
      ...(values.year ? { year: values.year } : {}),
      ...(values.numbers?.length ? { numbers: values.numbers } : {}),
      ...(values.expiresOn ? { expiresOn: values.expiresOn.format('YYYY-MM-DD') } : {}),
      ...(values.note ? { note: values.note } : {}),
    } as LicenceEventBody;
    try {
      await record.mutateAsync(body);
      notifySuccess(t('licences.history.recorded'));
      form.resetFields();
      onClose();
    } catch (error) {
      showFieldIssues(form, asApiError(error), (issue) => {
        if (/^numbers\.\d+$/.test(issue.field)) return { name: 'numbers' };
        return fields.includes(issue.field) ? { name: issue.field } : null;
      });
    }
  }

  const required = (message: string) => [{ required: true, message }];
  return (
    <FormModal open={open} title={t('licences.history.recordTitle')} okText={t('licences.history.record')} form={form} pending={record.isPending} onClose={onClose} resetOnCancel>
      <Form<EventValues> form={form} layout="vertical" initialValues={{ kind: 'annual-report-filed' }} onFinish={(values) => void submit(values)}>
        <Form.Item label={t('licences.history.kind')} name="kind" rules={required(t('licences.history.kindRequired'))}>
          <Select options={licenceEventKinds.map((k) => ({ value: k, label: t(`licences.history.kinds.${k}`) }))} />
        </Form.Item>
        <Form.Item label={t('licences.history.date')} name="date" rules={required(t('licences.history.dateRequired'))} extra={t(`licences.history.dateHints.${kind ?? 'annual-report-filed'}`)}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        {kind === 'service-opened' && (
          <Form.Item label={t('licences.fields.services')} name="serviceCode" rules={required(t('licences.validation.serviceRequired'))}>
            <Select options={licence.services.map((s) => ({ value: s.serviceCode, label: `${s.serviceCode} ${s.name.zh}` }))} />
          </Form.Item>
        )}
        {kind === 'registration-change' && (
          <Form.Item label={t('licences.history.field')} name="field" rules={required(t('licences.history.fieldRequired'))} extra={t('licences.history.fieldHint')}>
            <Select options={registrationFields.map((f) => ({ value: f, label: t(`licences.history.registrationFields.${f}`) }))} />
          </Form.Item>
        )}
        {(kind === 'annual-report-filed' || kind === 'number-report-filed') && (
          <Form.Item label={t('licences.history.year')} name="year" rules={required(t('licences.history.yearRequired'))} extra={t('licences.history.yearHint')}>
            <InputNumber min={1990} max={2150} style={{ width: '100%' }} />
          </Form.Item>
        )}
        {(kind === 'numbers-obtained' || kind === 'numbers-returned') && (
          <Form.Item label={t('licences.history.numbers')} name="numbers" rules={required(t('licences.history.numbersRequired'))} extra={t('licences.history.numbersHint')}>
            <Select mode="tags" tokenSeparators={[',', '，', ' ', '、']} open={false} />
          </Form.Item>
        )}
        {kind === 'renewed' && (
          <Form.Item label={t('licences.history.newExpiry')} name="expiresOn" rules={required(t('licences.history.newExpiryRequired'))}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        )}
        <Form.Item label={t('licences.fields.notes')} name="note">
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/** 历史记录: the licence's events, newest first; each is a fact its obligations are derived from. */
export function LicenceHistoryCard({ licence, canWrite }: { licence: Licence; canWrite: boolean }) {
  const { t } = useTranslation();
  const events = useLicenceEvents(licence.id);
  const remove = useRemoveLicenceEvent(licence.id);
  const [recording, setRecording] = useState(false);
  const items = [...(events.data ?? [])].reverse();
  return (
    <Card
      title={t('licences.history.title')}
      loading={events.isPending}
      data-testid="licence-history"
      extra={
        canWrite && (
          <Button icon={<PlusOutlined />} onClick={() => setRecording(true)}>
            {t('licences.history.record')}
          </Button>
        )
      }
    >
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(canWrite ? 'licences.history.empty' : 'licences.history.emptyReadOnly')} />
      ) : (
        <Timeline
          items={items.map((event) => ({
            color: kindColors[event.kind as LicenceEventKind] ?? 'gray',
            children: (
              <Flex vertical gap={2} data-testid="licence-event">
                <Flex gap={8} align="center" wrap>
                  <Typography.Text strong>{formatDate(event.date)}</Typography.Text>
                  <span>{t(`licences.history.kinds.${event.kind as LicenceEventKind}`)}</span>
                  <EventDetail event={event} />
                  {canWrite && (
                    <Popconfirm title={t('licences.history.removeConfirm')} okText={t('licences.history.remove')} onConfirm={() => remove.mutateAsync(event.id).then(() => notifySuccess(t('licences.history.removed')))}>
                      <Button type="text" size="small" icon={<DeleteOutlined />} aria-label={t('licences.history.remove')} />
                    </Popconfirm>
                  )}
                </Flex>
                {event.note && <Typography.Text type="secondary">{event.note}</Typography.Text>}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('licences.history.by', { name: event.createdByName ?? t('licences.history.system'), at: formatInstant(event.createdAt) })}
                </Typography.Text>
              </Flex>
            ),
          }))}
        />
      )}
      {canWrite && <RecordEventModal licence={licence} open={recording} onClose={() => setRecording(false)} />}
    </Card>
  );
}
