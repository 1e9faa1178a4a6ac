import { Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../app/auth/auth-context';

const roles: Role[] = ['owner', 'admin', 'staff', 'client'];

interface RoleSelectProps {
  value?: Role;
  onChange?: (role: Role) => void;
  /** Only owners may make someone an owner. */
  allowOwner: boolean;
  id?: string;
}

/** Role picker that says what each role may do. */
export function RoleSelect({ value, onChange, allowOwner, id }: RoleSelectProps) {
  const { t } = useTranslation();
  const options = roles
    .filter((role) => allowOwner || role !== 'owner')
    .map((role) => ({
      value: role,
      title: t(`roles.${role}`),
      label: t(`roles.${role}`),
      hint: t(`settings.users.roleHints.${role}`),
    }));
  return (
    <Select<Role>
      id={id}
      value={value}
      onChange={onChange}
      options={options}
      optionRender={(option) => (
        <div>
          <div>{option.data.label}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'normal' }}>
            {option.data.hint}
          </Typography.Text>
        </div>
      )}
    />
  );
}
