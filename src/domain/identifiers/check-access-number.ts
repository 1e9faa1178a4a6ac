import { findAuthority, isLicenceScope, type LicenceScope } from '../catalog/authorities.ts';
import type { LocalizedText } from '../calendar/types.ts';
import type { Source } from '../catalog/source.ts';
import { NUMBER_MEASURES, regulation } from '../catalog/sources.ts';
import type { IdentifierReason } from './types.ts';

/** Reason codes for a rejected call-centre access number. */
export type AccessNumberReasonCode = 'empty' | 'not-digits' | 'bad-prefix' | 'bad-length' | 'scope-mismatch' | 'bad-scope';

/** Input of {@link checkAccessNumber}. */
export interface AccessNumberInput {
  number: string;
  /** The licence scope the number is meant for: `cross-regional` or a province code. */
  scope: LicenceScope;
}

/** Result of checking a call-centre access number against a licence scope. */
export type AccessNumberCheck =
  | { valid: true; normalized: string; prefix: '95' | '96'; allocator: LocalizedText; source: Source }
  | { valid: false; normalized: string; reason: IdentifierReason<AccessNumberReasonCode> };

/** Where 95/96 numbers come from (numbering plan; brief confidence M). */
export const accessNumberSource: Source = regulation(`${NUMBER_MEASURES}及电信网编号计划`, {
  zh: '95xxx(x) 为全国性客户服务号码，由工业和信息化部分配给跨地区经营者；96xxx(x) 为省内客户服务号码，由省通信管理局分配。',
  en: '95xxx(x) are nationwide customer-service numbers allocated by MIIT to cross-regional operators; 96xxx(x) are in-province numbers allocated by the provincial communications administration.',
});

function prefixReason(digits: string): IdentifierReason<'bad-prefix'> {
  const extra = digits.startsWith('400')
    ? { zh: '400号码是基础电信企业提供的业务号码，不是呼叫中心接入号。', en: ' 400 numbers are a carrier service, not call-centre access codes.' }
    : { zh: '', en: '' };
  return {
    code: 'bad-prefix',
    zh: `号码“${digits}”不是呼叫中心接入号：应以95（跨地区）或96（省内）开头。${extra.zh}`,
    en: `'${digits}' is not a call-centre access number: it must start with 95 (cross-regional) or 96 (in-province).${extra.en}`,
  };
}

function scopeReason(prefix: '95' | '96', scope: LicenceScope): IdentifierReason<'scope-mismatch'> | undefined {
  if (prefix === '95' && scope !== 'cross-regional') {
    const authority = findAuthority(scope)!;
    return {
      code: 'scope-mismatch',
      zh: `95号码由工业和信息化部分配给跨地区（全网）呼叫中心经营者；${authority.zh}颁发的省内许可证应使用96号码。`,
      en: `95 numbers are allocated by MIIT to cross-regional (nationwide) call-centre operators; an in-province licence from the ${authority.en} goes with a 96 number.`,
    };
  }
  if (prefix === '96' && scope === 'cross-regional') {
    return {
      code: 'scope-mismatch',
      zh: '96号码由省通信管理局分配给省内呼叫中心经营者；跨地区许可证对应95号码。',
      en: '96 numbers are allocated by a provincial communications administration to in-province call-centre operators; a cross-regional licence goes with a 95 number.',
    };
  }
  return undefined;
}

/**
 * Checks a call-centre access number (呼叫中心接入号): 95 or 96 followed by 3 or 4 digits, and the prefix matching the
 * scope (95 with cross-regional, 96 with in-province). Spaces and hyphens are ignored.
 */
export function checkAccessNumber(input: AccessNumberInput): AccessNumberCheck {
  const normalized = input.number.replace(/[\s\-－]/g, '');
  const fail = (reason: IdentifierReason<AccessNumberReasonCode>): AccessNumberCheck => ({ valid: false, normalized, reason });
  if (!isLicenceScope(input.scope)) {
    return fail({ code: 'bad-scope', zh: `“${input.scope}”不是有效的许可范围。`, en: `'${input.scope}' is not a valid licence scope.` });
  }
  if (normalized === '') return fail({ code: 'empty', zh: '请输入接入号。', en: 'Enter the access number.' });
  if (!/^\d+$/.test(normalized)) return fail({ code: 'not-digits', zh: '接入号只能包含数字。', en: 'An access number contains digits only.' });
  if (!normalized.startsWith('95') && !normalized.startsWith('96')) return fail(prefixReason(normalized));
  const prefix = normalized.slice(0, 2) as '95' | '96';
  if (normalized.length !== 5 && normalized.length !== 6) {
    return fail({
      code: 'bad-length',
      zh: `${prefix}号码应为5位或6位（${prefix}后接3或4位数字），当前为${normalized.length}位。`,
      en: `A ${prefix} number has 5 or 6 digits (${prefix} plus 3 or 4 digits); this one has ${normalized.length}.`,
    });
  }
  const mismatch = scopeReason(prefix, input.scope);
  if (mismatch) return fail(mismatch);
  const authority = findAuthority(input.scope)!;
  const allocator = { zh: authority.zh, en: authority.en };
  return { valid: true, normalized, prefix, allocator, source: accessNumberSource };
}
