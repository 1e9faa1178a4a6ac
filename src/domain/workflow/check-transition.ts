import type { IsoDate, LocalizedText } from '../calendar/types.ts';
import type { LicenceScope } from '../catalog/authorities.ts';
import { isIsoDate } from '../dates/civil-date.ts';
import { defaultExpiresOn } from '../obligations/default-expires-on.ts';
import { describeApplicationState, type ApplicationState } from './application-states.ts';
import { licenceNumberMisfit } from './licence-number-fits.ts';

/** Where a checklist item stands: nothing uploaded, waiting for review, accepted, or rejected. */
export type MaterialReview = 'missing' | 'pending' | 'accepted' | 'rejected';

/** A checklist item as the rules see it. */
export interface MaterialStatus {
  key: string;
  title: LocalizedText;
  required: boolean;
  /** LicenseDesk drafts it (step 3) rather than the client uploading it (step 2). */
  generated: boolean;
  review: MaterialReview;
}

/** The application's facts a move is checked against. */
export interface ApplicationFacts {
  state: ApplicationState;
  /** The state a paused application resumes to. */
  heldFrom: ApplicationState | null;
  scope: LicenceScope;
  serviceCode: string;
  contractSignedOn: IsoDate | null;
  submittedOn: IsoDate | null;
  acceptedOn: IsoDate | null;
  /** The items the open correction request sent back; empty when none is open. */
  correctionItems: readonly string[];
}

/** What a user gives with a move; each move reads the fields it needs. */
export interface MoveDetails {
  contractSignedOn?: IsoDate;
  contractFeeYuan?: number;
  submittedOn?: IsoDate;
  requestedOn?: IsoDate;
  items?: readonly string[];
  acceptanceNo?: string;
  acceptedOn?: IsoDate;
  licenceNumber?: string;
  issuedOn?: IsoDate;
  expiresOn?: IsoDate;
}

/** Every guard has a name, so an API answer and a test can say which one refused. */
export type GuardName =
  | 'move-allowed'
  | 'resumes-where-it-paused'
  | 'contract-recorded'
  | 'uploaded-items-accepted'
  | 'required-items-accepted'
  | 'submission-date-valid'
  | 'correction-items-named'
  | 'correction-date-valid'
  | 'corrected-items-accepted'
  | 'acceptance-recorded'
  | 'licence-number-fits'
  | 'issue-dates-valid';

export interface TransitionInput {
  application: ApplicationFacts;
  materials: readonly MaterialStatus[];
  to: ApplicationState;
  details: MoveDetails;
  /** Today in China time; no date recorded on a move may be later. */
  today: IsoDate;
}

/** What the application's record becomes after an allowed move. */
export interface TransitionResult {
  state: ApplicationState;
  heldFrom: ApplicationState | null;
  /** Licence expiry for `issued`: as given, else five years after issue. */
  expiresOn?: IsoDate;
}

export type TransitionCheck = { ok: true; result: TransitionResult } | { ok: false; guard: GuardName; reason: LocalizedText };

/** The moves out of each state (on_hold also resumes to the state it left). */
const moves: Record<ApplicationState, readonly ApplicationState[]> = {
  draft: ['collecting', 'withdrawn', 'on_hold'],
  collecting: ['drafting', 'withdrawn', 'on_hold'],
  drafting: ['submitted', 'collecting', 'withdrawn', 'on_hold'],
  submitted: ['accepted', 'correction_requested', 'rejected', 'withdrawn', 'on_hold'],
  correction_requested: ['submitted', 'rejected', 'withdrawn', 'on_hold'],
  accepted: ['issued', 'rejected', 'withdrawn', 'on_hold'],
  on_hold: ['withdrawn'],
  issued: [],
  rejected: [],
  withdrawn: [],
};

const refuse = (guard: GuardName, zh: string, en: string): TransitionCheck => ({ ok: false, guard, reason: { zh, en } });
const titleOf = (state: ApplicationState) => describeApplicationState(state).title;
const listItems = (items: readonly MaterialStatus[], lang: 'zh' | 'en') => items.map((m) => m.title[lang]).join(lang === 'zh' ? '、' : ', ');

