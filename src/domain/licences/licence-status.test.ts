import { describe, expect, it } from 'vitest';
import { expiryRangeOf, licenceStatus, renewalWindowDays } from './licence-status.ts';

describe('licenceStatus', () => {
  const at = (expiresOn: string, today: string, cancelledOn: string | null = null) => licenceStatus({ expiresOn, cancelledOn, today, windowDays: 180 });

  it('turns expiring when the renewal window opens, 180 days before expiry, and expired the day after expiry', () => {
    expect(at('2029-01-15', '2028-07-18')).toBe('active');
    expect(at('2029-01-15', '2028-07-19')).toBe('expiring');
    expect(at('2029-01-15', '2029-01-15')).toBe('expiring');
    expect(at('2029-01-15', '2029-01-16')).toBe('expired');
    expect(at('2029-01-15', '2027-01-01', '2026-12-01')).toBe('cancelled');
    expect(at('2029-01-15', '2026-11-30', '2026-12-01')).toBe('active');
  });

  it('takes the window from the renewal rule and the organisation’s reminder days', () => {
    expect(renewalWindowDays().days).toBe(180);
    expect(renewalWindowDays({ 'obligations.renewal.reminder-days': 120 }).days).toBe(120);
    expect(renewalWindowDays().source.ref).toBeTruthy();
  });

  it('gives each status as a range of expiry dates that agrees with the status of every date', () => {
    const today = '2026-11-30';
    for (let d = -400; d <= 400; d += 7) {
      const expiresOn = new Date(Date.parse(`${today}T00:00:00Z`) + d * 86_400_000).toISOString().slice(0, 10);
      const status = licenceStatus({ expiresOn, cancelledOn: null, today, windowDays: 180 });
      if (status === 'cancelled') throw new Error('not cancelled');
      const { from, to } = expiryRangeOf(status, { today, windowDays: 180 });
      expect((from === undefined || expiresOn >= from) && (to === undefined || expiresOn <= to), `${expiresOn} ${status}`).toBe(true);
    }
  });
});
