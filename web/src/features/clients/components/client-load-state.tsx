import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { RecordLoadState } from '../../../app/components/record-load-state';

/** Loading skeleton, or a plain explanation when the client cannot be loaded. */
export function ClientLoadState({ query }: { query: UseQueryResult<unknown> }) {
  const { t } = useTranslation();
  return <RecordLoadState query={query} notFoundText={t('clients.notFound')} backTo="/clients" />;
}
