import { Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocalized } from '../../../app/localized';
import { daysBetween, weekdayName } from '../calendar-dates';
import { maxDaysPerRequest, useCalendarDays, type CalendarDay } from '../use-calendar';
import { DayMark } from './day-mark';

export type CountUnit = 'working' | 'calendar';

export interface CountedRow {
  day: CalendarDay;
  /** 1-based position among the counted days; null when skipped or the start day. */
  count: number | null;
  isStart: boolean;
}

/** Walks from the start to the result the way the server counts: the start day itself is not counted. */
export function countDays(days: CalendarDay[], options: { unit: CountUnit; from: string }): CountedRow[] {
  let count = 0;
  return days.map((day) => {
    const isStart = day.date === options.from;
    const counts = !isStart && (options.unit === 'calendar' || day.isWorkingDay);
    if (counts) count += 1;
    return { day, count: counts ? count : null, isStart };
  });
}

/** Skipped days grouped by reason, e.g. { 国庆节: 7, 周末: 2 }. */
export function skippedSummary(rows: CountedRow[], label: (day: CalendarDay) => string): { label: string; days: number }[] {
  const groups = new Map<string, number>();
  for (const row of rows) {
    if (row.isStart || row.count !== null) continue;
    const key = label(row.day);
    groups.set(key, (groups.get(key) ?? 0) + 1);
  }
  return [...groups.entries()].map(([key, days]) => ({ label: key, days }));
}

/** The days from the start to the result (at most 400), counted; null while loading or when the span is too long. */
export function useCountedDays(range: { from: string; to: string; unit: CountUnit } | null): { rows: CountedRow[] | null; tooLong: boolean } {
  const span = range ? daysBetween(range.from, range.to) : 0;
  const tooLong = span + 1 > maxDaysPerRequest || span < 0;
  const { data } = useCalendarDays(range && !tooLong ? { from: range.from, to: range.to } : null);
  const items = range && data?.items[0]?.date === range.from && data.items[data.items.length - 1]?.date === range.to ? data.items : null;
  return { rows: items && range ? countDays(items, { unit: range.unit, from: range.from }) : null, tooLong };
}

/** Every day from the start to the result: which were counted, which skipped and why. */
export function CountedDaysTable({ rows, unit }: { rows: CountedRow[]; unit: CountUnit }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const reasonOf = useSkipReason();

  const columns: TableColumnsType<CountedRow> = [
    {
      key: 'date',
      title: t('calendar.calculator.date'),
      render: (_, row) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {row.day.date} {weekdayName(row.day.date)} <DayMark kind={row.day.kind} size={16} />
          {row.day.provisional && (
            <Tag color="gold" style={{ marginInlineStart: 6 }}>
              {t('calendar.provisional')}
            </Tag>
          )}
        </span>
      ),
    },
    {
      key: 'count',
      title: t('calendar.calculator.counted'),
      render: (_, row) => {
        if (row.isStart) return <Typography.Text type="secondary">{t('calendar.calculator.startNotCounted')}</Typography.Text>;
        if (row.count !== null) {
          const label = t(unit === 'working' ? 'calendar.calculator.nthWorkingDay' : 'calendar.calculator.nthDay', { n: String(row.count) });
          const note =
            row.day.kind === 'adjusted-workday'
              ? ` · ${t('calendar.kinds.adjusted-workday')} ${localized(row.day.holidayName)}`
              : row.day.kind === 'workday'
                ? ''
                : ` · ${reasonOf(row.day)}`;
          return <Tag color="green" style={{ whiteSpace: 'normal' }}>{label}{note}</Tag>;
        }
        return <Tag color="red" style={{ whiteSpace: 'normal' }}>{t('calendar.calculator.skipped', { reason: reasonOf(row.day) })}</Tag>;
      },
    },
  ];

  return (
    <Table<CountedRow>
      data-testid="counted-days"
      size="small"
      rowKey={(row) => row.day.date}
      columns={columns}
      dataSource={rows}
      pagination={rows.length > 40 ? { pageSize: 40, size: 'small' } : false}
    />
  );
}

/** Why a day was not counted: its holiday name, or 周末. */
export function useSkipReason(): (day: CalendarDay) => string {
  const { t } = useTranslation();
  const localized = useLocalized();
  return (day) => (day.kind === 'holiday' ? localized(day.holidayName) || t('calendar.kinds.holiday') : t(`calendar.kinds.${day.kind}`));
}
