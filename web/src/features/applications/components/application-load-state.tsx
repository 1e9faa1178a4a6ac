import { Button, Card, Result, Skeleton } from 'antd';
import { Link } from 'react-router';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { asApiError, describeError } from '../../../app/error-notifier';

/** Loading skeleton, or a plain explanation when the application cannot be loaded (another company's answers 404). */
export function ApplicationLoadState({ query }: { query: UseQueryResult<unknown> }) {
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
      subTitle={missing ? t('applications.notFound') : describeError(query.error)}
      extra={
        missing ? (
          <Link to="/applications">
            <Button type="primary">{t('common.back')}</Button>
          </Link>
        ) : (
          <Button onClick={() => void query.refetch()}>{t('common.retry')}</Button>
        )
      }
    />
  );
}
