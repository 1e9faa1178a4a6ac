import type { LocalizedText } from '../calendar/types.ts';
import type { LicenceScope } from '../catalog/authorities.ts';
import { findService } from '../catalog/services.ts';
import { findProvince } from '../geo/provinces.ts';
import { parseLicenceNumber } from '../identifiers/parse-licence-number.ts';

/** Why a licence number cannot be the one this application should receive; null when it fits. */
export function licenceNumberMisfit(input: { licenceNumber: string; scope: LicenceScope; serviceCode: string }): LocalizedText | null {
  const parsed = parseLicenceNumber(input.licenceNumber);
  if (!parsed.ok) return { zh: parsed.reason.zh, en: parsed.reason.en };
  const { issuer, categories } = parsed.value;
  if (input.scope === 'cross-regional') {
    if (issuer !== 'MIIT') {
      return {
        zh: `跨地区经营许可证由工业和信息化部颁发，编号不带省份简称（形如 B2-20190001），而“${input.licenceNumber}”带有省份简称。`,
        en: `A cross-regional licence is issued by MIIT and its number carries no province abbreviation (like B2-20190001); '${input.licenceNumber}' does.`,
      };
    }
  } else {
    const province = findProvince(input.scope);
    if (issuer !== input.scope) {
      const abbr = province?.abbr ?? input.scope;
      return {
        zh: `本申请的经营范围为${province?.zh ?? input.scope}，许可证编号应带“${abbr}”（形如 ${abbr}B2-20190001）。`,
        en: `This application covers ${province?.en ?? input.scope}; its licence number should begin with '${abbr}' (like ${abbr}B2-20190001).`,
      };
    }
  }
  const serviceClass = findService(input.serviceCode)?.class;
  if (serviceClass && !categories.includes(serviceClass)) {
    return {
      zh: `申请的业务属于${serviceClass === 'B1' ? '第一类' : '第二类'}增值电信业务，许可证编号应含“${serviceClass}”。`,
      en: `The service applied for is class ${serviceClass === 'B1' ? '1' : '2'} value-added telecom; the licence number should include '${serviceClass}'.`,
    };
  }
  return null;
}
