import { findObligationRule } from '../catalog/obligation-rules.ts';
import { findService } from '../catalog/services.ts';
import { buildObligation, fixedDate, type DeriveContext } from './build-obligation.ts';
import { offsetValue, resolveOffset } from './resolve-offset.ts';
import type { Obligation } from './types.ts';

/** One start-operating obligation per licensed service: due N months after issue (guide; configurable). */
export function startOperatingObligations(ctx: DeriveContext): Obligation[] {
  const rule = findObligationRule('start-operating');
  if (rule.due.type !== 'after-event') return [];
  const offset = rule.due.offset;
  const months = offsetValue(offset, ctx.settings);
  return ctx.facts.services.map((code) => {
    const service = findService(code);
    const name = { zh: service?.zh ?? code, en: service?.en ?? code };
    const openedOn = ctx.facts.servicesOpenedOn?.[code];
    const due = resolveOffset(ctx.facts.issuedOn, { offset, calendar: ctx.calendar, settings: ctx.settings });
    const opened = openedOn ? { zh: `已于${openedOn}开通。`, en: ` Opened on ${openedOn}.` } : { zh: '尚未记录开通日期。', en: ' No opening date recorded.' };
    return buildObligation(ctx, {
      rule, id: `start-operating:${code}`, windowStart: ctx.facts.issuedOn, due, isDone: openedOn !== undefined, doneOn: openedOn,
      basis: {
        zh: `许可证于${ctx.facts.issuedOn}颁发，${name.zh}应在${months}个月内（${due.date}前）开通。${opened.zh}`,
        en: `The licence was issued on ${ctx.facts.issuedOn}; ${name.en} should open within ${months} months (by ${due.date}).${opened.en}`,
      },
    });
  });
}

/** Renewal: apply no later than expiry − 90 days; the reminder window opens at expiry − 180 days (configurable). */
export function renewalObligation(ctx: DeriveContext): Obligation {
  const rule = findObligationRule('renewal');
  if (rule.due.type !== 'before-expiry') throw new Error('renewal rule must be before-expiry');
  const due = resolveOffset(ctx.expiresOn, { calendar: ctx.calendar, settings: ctx.settings, direction: -1, offset: rule.due.offset });
  const opens = resolveOffset(ctx.expiresOn, { calendar: ctx.calendar, settings: ctx.settings, direction: -1, offset: rule.due.windowOpens });
  const filed = ctx.facts.renewalFiledOn;
  return buildObligation(ctx, {
    rule, id: 'renewal', windowStart: opens.date, due, isDone: filed !== undefined, doneOn: filed,
    basis: {
      zh: `许可证有效期至${ctx.expiresOn}，须提前90日、即最迟${due.date}提出延续申请。${filed ? `已于${filed}提出。` : ''}`,
      en: `The licence expires on ${ctx.expiresOn}; renewal must be applied for at least 90 days ahead, by ${due.date}.${filed ? ` Applied on ${filed}.` : ''}`,
    },
  });
}

/** Expiry of the licence itself; done once a renewal has been applied for. */
export function expiryObligation(ctx: DeriveContext, windowStart: string): Obligation {
  const rule = findObligationRule('expiry');
  const stated = ctx.facts.expiresOn !== undefined;
  return buildObligation(ctx, {
    rule, id: 'expiry', windowStart, due: fixedDate(ctx.expiresOn), isDone: ctx.facts.renewalFiledOn !== undefined, doneOn: ctx.facts.renewalFiledOn,
    basis: stated
      ? { zh: `许可证载明有效期至${ctx.expiresOn}。`, en: `The licence states it is valid until ${ctx.expiresOn}.` }
      : { zh: `许可证于${ctx.facts.issuedOn}颁发，有效期5年，按颁发日计至${ctx.expiresOn}（请以证书为准）。`,
        en: `Issued on ${ctx.facts.issuedOn} and valid 5 years, so until ${ctx.expiresOn} (check the certificate).` },
  });
}
