import type { LocalizedText } from '../calendar/types.ts';
import type { LicenceScope } from '../catalog/authorities.ts';
import { findService } from '../catalog/services.ts';
import { findProvince } from '../geo/provinces.ts';
import { parseLicenceNumber } from '../identifiers/parse-licence-number.ts';

/**
 * Why a licence number cannot be that of a licence for this service in this scope; null when it fits. `concerns` says
 * what does not fit: the scope (the issuer in the number) or the service (its class in the number).
 */
export function licenceNumberMisfit(input: { licenceNumber: string; scope: LicenceScope; serviceCode: string }): (LocalizedText & { concerns: 'number' | 'scope' | 'service' }) | null {
  const parsed = parseLicenceNumber(input.licenceNumber);
  if (!parsed.ok) return { zh: parsed.reason.zh, en: parsed.reason.en, concerns: 'number' };
  const { issuer, categories } = parsed.value;
  if (input.scope === 'cross-regional') {
    if (issuer !== 'MIIT') {
      return {
        zh: `跨地区经营许可证由工业和信息化部颁发，编号不带省份简称（形如 B2-20190001），而“${input.licenceNumber}”带有省份简称。`,
        en: `A cross-regional licence is issued by MIIT and its number carries no province abbreviation (like B2-20190001); '${input.licenceNumber}' does.`,
        concerns: 'scope',
      };
    }
  } else {
    const province = findProvince(input.scope);
    if (issuer !== input.scope) {
      const abbr = province?.abbr ?? input.scope;
      return {
        zh: `经营范围为${province?.zh ?? input.scope}的许可证，编号应带“${abbr}”（形如 ${abbr}B2-20190001）。`,
        en: `A licence for ${province?.en ?? input.scope} has a number beginning with '${abbr}' (like ${abbr}B2-20190001).`,
        concerns: 'scope',
      };
    }
  }
  const serviceClass = findService(input.serviceCode)?.class;
  if (serviceClass && !categories.includes(serviceClass)) {
    return {
      zh: `该业务属于${serviceClass === 'B1' ? '第一类' : '第二类'}增值电信业务，许可证编号应含“${serviceClass}”。`,
      en: `The service is class ${serviceClass === 'B1' ? '1' : '2'} value-added telecom; the licence number should include '${serviceClass}'.`,
      concerns: 'service',
    };
  }
  return null;
}
