import { Button, Result, Skeleton, Card } from 'antd';
import { Link } from 'react-router';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { asApiError, describeError } from '../../../app/error-notifier';

/** Loading skeleton, or a plain explanation when the client cannot be loaded. */
export function ClientLoadState({ query }: { query: UseQueryResult<unknown> }) {
  const { t } = useTranslation();
  if (query.isPending && !query.isError) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  }
  const status = asApiError(query.error).status;
  const missing = status === 404 || status === 403;
  return (
    <Result
      status={missing ? '404' : 'warning'}
      title={missing ? t('notFound.title') : t('errors.pageLoadFailed')}
      subTitle={missing ? t('clients.notFound') : describeError(query.error)}
      extra={
        missing ? (
          <Link to="/clients">
            <Button type="primary">{t('common.back')}</Button>
          </Link>
        ) : (
          <Button onClick={() => void query.refetch()}>{t('common.retry')}</Button>
        )
      }
    />
  );
}
