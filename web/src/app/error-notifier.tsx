import { App, Button } from 'antd';
import { ApiError } from './api-error';
import { i18n } from './i18n';

type AppApi = ReturnType<typeof App.useApp>;

// Static antd functions cannot read the ConfigProvider (locale, theme); this bridge hands over the context-aware ones.
let appApi: AppApi | null = null;

/** Mount once inside antd's <App> so notifications follow the current locale and theme. */
export function NotifierBridge(): null {
  appApi = App.useApp();
  return null;
}

type TitleKey = 'validation' | 'unauthenticated' | 'forbidden' | 'notFound' | 'conflict' | 'stale' | 'tooMany' | 'server' | 'network' | 'generic';

// Set once by the query client: refetches what is on screen, so a stale form or list shows the latest version.
let reloadStaleData: (() => Promise<unknown>) | null = null;

export function setStaleDataReloader(reload: () => Promise<unknown>): void {
  reloadStaleData = reload;
}

/** Someone else saved first (optimistic concurrency): say so, and offer to load their version. */
function notifyStale(apiError: ApiError): void {
  const key = `stale:${apiError.code}`;
  appApi?.notification.warning({
    key,
    title: errorTitle(apiError),
    description: i18n.t('errors.staleHint'),
    duration: 0,
    actions: (
      <Button
        type="primary"
        size="small"
        onClick={() => {
          appApi?.notification.destroy(key);
          void reloadStaleData?.();
        }}
      >
        {i18n.t('errors.reload')}
      </Button>
    ),
  });
}

function titleKeyFor(error: ApiError): TitleKey {
  if (error.code === 'VERSION_CONFLICT') return 'stale';
  if (error.status === 0) return 'network';
  if (error.status === 400 || error.status === 422) return 'validation';
  if (error.status === 401) return 'unauthenticated';
  if (error.status === 403) return 'forbidden';
  if (error.status === 404) return 'notFound';
  if (error.status === 409) return 'conflict';
  if (error.status === 429) return 'tooMany';
  if (error.status >= 500) return 'server';
  return 'generic';
}

export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError({ status: -1, code: 'CLIENT_ERROR', message: error instanceof Error ? error.message : String(error) });
}

/** The message to show a user: the server's (already localized), or a local fallback. */
export function describeError(error: unknown): string {
  const apiError = asApiError(error);
  if (apiError.status === 0) return i18n.t('errors.network');
  if (apiError.message) return apiError.message;
  return i18n.t('errors.unexpected', { status: String(apiError.status) });
}

export function errorTitle(error: unknown): string {
  return i18n.t(`errors.titles.${titleKeyFor(asApiError(error))}`);
}

/** The one place API errors become antd notifications. */
export function notifyError(error: unknown): void {
  const apiError = asApiError(error);
  if (apiError.code === 'VERSION_CONFLICT') return notifyStale(apiError);
  const issues = apiError.fieldIssues;
  const lines = issues.length > 1 ? issues.map((issue) => i18n.t('errors.fieldPrefix', { field: issue.field, message: issue.message })) : [describeError(apiError)];
  appApi?.notification.error({
    key: `${apiError.code}:${lines.join('|')}`,
    title: errorTitle(apiError),
    description: (
      <>
        {lines.map((line) => (
          <div key={line}>{line}</div>
        ))}
        {apiError.status > 0 && <div style={{ opacity: 0.55, fontSize: 12, marginTop: 4 }}>{i18n.t('errors.code', { code: apiError.code })}</div>}
      </>
    ),
  });
}

export function notifySuccess(text: string): void {
  appApi?.message.success(text);
}
