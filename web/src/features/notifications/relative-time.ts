import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime';

dayjs.extend(relativeTime);

/** "3 小时前" / "3 hours ago", in the UI language (dayjs follows it). */
export function fromNow(iso: string, now: number): string {
  return dayjs(iso).from(dayjs(now));
}
