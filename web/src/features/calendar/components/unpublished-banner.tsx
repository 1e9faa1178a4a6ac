import type { ReactNode } from 'react';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocalized } from '../../../app/localized';
import { useCalendarYears } from '../use-calendar';

/** Says which years have no official holiday arrangement yet, and what that means for every count. */
export function UnpublishedBanner({ action }: { action?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const localized = useLocalized();
  const { data } = useCalendarYears();
  if (!data?.notice || data.unpublishedYears.length === 0) return null;
  const years = data.unpublishedYears.join(i18n.language === 'en-US' ? ', ' : '、');
  return (
    <Alert
      data-testid="unpublished-banner"
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      title={t('calendar.banner.title', { notice: localized(data.notice), years })}
      description={t('calendar.banner.description', { years })}
      action={action}
    />
  );
}
