import type { DayInfo, IsoDate, Provisionality, WorkingCalendar } from '../../calendar/types.ts';
import { addDays, toDayNumber } from '../../dates/civil-date.ts';

/**
 * Test double of the official calendar: weekends off, no holidays. Years outside `knownYears` are reported as
 * provisional, like the real calendar does for years with no published arrangement.
 */
export function createWeekendCalendar(options: { knownYears: number[] }): WorkingCalendar {
  const known = new Set(options.knownYears);
  const provisionality = (dates: IsoDate[]): Provisionality => {
    const years = [...new Set(dates.map((d) => Number(d.slice(0, 4))).filter((y) => !known.has(y)))].sort((a, b) => a - b);
    return years.length === 0
      ? { provisional: false, provisionalYears: [], provisionalReason: null }
      : { provisional: true, provisionalYears: years, provisionalReason: { zh: `${years.join('、')}年节假日安排尚未发布`, en: `The ${years.join(', ')} holiday arrangement has not been published` } };
  };
  // 1970-01-01 was a Thursday, so day number + 4 mod 7 gives 0 = Sunday.
  const isWeekend = (date: IsoDate): boolean => [0, 6].includes((((toDayNumber(date) + 4) % 7) + 7) % 7);
  const isWorkingDay = (date: IsoDate): boolean => !isWeekend(date);
  const walk = (date: IsoDate, n: number): IsoDate[] => {
    const touched = [date];
    let current = date;
    if (n === 0) {
      while (!isWorkingDay(current)) { current = addDays(current, 1); touched.push(current); }
      return touched;
    }
    const step = n > 0 ? 1 : -1;
    for (let left = Math.abs(n); left > 0;) {
      current = addDays(current, step);
      touched.push(current);
      if (isWorkingDay(current)) left -= 1;
    }
    return touched;
  };
  return {
    dayInfo: (date): DayInfo => ({ date, isWorkingDay: isWorkingDay(date), kind: isWeekend(date) ? 'weekend' : 'workday', holidayName: null, ...provisionality([date]) }),
    isWorkingDay,
    addWorkingDays: (date, n) => {
      const touched = walk(date, n);
      return { date: touched[touched.length - 1], ...provisionality(touched) };
    },
    workingDaysBetween: (from, to) => {
      const sign = to < from ? -1 : 1;
      const [a, b] = sign > 0 ? [from, to] : [to, from];
      let days = 0;
      const touched: IsoDate[] = [];
      for (let d = addDays(a, 1); d <= b; d = addDays(d, 1)) { touched.push(d); if (isWorkingDay(d)) days += 1; }
      return { days: sign * days, ...provisionality(touched.length ? touched : [from]) };
    },
    addCalendarDays: (date, n) => addDays(date, n),
    knownYears: () => [...known].sort((a, b) => a - b),
  };
}

