import { useEffect } from 'react';
import { Form } from 'antd';
import { FormModal } from '../../../app/components/form-modal';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../app/auth/auth-context';
import { notifySuccess } from '../../../app/error-notifier';
import { RoleFields } from './role-fields';
import { useUpdateUser, type ManagedUser } from './use-users';

interface ChangeRoleValues {
  role: Role;
  clientId?: string | null;
}

interface ChangeRoleModalProps {
  user: ManagedUser | null;
  allowOwner: boolean;
  onClose: () => void;
}

export function ChangeRoleModal({ user, allowOwner, onClose }: ChangeRoleModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ChangeRoleValues>();
  const update = useUpdateUser();
  const role = Form.useWatch('role', form);

  useEffect(() => {
    if (user) form.setFieldsValue({ role: user.role, clientId: user.clientId ?? undefined });
  }, [user, form]);

  async function submit(values: ChangeRoleValues) {
    if (!user) return;
    await update.mutateAsync({
      id: user.id,
      body: { role: values.role, clientId: values.role === 'client' ? (values.clientId ?? null) : null, version: user.version },
    });
    notifySuccess(t('settings.users.roleChanged', { name: user.name || user.email }));
    onClose();
  }

  return (
    <FormModal open={user !== null} title={t('settings.users.changeRoleTitle', { name: user?.name || user?.email || '' })} okText={t('common.save')} form={form} pending={update.isPending} onClose={onClose}>
      <Form<ChangeRoleValues> form={form} layout="vertical" onFinish={(values) => void submit(values).catch(() => undefined)}>
        <RoleFields role={role} allowOwner={allowOwner} />
      </Form>
    </FormModal>
  );
}