/** Why a date field is missing, malformed, or out of order (after `notBefore`, not after today); null when fine. */
function dateProblem(field: { value: IsoDate | undefined; zh: string; en: string }, today: IsoDate, notBefore?: { value: IsoDate | null; zh: string; en: string }): LocalizedText | null {
  if (!field.value || !isIsoDate(field.value)) return { zh: `请填写${field.zh}（YYYY-MM-DD）。`, en: `Give the ${field.en} (YYYY-MM-DD).` };
  if (field.value > today) return { zh: `${field.zh}不能晚于今天（${today}）。`, en: `The ${field.en} cannot be after today (${today}).` };
  if (notBefore?.value && field.value < notBefore.value) {
    return { zh: `${field.zh}（${field.value}）不能早于${notBefore.zh}（${notBefore.value}）。`, en: `The ${field.en} (${field.value}) cannot be before the ${notBefore.en} (${notBefore.value}).` };
  }
  return null;
}

/** Materials a move still waits for: required ones not yet accepted (uploaded ones only, or all). */
function unaccepted(materials: readonly MaterialStatus[], which: 'uploaded' | 'all') {
  return materials.filter((m) => m.required && m.review !== 'accepted' && (which === 'all' || !m.generated));
}

type Guard = (input: TransitionInput) => TransitionCheck | null;

/** The guards of each target state, checked in order; the first refusal is the answer. */
const guards: Partial<Record<ApplicationState, readonly Guard[]>> = {
  collecting: [
    ({ application, details, today }) => {
      if (application.state !== 'draft') return null; // back from drafting: the contract is already on record
      const problem = dateProblem({ value: details.contractSignedOn, zh: '代办合同签订日期', en: 'contract signing date' }, today);
      if (problem) return { ok: false, guard: 'contract-recorded', reason: problem };
      const fee = details.contractFeeYuan;
      if (fee === undefined || !Number.isSafeInteger(fee) || fee < 0) return refuse('contract-recorded', '请填写代办费用（整数元，不小于0）。', 'Give the agency fee in whole yuan (0 or more).');
      return null;
    },
  ],
  drafting: [
    ({ materials }) => {
      const waiting = unaccepted(materials, 'uploaded');
      return waiting.length === 0 ? null : refuse('uploaded-items-accepted', `以下必备材料尚未审核通过：${listItems(waiting, 'zh')}。`, `These required materials are not accepted yet: ${listItems(waiting, 'en')}.`);
    },
  ],
  submitted: [
    ({ application, materials }) => {
      if (application.state === 'correction_requested') {
        const open = materials.filter((m) => application.correctionItems.includes(m.key) && m.review !== 'accepted');
        if (open.length > 0) return refuse('corrected-items-accepted', `补正材料尚未全部审核通过：${listItems(open, 'zh')}。`, `Not every corrected item is accepted yet: ${listItems(open, 'en')}.`);
        // Anything else uploaded meanwhile goes out too, so it must have been reviewed as well.
      }
      const waiting = unaccepted(materials, 'all');
      return waiting.length === 0 ? null : refuse('required-items-accepted', `提交前，以下必备材料（含系统生成的文书）须审核通过：${listItems(waiting, 'zh')}。`, `Before submitting, these required items (generated documents included) must be accepted: ${listItems(waiting, 'en')}.`);
    },
    ({ application, details, today }) => {
      if (application.state === 'correction_requested') return null;
      const problem = dateProblem({ value: details.submittedOn, zh: '提交日期', en: 'submission date' }, today, { value: application.contractSignedOn, zh: '代办合同签订日期', en: 'contract signing date' });
      return problem ? { ok: false, guard: 'submission-date-valid', reason: problem } : null;
    },
  ],
  correction_requested: [
    ({ application, materials, details, today }) => {
      const items = details.items ?? [];
      if (items.length === 0) return refuse('correction-items-named', '请列出需要补正的材料。', 'Name the items to correct.');
      const unknown = items.filter((key) => !materials.some((m) => m.key === key));
      if (unknown.length > 0) return refuse('correction-items-named', `材料清单中没有：${unknown.join('、')}。`, `Not on the checklist: ${unknown.join(', ')}.`);
      const problem = dateProblem({ value: details.requestedOn, zh: '补正通知日期', en: 'correction notice date' }, today, { value: application.submittedOn, zh: '提交日期', en: 'submission date' });
      return problem ? { ok: false, guard: 'correction-date-valid', reason: problem } : null;
    },
  ],
  accepted: [
    ({ application, details, today }) => {
      const number = details.acceptanceNo?.trim() ?? '';
      if (number === '' || number.length > 64) return refuse('acceptance-recorded', '请填写受理编号（不超过64个字符）。', 'Give the acceptance number (up to 64 characters).');
      const problem = dateProblem({ value: details.acceptedOn, zh: '受理日期', en: 'acceptance date' }, today, { value: application.submittedOn, zh: '提交日期', en: 'submission date' });
      return problem ? { ok: false, guard: 'acceptance-recorded', reason: problem } : null;
    },
  ],
  issued: [
    ({ application, details }) => {
      const misfit = licenceNumberMisfit({ licenceNumber: details.licenceNumber ?? '', scope: application.scope, serviceCode: application.serviceCode });
      return misfit ? { ok: false, guard: 'licence-number-fits', reason: { zh: misfit.zh, en: misfit.en } } : null;
    },
    ({ application, details, today }) => {
      const problem = dateProblem({ value: details.issuedOn, zh: '发证日期', en: 'issue date' }, today, { value: application.acceptedOn, zh: '受理日期', en: 'acceptance date' });
      if (problem) return { ok: false, guard: 'issue-dates-valid', reason: problem };
      const expires = details.expiresOn;
      if (expires !== undefined && (!isIsoDate(expires) || expires <= details.issuedOn!)) return refuse('issue-dates-valid', '有效期至须为发证日期之后的日期（YYYY-MM-DD）。', 'The expiry must be a date (YYYY-MM-DD) after the issue date.');
      return null;
    },
  ],
};

