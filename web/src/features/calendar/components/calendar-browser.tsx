import { useMemo } from 'react';
import { Alert, Button, DatePicker, Flex, Segmented, Space, Typography } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { todayInChina } from '../../../app/format';
import { useLocalized } from '../../../app/localized';
import { useCalendarDays, useCalendarYears, type CalendarDay } from '../use-calendar';
import { CalendarLegend } from './calendar-legend';
import { MonthView } from './month-view';
import { YearView } from './year-view';

type View = 'month' | 'year';

/** The month or year shown lives in the URL (?view=year&month=2026-10), so a link opens the same page. */
function useCalendarPosition(today: string): [{ view: View; month: string }, (change: Partial<{ view: View; month: string }>) => void] {
  const [params, setParams] = useSearchParams();
  const monthParam = params.get('month') ?? '';
  const month = /^\d{4}-(0[1-9]|1[0-2])$/.test(monthParam) ? monthParam : today.slice(0, 7);
  const view: View = params.get('view') === 'year' ? 'year' : 'month';
  const update = (change: Partial<{ view: View; month: string }>) => {
    const next = { view, month, ...change };
    const search = new URLSearchParams(params);
    search.set('month', next.month);
    if (next.view === 'year') search.set('view', 'year');
    else search.delete('view');
    setParams(search, { replace: true });
  };
  return [{ view, month }, update];
}

function YearSource({ year, provisionalReason }: { year: number; provisionalReason: CalendarDay['provisionalReason'] | undefined }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const { data } = useCalendarYears();
  const arrangement = data?.years.find((y) => y.year === year);
  if (arrangement) {
    return (
      <Typography.Text type="secondary" style={{ fontSize: 13 }} data-testid="year-source">
        {t('calendar.basedOn', { year: String(year) })}
        {arrangement.papers[0] ? (
          <Typography.Link href={arrangement.papers[0]} target="_blank" rel="noreferrer">
            {arrangement.source}
          </Typography.Link>
        ) : (
          arrangement.source
        )}
        {arrangement.origin === 'loaded' && ` (${t('calendar.origin.loaded')})`}
      </Typography.Text>
    );
  }
  if (!data) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="year-source"
      title={t('calendar.yearProvisional', { year: String(year), reason: provisionalReason ? localized(provisionalReason) : '' })}
    />
  );
}

/** Month and year views of the official working-day calendar. */
export function CalendarBrowser() {
  const { t } = useTranslation();
  const today = todayInChina();
  const [{ view, month }, setPosition] = useCalendarPosition(today);
  const year = Number(month.slice(0, 4));
  const { data, isFetching } = useCalendarDays({ from: `${year}-01-01`, to: `${year}-12-31` });
  const days = useMemo(() => {
    if (!data || !data.items[0]?.date.startsWith(String(year))) return undefined;
    return new Map(data.items.map((day) => [day.date, day]));
  }, [data, year]);

  const step = (delta: number) => setPosition({ month: dayjs(`${month}-01`).add(delta, view === 'year' ? 'year' : 'month').format('YYYY-MM') });
  const picked = dayjs(`${month}-01`);

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" gap={12} wrap>
        <Space wrap>
          <Button icon={<LeftOutlined />} aria-label={t(view === 'year' ? 'calendar.previousYear' : 'calendar.previousMonth')} onClick={() => step(-1)} />
          <DatePicker
            picker={view}
            allowClear={false}
            value={picked}
            format={view === 'year' ? 'YYYY' : t('calendar.monthFormat')}
            onChange={(value) => value && setPosition({ month: value.format('YYYY-MM') })}
            style={{ width: 140 }}
            aria-label={t(view === 'year' ? 'calendar.pickYear' : 'calendar.pickMonth')}
          />
          <Button icon={<RightOutlined />} aria-label={t(view === 'year' ? 'calendar.nextYear' : 'calendar.nextMonth')} onClick={() => step(1)} />
          <Button onClick={() => setPosition({ month: today.slice(0, 7) })}>{t('calendar.today')}</Button>
        </Space>
        <Segmented<View>
          value={view}
          onChange={(value) => setPosition({ view: value })}
          options={[
            { value: 'month', label: t('calendar.monthView') },
            { value: 'year', label: t('calendar.yearView') },
          ]}
        />
      </Flex>
      <CalendarLegend />
      {days && data?.provisional && <YearSource year={year} provisionalReason={data.provisionalReason} />}
      <div style={{ opacity: isFetching && !days ? 0.5 : 1 }}>
        {view === 'month' ? (
          <MonthView month={month} days={days} today={today} />
        ) : (
          <YearView year={year} days={days} today={today} onOpenMonth={(m) => setPosition({ view: 'month', month: m })} />
        )}
      </div>
      {days && !data?.provisional && <YearSource year={year} provisionalReason={null} />}
    </Flex>
  );
}
