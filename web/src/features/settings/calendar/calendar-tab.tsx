import { useState } from 'react';
import { Alert, Card, Flex, Segmented, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { can } from '../../../app/access';
import { useMe } from '../../../app/auth/auth-context';
import { todayInChina } from '../../../app/format';
import { UnpublishedBanner } from '../../calendar/components/unpublished-banner';
import { useCalendarYears } from '../../calendar/use-calendar';
import { CalendarYearsTable } from './calendar-years-table';
import { HolidayCnUpload } from './holiday-cn-upload';
import { TypedArrangementForm } from './typed-arrangement-form';

type Mode = 'typed' | 'file';

/**
 * 工作日历: the official holiday arrangements, who loaded each and from which notice. Operators load a new year here
 * (typed or a holiday-cn file) and it applies at once to every organisation; organisation admins see it read-only.
 */
export function CalendarTab() {
  const me = useMe();
  const { t } = useTranslation();
  const mayLoad = can(me.user, 'loadCalendar');
  const [mode, setMode] = useState<Mode>('typed');
  const { data } = useCalendarYears();
  const defaultYear = data?.unpublishedYears[0] ?? Number(todayInChina().slice(0, 4)) + 1;
  const known = data?.years.map((y) => y.year) ?? [];

  const loadCard = (
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
  );

  return (
    <Flex vertical gap={16}>
      <UnpublishedBanner />
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {known.length > 0 ? t(mayLoad ? 'settings.calendar.intro' : 'settings.calendar.introReadOnly', { first: String(Math.min(...known)), last: String(Math.max(...known)) }) : t('settings.calendar.introEmpty')}{' '}
        <Link to="/catalog/calendar">{t('settings.calendar.viewCalendar')}</Link>
      </Typography.Paragraph>
      {mayLoad ? loadCard : <Alert type="info" showIcon title={t('settings.calendar.operatorOnlyTitle')} description={t('settings.calendar.operatorOnly')} data-testid="calendar-operator-only" />}
      <Card title={t('settings.calendar.yearsTitle')}>
        <CalendarYearsTable mayRemove={mayLoad} />
      </Card>
    </Flex>
  );
}
