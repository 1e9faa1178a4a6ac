import { listProcessStages } from '../../domain/catalog/process-stages.ts';
import { describeApplicationState, type ApplicationState } from '../../domain/workflow/application-states.ts';
import { scopeOf } from '../access/actor.ts';
import type { Application } from '../applications/schemas.ts';
import { listApplications } from '../applications/service.ts';
import { column, exportPageSize, pageThrough, type ExportSheet } from './export-sheet.ts';
import { findClientCodes, findUserNames } from './repository.ts';
import type { ApplicationExportFilters } from './schemas.ts';
import { chinaTimeOf, inLang, scopeLabel, serviceLabel, type SheetLang } from './sheet-text.ts';

/** An application with what its row shows beside it: the company's credit code and the assignee's name. */
export interface ApplicationItem {
  application: Application;
  clientUscc: string | null;
  assigneeName: string | null;
}

/** The guide's five steps, by number (their titles do not depend on the scope). */
const steps = new Map(listProcessStages({ scope: 'cross-regional' }).filter((s) => s.parent === null).map((s) => [s.order, s.title]));

function stateText(a: Application, lang: SheetLang): string {
  const state = inLang(describeApplicationState(a.state).title, lang);
  if (a.state !== 'on_hold' || !a.heldFrom) return state;
  const from = inLang(describeApplicationState(a.heldFrom).title, lang);
  return lang === 'zh' ? `${state}（暂停前：${from}）` : `${state} (was: ${from})`;
}

/** The guide's step the application is at ('第 2 步 准备材料'); a paused one, the step it paused at; none once it ended off the path. */
function stageText(a: Application, lang: SheetLang): string | null {
  const state: ApplicationState = a.state === 'on_hold' && a.heldFrom ? a.heldFrom : a.state;
  const step = describeApplicationState(state).step;
  const title = step === null ? undefined : steps.get(step);
  if (step === null || !title) return null;
  return lang === 'zh' ? `第 ${step} 步 ${title.zh}` : `Step ${step}: ${title.en}`;
}

const yesNo = (value: boolean, lang: SheetLang) => (lang === 'zh' ? (value ? '是' : '否') : value ? 'Yes' : 'No');

/** Applications as the list filters them (newest change first), with their dates, numbers and step. */
export const applicationSheet: ExportSheet<ApplicationItem, ApplicationExportFilters> = {
  title: { zh: '申请', en: 'Applications' },
  columns: [
    column('client', { zh: '客户', en: 'Client' }, 'text', (i) => i.application.clientName, { width: 32 }),
    column('clientUscc', { zh: '统一社会信用代码', en: 'USCC' }, 'text', (i) => i.clientUscc, { width: 22 }),
    column('service', { zh: '业务种类', en: 'Service' }, 'text', (i, lang) => serviceLabel(i.application.serviceCode, lang), { width: 28 }),
    column('scope', { zh: '许可范围', en: 'Scope' }, 'text', (i, lang) => scopeLabel(i.application.scope, lang), { width: 18 }),
    column('state', { zh: '状态', en: 'State' }, 'text', (i, lang) => stateText(i.application, lang), { width: 16 }),
    column('stage', { zh: '办理步骤', en: 'Step' }, 'text', (i, lang) => stageText(i.application, lang), { width: 22 }),
    column('assignee', { zh: '负责人', en: 'Assignee' }, 'text', (i) => i.assigneeName, { width: 12, staffOnly: true }),
    column('dueOn', { zh: '下一期限', en: 'Next deadline' }, 'date', (i) => i.application.dueOn),
    column('overdue', { zh: '是否逾期', en: 'Overdue' }, 'text', (i, lang) => yesNo(i.application.overdue, lang), { width: 9 }),
    column('contractSignedOn', { zh: '代办合同签订日期', en: 'Contract signed on' }, 'date', (i) => i.application.contractSignedOn, { width: 16 }),
    column('contractFeeYuan', { zh: '代办费用（元）', en: 'Agency fee (yuan)' }, 'integer', (i) => i.application.contractFeeYuan, { width: 14, staffOnly: true }),
    column('submitBy', { zh: '计划提交日期', en: 'Planned submission' }, 'date', (i) => i.application.targets.submitBy, { width: 14 }),
    column('submittedOn', { zh: '提交日期', en: 'Submitted on' }, 'date', (i) => i.application.submittedOn),
    column('acceptanceNo', { zh: '受理编号', en: 'Acceptance no.' }, 'text', (i) => i.application.acceptanceNo, { width: 18 }),
    column('acceptedOn', { zh: '受理日期', en: 'Accepted on' }, 'date', (i) => i.application.acceptedOn),
    column('issueBy', { zh: '计划取证日期', en: 'Planned issue' }, 'date', (i) => i.application.targets.issueBy, { width: 14 }),
    column('issuedOn', { zh: '发证日期', en: 'Issued on' }, 'date', (i) => i.application.issuedOn),
    column('licenceNumber', { zh: '许可证编号', en: 'Licence number' }, 'text', (i) => i.application.licenceNumber, { width: 20 }),
    column('licenceExpiresOn', { zh: '有效期至', en: 'Expires on' }, 'date', (i) => i.application.licenceExpiresOn),
    column('createdAt', { zh: '创建时间', en: 'Created at' }, 'text', (i) => chinaTimeOf(i.application.createdAt), { width: 17 }),
    column('updatedAt', { zh: '更新时间', en: 'Updated at' }, 'text', (i) => chinaTimeOf(i.application.updatedAt), { width: 17 }),
  ],
  async *pages({ ctx, actor, filters }) {
    const scope = scopeOf(actor);
    for await (const page of pageThrough((cursor) => listApplications(ctx, actor, { ...filters, cursor, pageSize: exportPageSize }))) {
      const codes = await findClientCodes(ctx.db, scope, page.map((a) => a.clientId));
      // Client users are never shown who at the agency handles it (the column is left out for them).
      const names = actor.role === 'client' ? new Map<string, string>() : await findUserNames(ctx.db, scope, page.flatMap((a) => (a.assigneeId ? [a.assigneeId] : [])));
      yield page.map((application) => ({ application, clientUscc: codes.get(application.clientId) ?? null, assigneeName: application.assigneeId ? (names.get(application.assigneeId) ?? null) : null }));
    }
  },
};