/**
 * Whether an application may move to `to`, and what it becomes. The main path is draft → collecting → drafting →
 * submitted → accepted → issued (the guide's five steps); submitted ↔ correction_requested is the authority's one
 * consolidated correction notice (Order 42 Art. 11); any open application can be withdrawn, paused, or (once
 * submitted) rejected; a paused one resumes only to the state it left.
 */
export function checkTransition(input: TransitionInput): TransitionCheck {
  const { application, to } = input;
  const from = application.state;
  if (from === 'on_hold' && to !== 'withdrawn') {
    if (to !== application.heldFrom) {
      const back = application.heldFrom ? titleOf(application.heldFrom) : { zh: '暂停前的状态', en: 'the state it left' };
      return refuse('resumes-where-it-paused', `暂停的申请只能恢复到“${back.zh}”。`, `A paused application resumes only to '${back.en}'.`);
    }
    return { ok: true, result: { state: to, heldFrom: null } };
  }
  if (!moves[from].includes(to)) {
    return refuse('move-allowed', `申请不能从“${titleOf(from).zh}”转为“${titleOf(to).zh}”。`, `An application cannot move from '${titleOf(from).en}' to '${titleOf(to).en}'.`);
  }
  for (const guard of guards[to] ?? []) {
    const refusal = guard(input);
    if (refusal) return refusal;
  }
  if (to === 'on_hold') return { ok: true, result: { state: to, heldFrom: from } };
  if (to === 'issued') return { ok: true, result: { state: to, heldFrom: null, expiresOn: input.details.expiresOn ?? defaultExpiresOn(input.details.issuedOn!) } };
  return { ok: true, result: { state: to, heldFrom: null } };
}

/** The states an application can be moved to from where it is (before the guards look at the details). */
export function listNextStates(application: Pick<ApplicationFacts, 'state' | 'heldFrom'>): ApplicationState[] {
  if (application.state === 'on_hold') return [...(application.heldFrom ? [application.heldFrom] : []), 'withdrawn'];
  return [...moves[application.state]];
}
