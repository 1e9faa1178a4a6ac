import { useEffect } from 'react';
import { Alert, Button, DatePicker, Flex, Form, Input, type FormInstance } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../app/components/form-modal';
import { asApiError, notifySuccess } from '../../../app/error-notifier';
import { showFieldIssues } from '../../../app/form-errors';
import { ScopeSelect } from '../../catalog/components/scope-select';
import { ServiceSelect } from '../../catalog/components/service-select';
import { ClientSelect } from '../../clients/components/client-select';
import type { ApplicationScope } from '../../applications/hooks/use-applications';
import { useCreateLicence, useUpdateLicence, type Licence } from '../hooks/use-licences';

interface LicenceFormValues {
  clientId?: string;
  licenceNumber: string;
  services: Array<{ serviceCode?: string; scope?: ApplicationScope }>;
  issuedOn?: Dayjs;
  expiresOn?: Dayjs | null;
  notes?: string;
}

const iso = (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : undefined);

/** Places the server's issues: services.1.scope → ['services', 1, 'scope']; anything else by its own name. */
function placeIssues(form: FormInstance, error: unknown) {
  const fields = ['clientId', 'licenceNumber', 'issuedOn', 'expiresOn', 'notes'];
  showFieldIssues(form, asApiError(error), (issue) => {
    const service = /^services\.(\d+)\.(serviceCode|scope)$/.exec(issue.field);
    if (service) return { name: ['services', Number(service[1]), service[2]] };
    return fields.includes(issue.field) ? { name: issue.field } : null;
  });
}

function LicenceFields({ withClient }: { withClient: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {withClient && (
        <Form.Item label={t('licences.fields.holder')} name="clientId" rules={[{ required: true, message: t('licences.validation.holderRequired') }]}>
          <ClientSelect placeholder={t('licences.placeholders.holder')} />
        </Form.Item>
      )}
      <Form.Item label={t('licences.fields.number')} name="licenceNumber" extra={t('licences.help.number')} rules={[{ required: true, whitespace: true, message: t('licences.validation.numberRequired') }]}>
        <Input placeholder="京B2-20240001" maxLength={40} autoComplete="off" />
      </Form.Item>
      <Form.Item label={t('licences.fields.services')} required extra={t('licences.help.services')}>
        <Form.List name="services">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8}>
              {fields.map((field, index) => (
                <Flex key={field.key} gap={8} align="flex-start" data-testid={`licence-service-${index}`}>
                  <Form.Item name={[field.name, 'serviceCode']} style={{ flex: 1, marginBottom: 0 }} rules={[{ required: true, message: t('licences.validation.serviceRequired') }]}>
                    <ServiceSelect />
                  </Form.Item>
                  <Form.Item name={[field.name, 'scope']} style={{ flex: 1, marginBottom: 0 }} rules={[{ required: true, message: t('licences.validation.scopeRequired') }]}>
                    <ScopeSelect />
                  </Form.Item>
                  <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('licences.removeService')} disabled={fields.length === 1} onClick={() => remove(field.name)} />
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ serviceCode: 'B24-1' })} style={{ alignSelf: 'flex-start' }}>
                {t('licences.addService')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form.Item>
      <Flex gap={16}>
        <Form.Item label={t('licences.fields.issuedOn')} name="issuedOn" style={{ flex: 1 }} rules={[{ required: true, message: t('licences.validation.issuedRequired') }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label={t('licences.fields.expiresOn')} name="expiresOn" style={{ flex: 1 }} extra={t('licences.help.expiresOn')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Flex>
      <Form.Item label={t('licences.fields.notes')} name="notes">
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </>
  );
}

/** 登记许可证: a licence obtained elsewhere, for a client company; lands on the new licence. */
export function NewLicenceModal({ open, onClose, clientId }: { open: boolean; onClose: () => void; clientId?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<LicenceFormValues>();
  const create = useCreateLicence();
  useEffect(() => {
    if (open) form.setFieldsValue({ clientId, services: [{ serviceCode: 'B24-1' }] });
  }, [open, clientId, form]);

  async function submit(values: LicenceFormValues) {
    try {
      const created = await create.mutateAsync({
        clientId: values.clientId!,
        licenceNumber: values.licenceNumber,
        services: values.services.map((s) => ({ serviceCode: s.serviceCode!, scope: s.scope! })),
        issuedOn: iso(values.issuedOn)!,
        ...(values.expiresOn ? { expiresOn: iso(values.expiresOn) } : {}),
        ...(values.notes ? { notes: values.notes } : {}),
      });
      notifySuccess(t('licences.created', { number: created.number }));
      form.resetFields();
      onClose();
      navigate(`/licenses/${created.id}`);
    } catch (error) {
      placeIssues(form, error);
    }
  }

  return (
    <FormModal open={open} title={t('licences.createTitle')} okText={t('licences.create')} form={form} pending={create.isPending} onClose={onClose} resetOnCancel>
      <Alert type="info" showIcon title={t('licences.createHint')} style={{ marginBottom: 16 }} />
      <Form<LicenceFormValues> form={form} layout="vertical" initialValues={{ services: [{ serviceCode: 'B24-1' }] }} onFinish={(values) => void submit(values)}>
        <LicenceFields withClient />
      </Form>
    </FormModal>
  );
}

/** Corrects a licence's number, services, dates or notes, carrying the version read. */
export function EditLicenceModal({ licence, open, onClose }: { licence: Licence; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<LicenceFormValues>();
  const update = useUpdateLicence(licence.id);
  useEffect(() => {
    if (open) {
      form.setFieldsValue({
        licenceNumber: licence.number,
        services: licence.services.map((s) => ({ serviceCode: s.serviceCode, scope: s.scope as ApplicationScope })),
        issuedOn: dayjs(licence.issuedOn),
        expiresOn: dayjs(licence.expiresOn),
        notes: licence.notes,
      });
    }
  }, [open, licence, form]);

  async function submit(values: LicenceFormValues) {
    try {
      await update.mutateAsync({
        version: licence.version,
        licenceNumber: values.licenceNumber,
        services: values.services.map((s) => ({ serviceCode: s.serviceCode!, scope: s.scope! })),
        issuedOn: iso(values.issuedOn),
        expiresOn: iso(values.expiresOn),
        notes: values.notes ?? '',
      });
      notifySuccess(t('licences.saved'));
      onClose();
    } catch (error) {
      placeIssues(form, error);
    }
  }

  return (
    <FormModal open={open} title={t('licences.editTitle')} okText={t('common.save')} form={form} pending={update.isPending} onClose={onClose}>
      <Form<LicenceFormValues> form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        <LicenceFields withClient={false} />
      </Form>
    </FormModal>
  );
}
