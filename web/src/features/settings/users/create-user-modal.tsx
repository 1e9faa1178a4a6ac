import { Form, Input } from 'antd';
import { FormModal } from '../../../app/components/form-modal';
import { useTranslation } from 'react-i18next';
import { asApiError } from '../../../app/error-notifier';
import { showFormError } from '../../../app/form-errors';
import type { Role } from '../../../app/auth/auth-context';
import { RoleFields } from './role-fields';
import { useCreateUser, type ManagedUser } from './use-users';

interface CreateUserValues {
  email: string;
  name: string;
  role: Role;
  clientId?: string;
}

interface CreateUserModalProps {
  open: boolean;
  allowOwner: boolean;
  onClose: () => void;
  /** Called with the new user and the generated password, which is shown once. */
  onCreated: (user: ManagedUser, initialPassword: string | undefined) => void;
}

export function CreateUserModal({ open, allowOwner, onClose, onCreated }: CreateUserModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CreateUserValues>();
  const create = useCreateUser();
  const role = Form.useWatch('role', form);

  async function submit(values: CreateUserValues) {
    try {
      const result = await create.mutateAsync({
        email: values.email.trim(),
        name: values.name.trim(),
        role: values.role,
        ...(values.role === 'client' ? { clientId: values.clientId } : {}),
      });
      form.resetFields();
      onCreated(result.user, result.initialPassword);
    } catch (error) {
      showFormError(form, asApiError(error), ['email', 'name', 'role', 'clientId']);
    }
  }

  return (
    <FormModal open={open} title={t('settings.users.createTitle')} okText={t('common.create')} form={form} pending={create.isPending} onClose={onClose} resetOnCancel>
      <Form<CreateUserValues> form={form} layout="vertical" initialValues={{ role: 'staff' }} onFinish={(values) => void submit(values)}>
        <Form.Item
          label={t('settings.users.email')}
          name="email"
          rules={[
            { required: true, message: t('settings.users.emailRequired') },
            { type: 'email', message: t('settings.users.emailInvalid') },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label={t('settings.users.name')} name="name" rules={[{ required: true, whitespace: true, message: t('settings.users.nameRequired') }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <RoleFields role={role} allowOwner={allowOwner} />
      </Form>
    </FormModal>
  );
}
