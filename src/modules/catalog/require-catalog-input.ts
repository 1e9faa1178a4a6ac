import { isLicenceScope, listScopes, type LicenceScope } from '../../domain/catalog/authorities.ts';
import { findService, listServices, type TelecomService } from '../../domain/catalog/services.ts';
import { invalidFields } from '../../platform/errors/app-error.ts';

/** The service a code names (case-insensitive); a 400 naming `field` when the catalogue has no such code. */
export function requireService(field: string, code: string): TelecomService {
  const service = findService(code);
  if (service) return service;
  const known = listServices().map((s) => s.code).join(', ');
  throw invalidFields([{ field, code: 'UNKNOWN_SERVICE', message: { zh: `业务代码“${code}”不在《电信业务分类目录》中（可选：${known}）`, en: `'${code}' is not a service code of the catalogue (one of: ${known})` } }]);
}

/** A licence scope: `cross-regional` or one of the 31 mainland province codes; a 400 naming `field` otherwise. */
export function requireScope(field: string, scope: string): LicenceScope {
  if (isLicenceScope(scope)) return scope;
  throw invalidFields([{ field, code: 'UNKNOWN_SCOPE', message: { zh: `“${scope}”不是有效的许可范围（cross-regional 或省份代码，如 BJ）`, en: `'${scope}' is not a licence scope: use cross-regional or a province code such as BJ (${listScopes().length} in all)` } }]);
}
