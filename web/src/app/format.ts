import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Instants are shown in China time, whatever the browser's zone, so everyone sees the same clock. */
const chinaTime = 'Asia/Shanghai';

export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return '';
  const value = dayjs(iso);
  return value.isValid() ? value.tz(chinaTime).format('YYYY-MM-DD HH:mm') : iso;
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const value = dayjs(iso);
  return value.isValid() ? value.tz(chinaTime).format('YYYY-MM-DD') : iso;
}

/** Thousands separators for an integer amount, e.g. 1000000 → 1,000,000. */
export function groupThousands(value: number | string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  const [whole, fraction] = String(value).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** Money in integer yuan, e.g. ¥1,000,000. */
export function formatYuan(value: number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return `¥${groupThousands(value)}`;
}

export function formatPercent(value: number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return `${value}%`;
}

/** Today's date in China (YYYY-MM-DD), the day deadlines are counted from. */
export function todayInChina(): string {
  return dayjs().tz(chinaTime).format('YYYY-MM-DD');
}
