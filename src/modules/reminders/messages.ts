import type { LocalizedText } from '../../domain/calendar/types.ts';
import { findObligationRule, type ObligationKind } from '../../domain/catalog/obligation-rules.ts';
import { daysBetween } from '../../domain/dates/civil-date.ts';

/** What a reminder says, the same on every channel: which obligation, of whom, when due, and where to act. */
export interface ReminderMessage {
  title: LocalizedText;
  body: LocalizedText;
  obligation: { id: string; key: string; kind: string; title: LocalizedText; dueOn: string; daysLeft: number; licenceId: string; licenceNumber: string; clientId: string; clientName: string; basis: LocalizedText };
  link: string;
}

export interface ObligationForReminder {
  id: string;
  key: string;
  kind: string;
  dueOn: string;
  licenceId: string;
  licenceNumber: string;
  clientId: string;
  clientName: string;
  basis: string;
}

function readText(text: string): LocalizedText {
  try {
    return JSON.parse(text) as LocalizedText;
  } catch {
    return { zh: text, en: text };
  }
}

const when = (daysLeft: number): LocalizedText => {
  if (daysLeft > 1) return { zh: `还有 ${daysLeft} 天到期`, en: `due in ${daysLeft} days` };
  if (daysLeft === 1) return { zh: '明天到期', en: 'due tomorrow' };
  if (daysLeft === 0) return { zh: '今天到期', en: 'due today' };
  return { zh: `已逾期 ${-daysLeft} 天`, en: `${-daysLeft} days overdue` };
};

export function reminderMessage(o: ObligationForReminder, options: { today: string; publicUrl: string }): ReminderMessage {
  const rule = findObligationRule(o.kind as ObligationKind);
  const daysLeft = daysBetween(options.today, o.dueOn);
  const w = when(daysLeft);
  const basis = readText(o.basis);
  return {
    title: { zh: `${rule.title.zh}${w.zh}：${o.clientName}`, en: `${rule.title.en} ${w.en}: ${o.clientName}` },
    body: {
      zh: `${o.clientName} 的许可证 ${o.licenceNumber}：${rule.title.zh}，截止 ${o.dueOn}（${w.zh}）。${basis.zh}`,
      en: `Licence ${o.licenceNumber} of ${o.clientName}: ${rule.title.en}, due ${o.dueOn} (${w.en}). ${basis.en}`,
    },
    obligation: { id: o.id, key: o.key, kind: o.kind, title: rule.title, dueOn: o.dueOn, daysLeft, licenceId: o.licenceId, licenceNumber: o.licenceNumber, clientId: o.clientId, clientName: o.clientName, basis },
    link: `${options.publicUrl}/obligations?focus=${o.id}`,
  };
}
