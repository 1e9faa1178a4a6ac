import { Button, Card, Result, Skeleton } from 'antd';
import { Link } from 'react-router';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { asApiError, describeError } from '../error-notifier';

/**
 * What a record's page shows until the record is there: a loading skeleton, or a plain explanation. A record that is
 * not there, not ours to see, or named by a malformed id reads as not found, with the way back to its list; anything
 * else offers a retry.
 */
export function RecordLoadState({ query, notFoundText, backTo }: { query: UseQueryResult<unknown>; notFoundText: string; backTo: string }) {
  const { t } = useTranslation();
  if (query.isPending && !query.isError) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  }
  const status = asApiError(query.error).status;
  const missing = status === 404 || status === 403 || status === 400;
  return (
    <Result
      status={missing ? '404' : 'warning'}
      title={missing ? t('notFound.title') : t('errors.pageLoadFailed')}
      subTitle={missing ? notFoundText : describeError(query.error)}
      extra={
        missing ? (
          <Link to={backTo}>
            <Button type="primary">{t('common.back')}</Button>
          </Link>
        ) : (
          <Button onClick={() => void query.refetch()}>{t('common.retry')}</Button>
        )
      }
    />
  );
}
