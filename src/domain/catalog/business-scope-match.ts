import type { LocalizedText } from '../calendar/types.ts';
import type { TelecomService } from './services.ts';

/** How a business scope covers a service. */
export interface ScopeMatch {
  result: 'pass' | 'fail' | 'warn';
  explanation: LocalizedText;
}

const classPhrase = { B1: '第一类增值电信业务', B2: '第二类增值电信业务' } as const;

/** True when the keyword only appears in an exclusion such as “（不含呼叫中心业务）”. */
function onlyExcluded(scope: string, keyword: string): boolean {
  const all = scope.split(keyword).length - 1;
  const excluded = (scope.match(new RegExp(`(不含|除)[^，,；;。）)]*${keyword}`, 'g')) ?? []).length;
  return all > 0 && excluded >= all;
}

function contains(scope: string, phrase: string): boolean {
  return scope.includes(phrase) && !onlyExcluded(scope, phrase);
}

/**
 * Decides whether a business scope (经营范围) covers a service: its own keyword, or the standard class wording
 * (e.g. 第二类增值电信业务, used since the 2021 standard business-scope list) passes; bare “增值电信业务” is a warning.
 */
export function matchBusinessScope(scope: string, service: TelecomService): ScopeMatch {
  const keywords = service.scopeKeywords;
  const hit = keywords.find((k) => contains(scope, k));
  if (hit) return { result: 'pass', explanation: { zh: `经营范围包含“${hit}”。`, en: `The business scope includes '${hit}'.` } };
  const phrase = classPhrase[service.class];
  if (contains(scope, phrase)) {
    return { result: 'pass', explanation: { zh: `经营范围包含规范表述“${phrase}”，涵盖${service.zh}。`, en: `The business scope includes the standard wording '${phrase}', which covers ${service.en}.` } };
  }
  const wanted = `${keywords.map((k) => `“${k}”`).join('或')}或“${phrase}”`;
  // Wording for the other class (e.g. 第二类 for an IDC licence) does not cover this service at all.
  const otherClass = classPhrase[service.class === 'B1' ? 'B2' : 'B1'];
  if (contains(scope.split(otherClass).join(''), '增值电信业务')) {
    return { result: 'warn', explanation: {
      zh: `经营范围只写了“增值电信业务”，未写明${wanted}；请向发证机关确认或先办理经营范围变更。`,
      en: `The business scope only says 增值电信业务 without ${keywords.join(' / ')} or ${phrase}; confirm with the authority or amend the scope first.`,
    } };
  }
  return { result: 'fail', explanation: {
    zh: `经营范围未包含${wanted}，须先办理经营范围变更登记（指南注意事项1）。`,
    en: `The business scope does not include ${keywords.join(' / ')} or ${phrase}; amend the registered business scope first (guide, caution 1).`,
  } };
}
