import type { LocalizedText } from '../calendar/types.ts';
import type { Source } from '../catalog/source.ts';
import { guide } from '../catalog/sources.ts';

/** Every state an application can be in: the main path, the correction loop, the three ends, and a pause. */
export const applicationStates = ['draft', 'collecting', 'drafting', 'submitted', 'correction_requested', 'accepted', 'issued', 'rejected', 'withdrawn', 'on_hold'] as const;

export type ApplicationState = (typeof applicationStates)[number];

export interface ApplicationStateInfo {
  state: ApplicationState;
  title: LocalizedText;
  /** Which of the guide's five steps the state belongs to; null for the ends off the main path and the pause. */
  step: 1 | 2 | 3 | 4 | 5 | null;
  /** No move leaves it. */
  terminal: boolean;
  source: Source;
}

const step = (n: number): Source => guide(`办理流程第${n}步`);

const info: Record<ApplicationState, Omit<ApplicationStateInfo, 'state'>> = {
  draft: { step: 1, terminal: false, source: step(1), title: { zh: '草稿（待签代办合同）', en: 'Draft (contract to sign)' } },
  collecting: { step: 2, terminal: false, source: step(2), title: { zh: '准备材料', en: 'Collecting materials' } },
  drafting: { step: 3, terminal: false, source: step(3), title: { zh: '撰写申请', en: 'Drafting the application' } },
  submitted: { step: 4, terminal: false, source: step(4), title: { zh: '已提交', en: 'Submitted' } },
  correction_requested: { step: 4, terminal: false, source: step(4), title: { zh: '待补正', en: 'Correction requested' } },
  accepted: { step: 4, terminal: false, source: step(4), title: { zh: '已受理', en: 'Accepted' } },
  issued: { step: 5, terminal: true, source: step(5), title: { zh: '已发证', en: 'Licence issued' } },
  rejected: { step: null, terminal: true, source: step(4), title: { zh: '不予批准', en: 'Rejected' } },
  withdrawn: { step: null, terminal: true, source: step(4), title: { zh: '已撤回', en: 'Withdrawn' } },
  on_hold: { step: null, terminal: false, source: step(2), title: { zh: '已暂停', en: 'On hold' } },
};

/** A state's title, step and whether it ends the application. */
export function describeApplicationState(state: ApplicationState): ApplicationStateInfo {
  return { state, ...info[state] };
}

export function isApplicationState(value: unknown): value is ApplicationState {
  return typeof value === 'string' && (applicationStates as readonly string[]).includes(value);
}
