import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCalendarYears } from '../../calendar/use-calendar';

/** Asks before a load replaces a year that already has an arrangement; resolves true to go ahead. */
export function useConfirmReplace(): (year: number) => Promise<boolean> {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const { data } = useCalendarYears();
  return (year) =>
    new Promise<boolean>((resolve) => {
      const existing = data?.years.find((y) => y.year === year);
      if (!existing) {
        resolve(true);
        return;
      }
      modal.confirm({
        title: t('settings.calendar.replaceTitle', { year: String(year) }),
        content: t(existing.origin === 'builtin' ? 'settings.calendar.replaceBuiltin' : 'settings.calendar.replaceLoaded', { year: String(year), source: existing.source }),
        okText: t('settings.calendar.replace'),
        cancelText: t('common.cancel'),
        onOk: () => resolve(true),
        onCancel: () => resolve(false),
      });
    });
}
