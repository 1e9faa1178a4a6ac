import { Form } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../app/auth/auth-context';
import { ClientSelect } from '../../clients/components/client-select';
import { RoleSelect } from './role-select';

/** The role picker, plus the client company a client-role user is linked to. */
export function RoleFields({ role, allowOwner }: { role: Role | undefined; allowOwner: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item label={t('settings.users.role')} name="role" rules={[{ required: true, message: t('settings.users.roleRequired') }]}>
        <RoleSelect allowOwner={allowOwner} />
      </Form.Item>
      {role === 'client' && (
        <Form.Item label={t('settings.users.client')} name="clientId" rules={[{ required: true, message: t('settings.users.clientRequired') }]}>
          <ClientSelect placeholder={t('settings.users.clientPlaceholder')} />
        </Form.Item>
      )}
    </>
  );
}
