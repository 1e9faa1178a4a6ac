import type { LocalizedText } from '../../domain/calendar/types.ts';
import type { DueRule } from '../../domain/catalog/obligation-rules.ts';
import type { CatalogSettings } from '../../domain/catalog/catalog-overrides.ts';
import { offsetValue } from '../../domain/obligations/resolve-offset.ts';
import type { Offset } from '../../domain/catalog/obligation-rules.ts';

const units: Record<Offset['unit'], LocalizedText> = {
  'calendar-days': { zh: '日', en: 'days' },
  'working-days': { zh: '个工作日', en: 'working days' },
  months: { zh: '个月', en: 'months' },
};

const events: Record<string, LocalizedText> = {
  issue: { zh: '许可证颁发', en: 'the licence is issued' },
  'registration-change': { zh: '完成工商变更登记', en: 'the registration change' },
  'approval-decision': { zh: '公司作出决定', en: 'the company’s decision' },
};

function span(offset: Offset, settings: CatalogSettings): LocalizedText {
  const n = offsetValue(offset, settings);
  return { zh: `${n}${units[offset.unit].zh}`, en: `${n} ${units[offset.unit].en}` };
}

/** One line saying when an obligation falls due, with the organisation's values, e.g. “颁发后12个月内”. */
export function describeDueRule(due: DueRule, settings: CatalogSettings): LocalizedText {
  switch (due.type) {
    case 'after-event': {
      const s = span(due.offset, settings);
      const e = events[due.event];
      return { zh: `${e.zh}后${s.zh}内`, en: `within ${s.en} after ${e.en}` };
    }
    case 'before-expiry': {
      const s = span(due.offset, settings);
      const w = span(due.windowOpens, settings);
      return { zh: `到期前至少${s.zh}（自到期前${w.zh}起提醒）`, en: `at least ${s.en} before expiry (reminders from ${w.en} before)` };
    }
    case 'on-expiry': {
      const s = span(due.validity, settings);
      return { zh: `颁发满${s.zh}时到期`, en: `expires ${s.en} after issue` };
    }
    case 'yearly': {
      const late = due.catchUpUntil ? { zh: `，限期补报至${due.catchUpUntil}`, en: `, catch-up until ${due.catchUpUntil}` } : { zh: '', en: '' };
      return { zh: `每年${due.windowStart}至${due.due}${late.zh}`, en: `every year from ${due.windowStart} to ${due.due}${late.en}` };
    }
    case 'before-operating-in-province': {
      const s = span(due.fallback, settings);
      return { zh: `在该省开展业务前（提醒日：颁发后${s.zh}）`, en: `before operating in the province (reminder: ${s.en} after issue)` };
    }
  }
}
