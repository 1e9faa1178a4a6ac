import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Button, Flex, Spin, theme } from 'antd';
import { WarningFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useAuth } from './auth-context';
import { describeError } from '../error-notifier';

/** Renders children for a signed-in user; otherwise sends them to /login and back here afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { me, meError, retryMe, signedOut } = useAuth();
  const location = useLocation();
  const { t } = useTranslation();

  if (me === undefined && meError) return <LoadFailed error={meError} onRetry={retryMe} />;
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

/**
 * Looks like antd's <Result status="warning">, drawn from its tokens: Result would bring its large status
 * illustrations (unused here) into the code of the sign-in page, which loads this file.
 */
function LoadFailed({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const heading = token.fontSizeHeading3;
  return (
    <Flex vertical align="center" style={{ padding: `${token.paddingLG * 2}px ${token.paddingXL}px`, textAlign: 'center' }}>
      <WarningFilled style={{ fontSize: typeof heading === 'number' ? heading * 3 : `calc(${heading} * 3)`, color: token.colorWarning, marginBottom: token.paddingLG }} />
      <div style={{ color: token.colorTextHeading, fontSize: token.fontSizeHeading3, lineHeight: token.lineHeightHeading3, marginBlock: token.marginXS }}>
        {t('errors.pageLoadFailed')}
      </div>
      <div style={{ color: token.colorTextDescription }}>{describeError(error)}</div>
      <Button style={{ marginTop: token.paddingLG }} onClick={onRetry}>
        {t('common.retry')}
      </Button>
    </Flex>
  );
}

/** Only same-site paths, so a crafted link cannot send a user elsewhere after login. */
export function safeRedirect(target: string | null): string {
  if (!target || !target.startsWith('/') || target.startsWith('//') || target.startsWith('/login')) return '/dashboard';
  return target;
}
