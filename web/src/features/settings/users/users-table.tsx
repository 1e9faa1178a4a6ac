import { Button, Popconfirm, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../app/auth/auth-context';
import { formatInstant } from '../../../app/format';
import { ClientName } from '../../clients/components/client-select';
import type { ManagedUser } from './use-users';

const roleColors: Record<ManagedUser['role'], string> = { owner: 'gold', admin: 'blue', staff: 'default', client: 'purple' };

interface UsersTableProps {
  users: ManagedUser[] | undefined;
  loading: boolean;
  /** Whether the signed-in user may change this one. */
  mayManage: (user: ManagedUser) => boolean;
  onChangeRole: (user: ManagedUser) => void;
  onResetPassword: (user: ManagedUser) => Promise<void>;
  onToggleActive: (user: ManagedUser) => Promise<void>;
}

/** Failed mutations are already reported by the one error notifier. */
const shownByNotifier = () => undefined;

export function UsersTable({ users, loading, mayManage, onChangeRole, onResetPassword, onToggleActive }: UsersTableProps) {
  const me = useMe();
  const { t } = useTranslation();
  const display = (user: ManagedUser) => user.name || user.email;

  const actions = (user: ManagedUser) => (
    <Space size={0} wrap>
      <Button type="link" size="small" onClick={() => onChangeRole(user)}>
        {t('settings.users.changeRole')}
      </Button>
      <Popconfirm
        title={t('settings.users.resetPassword')}
        description={t('settings.users.resetConfirm', { name: display(user) })}
        onConfirm={() => onResetPassword(user).catch(shownByNotifier)}
      >
        <Button type="link" size="small">
          {t('settings.users.resetPassword')}
        </Button>
      </Popconfirm>
      <Popconfirm
        title={t(user.isActive ? 'settings.users.deactivate' : 'settings.users.reactivate')}
        description={t(user.isActive ? 'settings.users.deactivateConfirm' : 'settings.users.reactivateConfirm', { name: display(user) })}
        onConfirm={() => onToggleActive(user).catch(shownByNotifier)}
      >
        <Button type="link" size="small" danger={user.isActive}>
          {t(user.isActive ? 'settings.users.deactivate' : 'settings.users.reactivate')}
        </Button>
      </Popconfirm>
    </Space>
  );

  const columns: TableColumnsType<ManagedUser> = [
    {
      key: 'name',
      title: t('settings.users.name'),
      render: (_, user) => (
        <>
          <div>
            {user.name}
            {user.id === me.user.id && <Typography.Text type="secondary">{t('settings.users.you')}</Typography.Text>}
          </div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {user.email}
          </Typography.Text>
        </>
      ),
    },
    {
      key: 'role',
      title: t('settings.users.role'),
      width: 240,
      render: (_, user) => (
        <>
          <Tag color={roleColors[user.role]}>{t(`roles.${user.role}`)}</Tag>
          {user.role === 'client' && user.clientId && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              <ClientName id={user.clientId} />
            </Typography.Text>
          )}
        </>
      ),
    },
    {
      key: 'status',
      title: t('settings.users.status'),
      width: 90,
      render: (_, user) => (user.isActive ? <Tag color="green">{t('settings.users.active')}</Tag> : <Tag color="red">{t('settings.users.inactive')}</Tag>),
    },
    {
      key: 'lastLoginAt',
      title: t('settings.users.lastLoginAt'),
      width: 150,
      render: (_, user) => (user.lastLoginAt ? formatInstant(user.lastLoginAt) : <Typography.Text type="secondary">{t('settings.users.neverLoggedIn')}</Typography.Text>),
    },
    { key: 'actions', title: t('common.actions'), width: 260, render: (_, user) => mayManage(user) && actions(user) },
  ];

  return <Table<ManagedUser> rowKey="id" columns={columns} dataSource={users} loading={loading} pagination={false} scroll={{ x: 800 }} />;
}
