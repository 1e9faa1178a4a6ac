import { Skeleton, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import type { CalendarDay } from '../use-calendar';
import { datesOfMonth, mondayOffset } from '../calendar-dates';
import { dayCellStyle } from './day-style';
import { useDescribeDay } from './use-describe-day';

interface YearViewProps {
  year: number;
  days: Map<string, CalendarDay> | undefined;
  today: string;
  /** Opens the month view on a month (YYYY-MM). */
  onOpenMonth: (month: string) => void;
}

function MiniMonth({ month, days, today, onOpen }: { month: string; days: Map<string, CalendarDay>; today: string; onOpen: () => void }) {
  const describe = useDescribeDay();
  const dates = datesOfMonth(month);
  return (
    <div>
      <Typography.Link strong onClick={onOpen} style={{ display: 'block', marginBottom: 4 }}>
        {dayjs(`${month}-01`).format('MMMM')}
      </Typography.Link>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 2 }}>
        {Array.from({ length: mondayOffset(dates[0]) }, (_, i) => (
          <div key={`blank-${i}`} />
        ))}
        {dates.map((date) => {
          const day = days.get(date);
          if (!day) return <div key={date} />;
          return (
            <Tooltip key={date} title={describe(day)} mouseEnterDelay={0.2}>
              <div
                data-date={date}
                data-kind={day.kind}
                style={{
                  ...dayCellStyle(day.kind, day.provisional),
                  fontSize: 11,
                  lineHeight: '20px',
                  height: 22,
                  textAlign: 'center',
                  borderRadius: 3,
                  fontWeight: day.kind === 'holiday' || day.kind === 'adjusted-workday' ? 700 : 400,
                  outline: date === today ? '2px solid #1677ff' : undefined,
                  outlineOffset: -2,
                }}
              >
                {Number(date.slice(8))}
              </div>
            </Tooltip>
          );
        })}
      </div>
    </div>
  );
}

/** Twelve small months, coloured by kind of day; a month's name opens it. */
export function YearView({ year, days, today, onOpenMonth }: YearViewProps) {
  if (!days) return <Skeleton active paragraph={{ rows: 10 }} />;
  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
  return (
    <div data-testid="year-view" style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))', gap: 16 }}>
      {months.map((month) => (
        <MiniMonth key={month} month={month} days={days} today={today} onOpen={() => onOpenMonth(month)} />
      ))}
    </div>
  );
}
