import type { LocalizedText } from '../calendar/types.ts';
import { findObligationRule } from '../catalog/obligation-rules.ts';
import { findProvince } from '../geo/provinces.ts';
import { buildObligation, type DeriveContext } from './build-obligation.ts';
import { resolveOffset } from './resolve-offset.ts';
import type { ApprovalChange, Obligation, RegistrationChange } from './types.ts';

const registrationLabels: Record<RegistrationChange['kind'], LocalizedText> = {
  name: { zh: '公司名称', en: 'company name' },
  'legal-representative': { zh: '法定代表人', en: 'legal representative' },
  'registered-capital': { zh: '注册资本', en: 'registered capital' },
};

const approvalLabels: Record<ApprovalChange['kind'], LocalizedText> = {
  'merger-split': { zh: '合并或分立', en: 'merger or split' },
  shareholder: { zh: '股东变化', en: 'shareholder change' },
  transfer: { zh: '业务经营权转移', en: 'transfer of operation' },
  coverage: { zh: '业务覆盖范围变化', en: 'change of coverage' },
};

const filedText = (filedOn?: string): LocalizedText =>
  filedOn ? { zh: `已于${filedOn}办理。`, en: ` Filed on ${filedOn}.` } : { zh: '', en: '' };

/** Art. 29: file within 30 days after the business-registration change. */
export function registrationChangeObligations(ctx: DeriveContext): Obligation[] {
  const rule = findObligationRule('registration-change');
  if (rule.due.type !== 'after-event') return [];
  const offset = rule.due.offset;
  return (ctx.facts.registrationChanges ?? []).map((change) => {
    const due = resolveOffset(change.changedOn, { offset, calendar: ctx.calendar, settings: ctx.settings });
    const label = registrationLabels[change.kind];
    const filed = filedText(change.filedOn);
    return buildObligation(ctx, {
      rule, id: `registration-change:${change.kind}:${change.changedOn}`, windowStart: change.changedOn, due, isDone: change.filedOn !== undefined, doneOn: change.filedOn,
      basis: {
        zh: `${label.zh}于${change.changedOn}完成工商变更登记，须在30日内（${due.date}前）向发证机关办理许可证变更。${filed.zh}`,
        en: `The ${label.en} changed at the registry on ${change.changedOn}; the licence change must be filed within 30 days (by ${due.date}).${filed.en}`,
      },
    });
  });
}

/** Art. 28: apply within 30 days of the decision, and carry the change out only after approval. */
export function approvalChangeObligations(ctx: DeriveContext): Obligation[] {
  const rule = findObligationRule('approval-change');
  if (rule.due.type !== 'after-event') return [];
  const offset = rule.due.offset;
  return (ctx.facts.approvalChanges ?? []).map((change) => {
    const due = resolveOffset(change.decidedOn, { offset, calendar: ctx.calendar, settings: ctx.settings });
    const label = approvalLabels[change.kind];
    const filed = filedText(change.filedOn);
    return buildObligation(ctx, {
      rule, id: `approval-change:${change.kind}:${change.decidedOn}`, windowStart: change.decidedOn, due, isDone: change.filedOn !== undefined, doneOn: change.filedOn,
      basis: {
        zh: `公司于${change.decidedOn}作出${label.zh}的决定，须在30日内（${due.date}前）向发证机关申请，经批准后方可实施。${filed.zh}`,
        en: `The company decided on a ${label.en} on ${change.decidedOn}; apply within 30 days (by ${due.date}) and carry it out only after approval.${filed.en}`,
      },
    });
  });
}

/** A cross-regional holder files with each province of operation; the reminder uses the start-operating deadline. */
export function provincialFilingObligations(ctx: DeriveContext): Obligation[] {
  const rule = findObligationRule('provincial-filing');
  if (ctx.facts.scope !== 'cross-regional' || rule.due.type !== 'before-operating-in-province') return [];
  const offset = rule.due.fallback;
  return (ctx.facts.provincesOfOperation ?? []).map((code) => {
    const province = findProvince(code);
    const due = resolveOffset(ctx.facts.issuedOn, { offset, calendar: ctx.calendar, settings: ctx.settings });
    const filedOn = ctx.facts.provincialFilings?.[code];
    const filed = filedText(filedOn);
    return buildObligation(ctx, {
      rule, id: `provincial-filing:${code}`, windowStart: ctx.facts.issuedOn, due, isDone: filedOn !== undefined, doneOn: filedOn,
      basis: {
        zh: `跨地区许可证须在${province?.zh ?? code}开展业务前向${province?.zh ?? code}通信管理局备案；提醒日取开通业务期限${due.date}。${filed.zh}`,
        en: `A cross-regional licence must be filed with the ${province?.en ?? code} Communications Administration before operating there; the reminder uses the start-operating deadline ${due.date}.${filed.en}`,
      },
    });
  });
}
