import type { IsoDate, LocalizedText } from '../calendar/types.ts';
import { findObligationRule, type ObligationRule } from '../catalog/obligation-rules.ts';
import { buildObligation, fixedDate, type DeriveContext } from './build-obligation.ts';
import type { Obligation } from './types.ts';

/**
 * Every year Y of the licence's term whose report falls due: from the year after `from`, each year in which the licence
 * is (or was) held on 31 December of Y − 1, past, current and future alike, through the one after its last New
 * Year's Eve before expiry. A holder plans the whole term, so the first report of a licence issued in March is listed
 * from the day it is issued, though it falls due the next year.
 */
function reportYears(ctx: DeriveContext, from: IsoDate): number[] {
  const years: number[] = [];
  for (let y = Number(from.slice(0, 4)) + 1; `${y - 1}-12-31` <= ctx.expiresOn; y += 1) years.push(y);
  return years;
}

function lateNote(ctx: DeriveContext, { year, rule }: { year: number; rule: ObligationRule }): LocalizedText {
  return lateNoteOn(ctx.today, { year, rule });
}

/**
 * What a yearly report still unfiled after its due date means on `today`: in the catch-up period, file now; after it,
 * the system is closed and the bad list looms. Read when a stored obligation is shown, since it changes with the day.
 */
export function lateNoteOn(today: IsoDate, { year, rule }: { year: number; rule: ObligationRule }): LocalizedText {
  if (rule.due.type !== 'yearly' || !rule.due.catchUpUntil) return { zh: '已逾期未报。', en: ' Overdue.' };
  const catchUpEnd = `${year}-${rule.due.catchUpUntil}`;
  if (today <= catchUpEnd) {
    return { zh: `现处于限期补报期（至${catchUpEnd}），请立即补报；5月1日系统关闭。`, en: ` The catch-up period runs until ${catchUpEnd}; file now, the system closes on 1 May.` };
  }
  return { zh: `补报期已于${catchUpEnd}结束，系统已关闭，可能已被列入不良名单。`, en: ` The catch-up period ended on ${catchUpEnd} and the system is closed; the company may already be on the bad list.` };
}

function yearly(ctx: DeriveContext, options: { rule: ObligationRule; idPrefix: string; year: number; isDone: boolean; doneOn?: IsoDate; reason: LocalizedText }): Obligation {
  const { rule, year } = options;
  if (rule.due.type !== 'yearly') throw new Error(`${rule.kind} rule must be yearly`);
  const windowStart = `${year}-${rule.due.windowStart}`;
  const dueDate = `${year}-${rule.due.due}`;
  const late = !options.isDone && ctx.today > dueDate ? lateNote(ctx, { year, rule }) : { zh: '', en: '' };
  return buildObligation(ctx, {
    rule, id: `${options.idPrefix}:${year}`, windowStart, due: fixedDate(dueDate), isDone: options.isDone, doneOn: options.doneOn,
    basis: {
      zh: `${options.reason.zh}须在${windowStart}至${dueDate}报送（报告${year - 1}年度情况）。${late.zh}`,
      en: `${options.reason.en} due between ${windowStart} and ${dueDate} (covering ${year - 1}).${late.en}`,
    },
  });
}

/** Annual reports (Arts. 35, 38): one per year for which the licence was held on 31 December of the year before. */
export function annualReportObligations(ctx: DeriveContext): Obligation[] {
  const rule = findObligationRule('annual-report');
  const filed = new Set(ctx.facts.annualReportsFiled ?? []);
  return reportYears(ctx, ctx.facts.issuedOn).map((year) => yearly(ctx, {
    rule, idPrefix: 'annual-report', year, isDone: filed.has(year), doneOn: ctx.facts.annualReportsFiledOn?.[year],
    reason: {
      zh: `许可证于${ctx.facts.issuedOn}颁发，${year - 1}-12-31在有效期内，`,
      en: `The licence (issued ${ctx.facts.issuedOn}) is valid on ${year - 1}-12-31, so the annual report is`,
    },
  }));
}

/** Number-resource annual reports: one per year in which 95/96 numbers were held on 31 December of the year before. */
export function numberReportObligations(ctx: DeriveContext): Obligation[] {
  const held = ctx.facts.numbersHeld ?? [];
  if (held.length === 0) return [];
  const rule = findObligationRule('number-annual-report');
  const filed = new Set(ctx.facts.numberReportsFiled ?? []);
  const earliest = held.map((n) => (n.since && n.since > ctx.facts.issuedOn ? n.since : ctx.facts.issuedOn)).sort()[0];
  // Held on 31 December of the year before: allocated by then and not yet returned.
  const heldOn = (date: IsoDate) => held.filter((n) => (n.since ?? ctx.facts.issuedOn) <= date && (n.until === undefined || n.until > date));
  return reportYears(ctx, earliest).filter((year) => heldOn(`${year - 1}-12-31`).length > 0).map((year) => {
    const numbers = heldOn(`${year - 1}-12-31`).map((n) => n.number).join('、');
    return yearly(ctx, {
      rule, idPrefix: 'number-annual-report', year, isDone: filed.has(year), doneOn: ctx.facts.numberReportsFiledOn?.[year],
      reason: { zh: `${year - 1}-12-31持有码号 ${numbers}，`, en: `Numbers ${numbers.replace(/、/g, ', ')} were held on ${year - 1}-12-31, so the number report is` },
    });
  });
}
