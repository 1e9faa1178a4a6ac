import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { RecordLoadState } from '../../../app/components/record-load-state';

/** Loading skeleton, or a plain explanation when the application cannot be loaded (another company's answers 404). */
export function ApplicationLoadState({ query }: { query: UseQueryResult<unknown> }) {
  const { t } = useTranslation();
  return <RecordLoadState query={query} notFoundText={t('applications.notFound')} backTo="/applications" />;
}
