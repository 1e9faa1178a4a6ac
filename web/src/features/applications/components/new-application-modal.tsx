import { useEffect } from 'react';
import { Alert, Checkbox, Form, Select } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../app/auth/auth-context';
import { FormModal } from '../../../app/components/form-modal';
import { asApiError, notifySuccess } from '../../../app/error-notifier';
import { showFormError } from '../../../app/form-errors';
import { ScopeSelect } from '../../catalog/components/scope-select';
import { ServiceSelect } from '../../catalog/components/service-select';
import { ClientSelect } from '../../clients/components/client-select';
import { useAssignableUsers } from '../hooks/use-assignable-users';
import { useCreateApplication, type ApplicationScope } from '../hooks/use-applications';

interface NewApplicationValues {
  clientId?: string;
  serviceCode: string;
  scope?: ApplicationScope;
  assigneeId?: string | null;
  assignToMe?: boolean;
}

interface NewApplicationModalProps {
  open: boolean;
  onClose: () => void;
  /** Opened from a client's page: that client is chosen already. */
  clientId?: string;
}

/** The call-centre licence first: B24-1 is chosen unless the user picks another service. */
const defaultService = 'B24-1';

/** Who is in charge: any staff member picks from the organisation's staff; if that list cannot load, "me" remains. */
function AssigneeField() {
  const { t } = useTranslation();
  const { users, isPending } = useAssignableUsers();
  const roleName = (role: string) => (role === 'owner' || role === 'admin' || role === 'staff' ? t(`roles.${role}`) : role);
  if (users === null) {
    return (
      <Form.Item name="assignToMe" valuePropName="checked">
        <Checkbox>{t('applications.help.assignToMe')}</Checkbox>
      </Form.Item>
    );
  }
  return (
    <Form.Item label={t('applications.fields.assignee')} name="assigneeId">
      <Select
        allowClear
        loading={isPending}
        placeholder={t('applications.placeholders.assignee')}
        showSearch={{ optionFilterProp: 'label' }}
        options={users.map((user) => ({ value: user.id, label: t('applications.assigneeOption', { name: user.name, role: roleName(user.role) }) }))}
      />
    </Form.Item>
  );
}

export function NewApplicationModal({ open, onClose, clientId }: NewApplicationModalProps) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const [form] = Form.useForm<NewApplicationValues>();
  const create = useCreateApplication();

  useEffect(() => {
    // Whoever opens the application is in charge of it unless they pick someone else.
    if (open) form.setFieldsValue({ clientId, serviceCode: defaultService, scope: undefined, assigneeId: me.user.id, assignToMe: true });
  }, [open, clientId, form, me.user.id]);

  async function submit(values: NewApplicationValues) {
    const assigneeId = values.assigneeId ?? (values.assignToMe ? me.user.id : undefined);
    try {
      const created = await create.mutateAsync({ clientId: values.clientId!, serviceCode: values.serviceCode, scope: values.scope!, ...(assigneeId ? { assigneeId } : {}) });
      notifySuccess(t('applications.created', { name: created.clientName }));
      form.resetFields();
      onClose();
      navigate(`/applications/${created.id}`);
    } catch (error) {
      showFormError(form, asApiError(error), ['clientId', 'serviceCode', 'scope', 'assigneeId']);
    }
  }

  return (
    <FormModal open={open} title={t('applications.createTitle')} okText={t('applications.create')} form={form} pending={create.isPending} onClose={onClose} resetOnCancel>
      <Alert type="info" showIcon title={t('applications.createHint')} style={{ marginBottom: 16 }} />
      <Form<NewApplicationValues> form={form} layout="vertical" initialValues={{ serviceCode: defaultService, assignToMe: true }} onFinish={(values) => void submit(values)}>
        <Form.Item label={t('applications.fields.client')} name="clientId" rules={[{ required: true, message: t('applications.validation.clientRequired') }]}>
          <ClientSelect placeholder={t('applications.placeholders.client')} />
        </Form.Item>
        <Form.Item label={t('applications.fields.service')} name="serviceCode" rules={[{ required: true, message: t('applications.validation.serviceRequired') }]}>
          <ServiceSelect />
        </Form.Item>
        <Form.Item label={t('applications.fields.scope')} name="scope" extra={t('applications.help.scope')} rules={[{ required: true, message: t('applications.validation.scopeRequired') }]}>
          <ScopeSelect />
        </Form.Item>
        <AssigneeField />
      </Form>
    </FormModal>
  );
}
