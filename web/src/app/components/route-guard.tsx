import type { ReactNode } from 'react';
import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/auth-context';
import { can, type AccessFlag } from '../access';

/** Shows the page only to roles holding the flag; others get a plain explanation instead of a blank page. */
export function RouteGuard({ access, children }: { access: AccessFlag; children: ReactNode }) {
  const me = useMe();
  const { t } = useTranslation();
  if (can(me.user, access)) return <>{children}</>;
  return (
    <Result
      status="403"
      title={t('noAccess.title')}
      subTitle={t('noAccess.description', { role: t(`roles.${me.user.role}`) })}
      extra={
        <Link to="/dashboard">
          <Button type="primary">{t('common.backHome')}</Button>
        </Link>
      }
    />
  );
}
