import type { IsoDate } from '../calendar/types.ts';
import { addMonths } from '../dates/civil-date.ts';

/**
 * Default expiry of a VATS licence (valid 5 years): the same month and day five years after issue, with 29 February
 * becoming 28 February. Certificates print "有效期至" that anniversary; always prefer the printed date.
 */
export function defaultExpiresOn(issuedOn: IsoDate): IsoDate {
  return addMonths(issuedOn, 60);
}
