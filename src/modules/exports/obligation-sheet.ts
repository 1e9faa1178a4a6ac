import type { LocalizedText } from '../../domain/calendar/types.ts';
import type { StoredObligation } from '../obligations/schemas.ts';
import { listStoredObligations } from '../obligations/stored-service.ts';
import { column, exportPageSize, pageThrough, type ExportSheet } from './export-sheet.ts';
import type { ObligationExportFilters } from './schemas.ts';
import { inLang, type SheetLang } from './sheet-text.ts';

type Status = StoredObligation['status'];
type Kind = StoredObligation['kind'];

// The web app's words for the same values (web/src/app/i18n/*/obligations.ts).
const statuses: Record<Status, LocalizedText> = {
  overdue: { zh: '已逾期', en: 'Overdue' },
  'due-soon': { zh: '即将到期', en: 'Due soon' },
  upcoming: { zh: '未到期', en: 'Upcoming' },
  done: { zh: '已完成', en: 'Done' },
  'not-applicable': { zh: '不适用', en: 'Not applicable' },
};

const kinds: Record<Kind, LocalizedText> = {
  'start-operating': { zh: '开通业务', en: 'Start operating' },
  'annual-report': { zh: '经营信息年报', en: 'Annual report' },
  renewal: { zh: '许可证续期', en: 'Renewal' },
  expiry: { zh: '许可证到期', en: 'Expiry' },
  'registration-change': { zh: '登记事项变更', en: 'Registration change' },
  'approval-change': { zh: '变更审批', en: 'Change approval' },
  'provincial-filing': { zh: '跨地区省级备案', en: 'Provincial filing' },
  'number-annual-report': { zh: '码号年报', en: 'Number-resource report' },
};

const changes: Record<string, LocalizedText> = {
  name: { zh: '企业名称变更', en: 'Name change' },
  'legal-representative': { zh: '法定代表人变更', en: 'New legal representative' },
  'registered-capital': { zh: '注册资本变更', en: 'Registered capital change' },
  'merger-split': { zh: '合并、分立', en: 'Merger or split' },
  shareholder: { zh: '股东变更', en: 'Shareholder change' },
  transfer: { zh: '许可证转让', en: 'Licence transfer' },
  coverage: { zh: '业务覆盖范围变更', en: 'Coverage change' },
};

const doneBy = { facts: { zh: '许可证历史记录', en: 'The licence’s history' }, user: { zh: '手动标记完成', en: 'Marked done by hand' } };

/** The period a key names after its rule, as the web app words it: '2027 年报送', '企业名称变更 · 2027-01-07', 'B24-1'. */
function periodText(o: Pick<StoredObligation, 'key' | 'kind'>, lang: SheetLang): string | null {
  const colon = o.key.indexOf(':');
  const period = colon < 0 ? '' : o.key.slice(colon + 1).replace(/#\d+$/, '');
  if (!period) return null;
  if ((o.kind === 'annual-report' || o.kind === 'number-annual-report') && /^\d{4}$/.test(period)) return lang === 'zh' ? `${period} 年报送` : `filed in ${period}`;
  const change = /^([a-z-]+):(\d{4}-\d{2}-\d{2})$/.exec(period);
  if (change && (o.kind === 'registration-change' || o.kind === 'approval-change')) return `${changes[change[1]] ? inLang(changes[change[1]], lang) : change[1]} · ${change[2]}`;
  return period.replaceAll(':', ' · ');
}

function titleText(o: StoredObligation, lang: SheetLang): string {
  const title = inLang(o.title, lang);
  const period = periodText(o, lang);
  if (!period) return title;
  return lang === 'zh' ? `${title}（${period}）` : `${title} (${period})`;
}

/** Obligations as the list filters them (soonest due first), with their basis and completion. */
export const obligationSheet: ExportSheet<StoredObligation, ObligationExportFilters> = {
  title: { zh: '合规事项', en: 'Obligations' },
  columns: [
    column('dueOn', { zh: '截止日期', en: 'Due' }, 'date', (o) => o.dueOn),
    column('title', { zh: '事项', en: 'Obligation' }, 'text', (o, lang) => titleText(o, lang), { width: 36 }),
    column('kind', { zh: '类型', en: 'Kind' }, 'text', (o, lang) => inLang(kinds[o.kind], lang), { width: 14 }),
    column('licenceNumber', { zh: '许可证编号', en: 'Licence number' }, 'text', (o) => o.licenceNumber, { width: 22 }),
    column('client', { zh: '客户', en: 'Client' }, 'text', (o) => o.clientName, { width: 32 }),
    column('status', { zh: '状态', en: 'Status' }, 'text', (o, lang) => inLang(statuses[o.status], lang), { width: 10 }),
    column('assignee', { zh: '负责人', en: 'Assignee' }, 'text', (o) => o.assignee?.name ?? null, { width: 12 }),
    column('windowStart', { zh: '可办理起始', en: 'Can be done from' }, 'date', (o) => o.windowStart, { width: 14 }),
    column('doneOn', { zh: '完成日期', en: 'Done on' }, 'date', (o) => o.doneOn),
    column('doneBy', { zh: '确认方式', en: 'Confirmed by' }, 'text', (o, lang) => (o.doneBy ? inLang(doneBy[o.doneBy], lang) : null), { width: 16 }),
    column('note', { zh: '办理说明', en: 'Completion note' }, 'text', (o) => o.completion?.note ?? null, { width: 30, staffOnly: true }),
    column('basis', { zh: '依据', en: 'Basis' }, 'text', (o, lang) => inLang(o.basis, lang), { width: 50 }),
  ],
  pages: ({ ctx, actor, filters }) => pageThrough((cursor) => listStoredObligations(ctx, actor, { ...filters, cursor, pageSize: exportPageSize })),
};
