/** Formats integer yuan with thousands separators, e.g. 10000000 → `¥10,000,000` (no locale data needed). */
export function formatYuan(amount: number): string {
  const sign = amount < 0 ? '-' : '';
  const digits = String(Math.abs(Math.trunc(amount)));
  return `${sign}¥${digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;
}
