import { useEffect } from 'react';
import { Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../app/auth/auth-context';
import { notifySuccess } from '../../../app/error-notifier';
import { ClientSelect } from '../../clients/components/client-select';
import { RoleSelect } from './role-select';
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
      body: { role: values.role, clientId: values.role === 'client' ? (values.clientId ?? null) : null },
    });
    notifySuccess(t('settings.users.roleChanged', { name: user.name || user.email }));
    onClose();
  }

  return (
    <Modal
      open={user !== null}
      title={t('settings.users.changeRoleTitle', { name: user?.name || user?.email || '' })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={update.isPending}
      forceRender
    >
      <Form<ChangeRoleValues> form={form} layout="vertical" onFinish={(values) => void submit(values).catch(() => undefined)}>
        <Form.Item label={t('settings.users.role')} name="role" rules={[{ required: true, message: t('settings.users.roleRequired') }]}>
          <RoleSelect allowOwner={allowOwner} />
        </Form.Item>
        {role === 'client' && (
          <Form.Item label={t('settings.users.client')} name="clientId" rules={[{ required: true, message: t('settings.users.clientRequired') }]}>
            <ClientSelect placeholder={t('settings.users.clientPlaceholder')} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
