import type { IsoDate, LocalizedText } from '../calendar/types.ts';
import { resolveSettings, type CatalogOverrides } from '../catalog/catalog-overrides.ts';
import { findObligationRule } from '../catalog/obligation-rules.ts';
import type { Source } from '../catalog/source.ts';
import { addDays } from '../dates/civil-date.ts';

/** Where a licence stands today. */
export type LicenceStatus = 'active' | 'expiring' | 'expired' | 'cancelled';

export const licenceStatuses: readonly LicenceStatus[] = ['active', 'expiring', 'expired', 'cancelled'];

export const licenceStatusTitles: Record<LicenceStatus, LocalizedText> = {
  active: { zh: '有效', en: 'Active' },
  expiring: { zh: '即将到期', en: 'Expiring' },
  expired: { zh: '已过期', en: 'Expired' },
  cancelled: { zh: '已注销', en: 'Cancelled' },
};

/**
 * How many calendar days before expiry a licence counts as expiring: the renewal rule's reminder window (180 by
 * default, the organisation's `obligations.renewal.reminder-days`), so the status turns when the renewal obligation's
 * window opens. The renewal itself is due 90 days before expiry (电信业务经营许可管理办法 Art. 27).
 */
export function renewalWindowDays(overrides?: CatalogOverrides): { days: number; source: Source } {
  const rule = findObligationRule('renewal');
  if (rule.due.type !== 'before-expiry') throw new Error('renewal rule must be before-expiry');
  const opens = rule.due.windowOpens;
  const days = opens.settingKey ? resolveSettings(overrides)[opens.settingKey] : opens.value;
  return { days, source: rule.source };
}

/**
 * A licence's status on `today`: cancelled once 注销 is recorded; expired after its expiry date; expiring from the day
 * the renewal window opens (`windowDays` before expiry) through the expiry date itself; otherwise active.
 */
export function licenceStatus(input: { expiresOn: IsoDate; cancelledOn: IsoDate | null; today: IsoDate; windowDays: number }): LicenceStatus {
  if (input.cancelledOn !== null && input.cancelledOn <= input.today) return 'cancelled';
  if (input.today > input.expiresOn) return 'expired';
  if (input.expiresOn <= addDays(input.today, input.windowDays)) return 'expiring';
  return 'active';
}

/**
 * The expiry dates each status covers on `today`, for a list filter: a range of `expires_on` (bounds inclusive where
 * given). Cancelled licences are left out of the other three.
 */
export function expiryRangeOf(status: Exclude<LicenceStatus, 'cancelled'>, input: { today: IsoDate; windowDays: number }): { from?: IsoDate; to?: IsoDate } {
  const windowEnd = addDays(input.today, input.windowDays);
  if (status === 'expired') return { to: addDays(input.today, -1) };
  if (status === 'expiring') return { from: input.today, to: windowEnd };
  return { from: addDays(windowEnd, 1) };
}
