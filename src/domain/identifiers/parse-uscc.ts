import { normalizationWarnings } from './normalize-identifier.ts';
import { readUsccParts } from './read-uscc-parts.ts';
import type { IdentifierReason, NamedCode, ParseResult } from './types.ts';
import { validateUscc } from './validate-uscc.ts';

/** The parts of a USCC. */
export interface ParsedUscc {
  normalized: string;
  /** 登记管理部门 (position 1). */
  department: NamedCode;
  /** 机构类别 (position 2). */
  category: NamedCode;
  /** 登记管理机关行政区划码 (positions 3–8, GB/T 2260). */
  regionCode: string;
  /** Province of the registering authority; null for national-level registrations (`10xxxx`) or unknown prefixes. */
  province: NamedCode | null;
  /** 主体标识码（组织机构代码） (positions 9–17). */
  organisationCode: string;
  checkCharacter: string;
  /** False only when parsed with `acceptCheckFailure` and the check character is wrong. */
  checkValid: boolean;
}

/** Options for {@link parseUscc}. */
export interface ParseUsccOptions {
  /**
   * Accept a code whose only fault is the check character, returning a `check-override` warning.
   * Some real codes are reported to fail the check; callers must record who overrode and why.
   */
  acceptCheckFailure?: boolean;
}

/**
 * Parses a USCC into department, category, region (with province), organisation code and check character.
 * Lowercase and full-width input is normalized, as in {@link validateUscc}, with a `normalized` warning saying so.
 */
export function parseUscc(value: string, options: ParseUsccOptions = {}): ParseResult<ParsedUscc> {
  const validation = validateUscc(value);
  const warnings: IdentifierReason[] = normalizationWarnings(value, validation.normalized);
  if (!validation.valid) {
    const overridable = validation.reason.code === 'bad-check' && options.acceptCheckFailure;
    if (!overridable) return { ok: false, reason: validation.reason, ...(validation.expectedCheck ? { expectedCheck: validation.expectedCheck } : {}) };
    warnings.push({
      code: 'check-override',
      zh: `已按人工确认接受校验码不符的代码（${validation.reason.zh}）`,
      en: `Accepted despite a failing check character, on manual confirmation (${validation.reason.en})`,
    });
  }
  const code = validation.normalized;
  // A code that passed the structure checks has every part.
  const parts = readUsccParts(code);
  return {
    ok: true,
    warnings,
    value: {
      normalized: code,
      department: parts.department!,
      category: parts.category!,
      regionCode: parts.regionCode!,
      province: parts.province,
      organisationCode: parts.organisationCode!,
      checkCharacter: code[17],
      checkValid: validation.valid,
    },
  };
}
