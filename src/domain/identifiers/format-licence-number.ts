import { findProvince } from '../geo/provinces.ts';
import type { LicenceNumber } from './licence-number.ts';

/**
 * Formats a licence number in its printed form, e.g. `{ foreignInvested: true, issuer: 'MIIT', categories: ['B1','B2'],
 * year: 2013, serial: 4 }` → `合字B1.B2-20130004`. Throws RangeError for an unknown issuer province.
 */
export function formatLicenceNumber(licence: LicenceNumber): string {
  let abbr = '';
  if (licence.issuer !== 'MIIT') {
    const province = findProvince(licence.issuer);
    if (!province) throw new RangeError(`formatLicenceNumber: unknown issuer '${licence.issuer}'`);
    abbr = province.abbr;
  }
  const serial = String(licence.serial).padStart(4, '0');
  return `${licence.foreignInvested ? '合字' : ''}${abbr}${licence.categories.join('.')}-${licence.year}${serial}`;
}
