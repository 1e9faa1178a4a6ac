import { Skeleton, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useLocalized } from '../../../app/localized';
import type { CalendarDay } from '../use-calendar';
import { datesOfMonth, mondayOffset } from '../calendar-dates';
import { dayCellStyle } from './day-style';
import { DayMark } from './day-mark';
import { useDescribeDay } from './use-describe-day';

interface MonthViewProps {
  /** YYYY-MM */
  month: string;
  days: Map<string, CalendarDay> | undefined;
  today: string;
}

const mondayFirst = [1, 2, 3, 4, 5, 6, 0];

function WeekdayHeader() {
  return (
    <>
      {mondayFirst.map((d) => (
        <div key={d} style={{ textAlign: 'center', fontWeight: 600, padding: '4px 0', color: d === 0 || d === 6 ? 'rgba(0,0,0,0.45)' : undefined }}>
          {dayjs().day(d).format('ddd')}
        </div>
      ))}
    </>
  );
}

function DayCell({ day, isToday }: { day: CalendarDay; isToday: boolean }) {
  const localized = useLocalized();
  const describe = useDescribeDay();
  const name = localized(day.holidayName);
  return (
    <Tooltip title={describe(day)} mouseEnterDelay={0.3}>
      <div
        data-date={day.date}
        data-kind={day.kind}
        style={{
          ...dayCellStyle(day.kind, day.provisional),
          minHeight: 76,
          borderRadius: 6,
          padding: '6px 8px',
          outline: isToday ? '2px solid #1677ff' : undefined,
          outlineOffset: -2,
          display: 'flex',
          flexDirection: 'column',
          gap: 4,
        }}
      >
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
          <span style={{ fontSize: 16, fontWeight: 600 }}>{Number(day.date.slice(8))}</span>
          <DayMark kind={day.kind} />
        </div>
        {name && (
          <Typography.Text ellipsis style={{ fontSize: 12, color: 'inherit' }}>
            {name}
          </Typography.Text>
        )}
      </div>
    </Tooltip>
  );
}

/** A month as a Monday-first grid; holidays show 休 and their name, adjusted working days 班. */
export function MonthView({ month, days, today }: MonthViewProps) {
  const dates = datesOfMonth(month);
  if (!days) return <Skeleton active paragraph={{ rows: 8 }} />;
  return (
    <div data-testid="month-view" style={{ display: 'grid', gridTemplateColumns: 'repeat(7, minmax(0, 1fr))', gap: 4 }}>
      <WeekdayHeader />
      {Array.from({ length: mondayOffset(dates[0]) }, (_, i) => (
        <div key={`blank-${i}`} />
      ))}
      {dates.map((date) => {
        const day = days.get(date);
        return day ? <DayCell key={date} day={day} isToday={date === today} /> : <div key={date} />;
      })}
    </div>
  );
}
