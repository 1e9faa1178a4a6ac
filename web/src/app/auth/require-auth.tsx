import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Button, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from './auth-context';
import { describeError } from '../error-notifier';

/** Renders children for a signed-in user; otherwise sends them to /login and back here afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { me, meError, retryMe, signedOut } = useAuth();
  const location = useLocation();
  const { t } = useTranslation();

  if (me === undefined && meError) {
    return (
      <Result
        status="warning"
        title={t('errors.pageLoadFailed')}
        subTitle={describeError(meError)}
        extra={<Button onClick={retryMe}>{t('common.retry')}</Button>}
      />
    );
  }
  if (me === undefined) {
    return <Spin size="large" fullscreen description={t('common.loading')} />;
  }
  if (me === null) {
    if (signedOut) return <Navigate to="/login" replace />;
    const wanted = `${location.pathname}${location.search}`;
    const search = wanted && wanted !== '/' ? `?redirect=${encodeURIComponent(wanted)}` : '';
    return <Navigate to={`/login${search}`} replace />;
  }
  return <>{children}</>;
}

/** Only same-site paths, so a crafted link cannot send a user elsewhere after login. */
export function safeRedirect(target: string | null): string {
  if (!target || !target.startsWith('/') || target.startsWith('//') || target.startsWith('/login')) return '/dashboard';
  return target;
}
