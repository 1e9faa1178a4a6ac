import { useState } from 'react';
import { Card, Flex, Segmented, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { todayInChina } from '../../../app/format';
import { UnpublishedBanner } from '../../calendar/components/unpublished-banner';
import { useCalendarYears } from '../../calendar/use-calendar';
import { CalendarYearsTable } from './calendar-years-table';
import { HolidayCnUpload } from './holiday-cn-upload';
import { TypedArrangementForm } from './typed-arrangement-form';

type Mode = 'typed' | 'file';

/** 工作日历: load a new year's official holiday arrangement (typed or a holiday-cn file); it applies at once. */
export function CalendarTab() {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>('typed');
  const { data } = useCalendarYears();
  const defaultYear = data?.unpublishedYears[0] ?? Number(todayInChina().slice(0, 4)) + 1;
  const known = data?.years.map((y) => y.year) ?? [];

  return (
    <Flex vertical gap={16}>
      <UnpublishedBanner />
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {known.length > 0 ? t('settings.calendar.intro', { first: String(Math.min(...known)), last: String(Math.max(...known)) }) : t('settings.calendar.introEmpty')}{' '}
        <Link to="/catalog/calendar">{t('settings.calendar.viewCalendar')}</Link>
      </Typography.Paragraph>
      <Card
        title={t('settings.calendar.loadTitle')}
        extra={
          <Segmented<Mode>
            value={mode}
            onChange={setMode}
            options={[
              { value: 'typed', label: t('settings.calendar.modeTyped') },
              { value: 'file', label: t('settings.calendar.modeFile') },
            ]}
          />
        }
      >
        {mode === 'typed' ? <TypedArrangementForm key={defaultYear} defaultYear={defaultYear} /> : <HolidayCnUpload />}
      </Card>
      <Card title={t('settings.calendar.yearsTitle')}>
        <CalendarYearsTable />
      </Card>
    </Flex>
  );
}
