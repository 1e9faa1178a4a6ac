import { useTranslation } from 'react-i18next';
import { useLocalized } from '../../../app/localized';
import { useCatalogScopes, useCatalogServices } from '../../catalog/hooks/use-catalog';

/** A scope in words, e.g. 北京市（省内）/ 跨地区（全网）; the code itself until the catalog has loaded. */
export function useScopeName(): (scope: string) => string {
  const localized = useLocalized();
  const { data } = useCatalogScopes();
  return (scope) => {
    const found = data?.find((s) => s.scope === scope);
    return found ? localized(found.label) : scope;
  };
}

/** The authority that issues a scope's licence, e.g. 北京市通信管理局; its province abbreviation (京) too. */
export function useScopeAuthority(): (scope: string) => { name: string; abbr: string | null } | null {
  const localized = useLocalized();
  const { data } = useCatalogScopes();
  return (scope) => {
    const found = data?.find((s) => s.scope === scope);
    return found ? { name: localized(found.authority), abbr: found.authority.abbr } : null;
  };
}

/** A service in words with its code, e.g. 国内呼叫中心业务（B24-1）. */
export function useServiceName(): (code: string) => string {
  const { i18n } = useTranslation();
  const { data } = useCatalogServices();
  const english = i18n.language === 'en-US';
  return (code) => {
    const found = data?.find((s) => s.code === code);
    if (!found) return code;
    return english ? `${found.en} (${code})` : `${found.zh}（${code}）`;
  };
}
