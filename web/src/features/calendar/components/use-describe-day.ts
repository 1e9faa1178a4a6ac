import { useTranslation } from 'react-i18next';
import { useLocalized } from '../../../app/localized';
import type { CalendarDay } from '../use-calendar';
import { weekdayName } from '../calendar-dates';

/** One line about a day for tooltips: "2026-10-01 周四 · 法定节假日（休）· 国庆节". */
export function useDescribeDay(): (day: CalendarDay) => string {
  const { t } = useTranslation();
  const localized = useLocalized();
  return (day) =>
    [
      `${day.date} ${weekdayName(day.date)}`,
      t(`calendar.kinds.${day.kind}`),
      localized(day.holidayName),
      day.provisional ? t('calendar.provisional') : '',
    ]
      .filter(Boolean)
      .join(' · ');
}
