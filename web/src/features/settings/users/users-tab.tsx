import { useState } from 'react';
import { Button, Flex, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { can } from '../../../app/access';
import { useMe } from '../../../app/auth/auth-context';
import { notifySuccess } from '../../../app/error-notifier';
import { SecretOnceModal } from '../components/secret-once-modal';
import { ChangeRoleModal } from './change-role-modal';
import { CreateUserModal } from './create-user-modal';
import { UsersTable } from './users-table';
import { useResetPassword, useUpdateUser, useUsers, type ManagedUser } from './use-users';

interface OneTimeSecret {
  title: string;
  text: string;
  secret: string;
}

/** 用户: people of this organisation, their roles, and their one-time passwords. */
export function UsersTab() {
  const me = useMe();
  const { t } = useTranslation();
  const { data, isFetching } = useUsers();
  const update = useUpdateUser();
  const reset = useResetPassword();
  const [creating, setCreating] = useState(false);
  const [editingRole, setEditingRole] = useState<ManagedUser | null>(null);
  const [shown, setShown] = useState<OneTimeSecret | null>(null);
  const isOwner = can(me.user.role, 'createOwners');
  const display = (user: ManagedUser) => user.name || user.email;

  // Admins may not change owners; nobody deactivates or demotes themselves here.
  const mayManage = (user: ManagedUser) => user.id !== me.user.id && (isOwner || user.role !== 'owner');

  async function toggleActive(user: ManagedUser) {
    await update.mutateAsync({ id: user.id, body: { isActive: !user.isActive, version: user.version } });
    notifySuccess(t(user.isActive ? 'settings.users.deactivated' : 'settings.users.reactivated', { name: display(user) }));
  }

  async function resetPassword(user: ManagedUser) {
    const { password } = await reset.mutateAsync(user.id);
    setShown({ title: t('settings.users.newPasswordTitle'), text: t('settings.users.newPasswordText', { name: display(user) }), secret: password });
  }

  function created(user: ManagedUser, initialPassword: string | undefined) {
    setCreating(false);
    notifySuccess(t('settings.users.created', { email: user.email }));
    if (initialPassword) {
      setShown({ title: t('settings.users.initialPasswordTitle'), text: t('settings.users.initialPasswordText', { email: user.email }), secret: initialPassword });
    }
  }

  return (
    <>
      <Flex justify="space-between" align="center" gap={16} wrap style={{ marginBottom: 16 }}>
        <Typography.Text type="secondary">{t('settings.users.intro')}</Typography.Text>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('settings.users.newUser')}
        </Button>
      </Flex>
      <UsersTable
        users={data?.items}
        loading={isFetching}
        mayManage={mayManage}
        onChangeRole={setEditingRole}
        onResetPassword={resetPassword}
        onToggleActive={toggleActive}
      />
      <CreateUserModal open={creating} allowOwner={isOwner} onClose={() => setCreating(false)} onCreated={created} />
      <ChangeRoleModal user={editingRole} allowOwner={isOwner} onClose={() => setEditingRole(null)} />
      <SecretOnceModal title={shown?.title ?? ''} text={shown?.text ?? ''} secret={shown?.secret ?? null} onClose={() => setShown(null)} />
    </>
  );
}
