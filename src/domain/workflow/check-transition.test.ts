import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applicationStates, describeApplicationState, type ApplicationState } from './application-states.ts';
import { checkTransition, listNextStates, type ApplicationFacts, type GuardName, type MaterialStatus, type MoveDetails } from './check-transition.ts';

const today = '2026-11-30';
const item = (key: string, review: MaterialStatus['review'], options: { required?: boolean; generated?: boolean } = {}): MaterialStatus => ({
  key, title: { zh: `材料${key}`, en: `item ${key}` }, required: options.required ?? true, generated: options.generated ?? false, review,
});
const allAccepted = [item('licence', 'accepted'), item('letter', 'accepted', { generated: true }), item('extra', 'missing', { required: false })];

function facts(state: ApplicationState, more: Partial<ApplicationFacts> = {}): ApplicationFacts {
  return { state, heldFrom: null, scope: 'BJ', serviceCode: 'B24-1', contractSignedOn: '2026-09-01', submittedOn: '2026-10-08', acceptedOn: '2026-10-12', correctionItems: [], ...more };
}

type Row = [name: string, from: ApplicationFacts, to: ApplicationState, details: MoveDetails, materials: MaterialStatus[], expected: GuardName | 'ok'];

// Each row is one move a user would try, with the guard that should refuse it (or 'ok').
const rows: Row[] = [
  ['contract recorded opens collecting', facts('draft'), 'collecting', { contractSignedOn: '2026-09-01', contractFeeYuan: 30000 }, [], 'ok'],
  ['no contract date', facts('draft'), 'collecting', { contractFeeYuan: 30000 }, [], 'contract-recorded'],
  ['contract dated tomorrow', facts('draft'), 'collecting', { contractSignedOn: '2026-12-01', contractFeeYuan: 1 }, [], 'contract-recorded'],
  ['fee with fen', facts('draft'), 'collecting', { contractSignedOn: '2026-09-01', contractFeeYuan: 10.5 }, [], 'contract-recorded'],
  ['negative fee', facts('draft'), 'collecting', { contractSignedOn: '2026-09-01', contractFeeYuan: -1 }, [], 'contract-recorded'],
  ['skipping to submitted', facts('draft'), 'submitted', { submittedOn: '2026-10-08' }, allAccepted, 'move-allowed'],
  ['an uploaded item still pending', facts('collecting'), 'drafting', {}, [item('licence', 'pending'), item('letter', 'missing', { generated: true })], 'uploaded-items-accepted'],
  ['uploaded items accepted, generated ones not yet', facts('collecting'), 'drafting', {}, [item('licence', 'accepted'), item('letter', 'missing', { generated: true })], 'ok'],
  ['optional item missing does not block', facts('collecting'), 'drafting', {}, allAccepted, 'ok'],
  ['back to collecting from drafting', facts('drafting'), 'collecting', {}, [], 'ok'],
  ['a generated item not accepted', facts('drafting'), 'submitted', { submittedOn: '2026-10-08' }, [item('licence', 'accepted'), item('letter', 'pending', { generated: true })], 'required-items-accepted'],
  ['submitted with everything accepted', facts('drafting'), 'submitted', { submittedOn: '2026-10-08' }, allAccepted, 'ok'],
  ['submitted before the contract', facts('drafting'), 'submitted', { submittedOn: '2026-08-01' }, allAccepted, 'submission-date-valid'],
  ['submission date malformed', facts('drafting'), 'submitted', { submittedOn: '2026-13-01' }, allAccepted, 'submission-date-valid'],
  ['correction names items', facts('submitted'), 'correction_requested', { requestedOn: '2026-10-10', items: ['licence'] }, allAccepted, 'ok'],
  ['correction names nothing', facts('submitted'), 'correction_requested', { requestedOn: '2026-10-10', items: [] }, allAccepted, 'correction-items-named'],
  ['correction names an unknown item', facts('submitted'), 'correction_requested', { requestedOn: '2026-10-10', items: ['passport'] }, allAccepted, 'correction-items-named'],
  ['correction dated before submission', facts('submitted'), 'correction_requested', { requestedOn: '2026-10-01', items: ['licence'] }, allAccepted, 'correction-date-valid'],
  ['corrected item re-uploaded, not reviewed', facts('correction_requested', { correctionItems: ['licence'] }), 'submitted', {}, [item('licence', 'pending'), item('letter', 'accepted')], 'corrected-items-accepted'],
  ['corrected item accepted again', facts('correction_requested', { correctionItems: ['licence'] }), 'submitted', {}, [item('licence', 'accepted'), item('letter', 'accepted')], 'ok'],
  ['another item re-uploaded meanwhile, not reviewed', facts('correction_requested', { correctionItems: ['licence'] }), 'submitted', {}, [item('licence', 'accepted'), item('letter', 'pending', { generated: true })], 'required-items-accepted'],
  ['acceptance recorded', facts('submitted'), 'accepted', { acceptanceNo: 'A2026-118', acceptedOn: '2026-10-12' }, allAccepted, 'ok'],
  ['acceptance without a number', facts('submitted'), 'accepted', { acceptanceNo: '  ', acceptedOn: '2026-10-12' }, allAccepted, 'acceptance-recorded'],
  ['acceptance before submission', facts('submitted'), 'accepted', { acceptanceNo: 'A1', acceptedOn: '2026-10-01' }, allAccepted, 'acceptance-recorded'],
  ['issued with a Beijing number', facts('accepted'), 'issued', { licenceNumber: '京B2-20261234', issuedOn: '2026-11-20' }, allAccepted, 'ok'],
  ['Beijing application, Shanghai number', facts('accepted'), 'issued', { licenceNumber: '沪B2-20261234', issuedOn: '2026-11-20' }, allAccepted, 'licence-number-fits'],
  ['in-province application, MIIT number', facts('accepted'), 'issued', { licenceNumber: 'B2-20261234', issuedOn: '2026-11-20' }, allAccepted, 'licence-number-fits'],
  ['cross-regional with MIIT number', facts('accepted', { scope: 'cross-regional' }), 'issued', { licenceNumber: 'B2-20261234', issuedOn: '2026-11-20' }, allAccepted, 'ok'],
  ['cross-regional with a province number', facts('accepted', { scope: 'cross-regional' }), 'issued', { licenceNumber: '京B2-20261234', issuedOn: '2026-11-20' }, allAccepted, 'licence-number-fits'],
  ['class 2 service, B1-only number', facts('accepted'), 'issued', { licenceNumber: '京B1-20261234', issuedOn: '2026-11-20' }, allAccepted, 'licence-number-fits'],
  ['an ICP filing number', facts('accepted'), 'issued', { licenceNumber: '京ICP备12345678号-1', issuedOn: '2026-11-20' }, allAccepted, 'licence-number-fits'],
  ['issued before acceptance', facts('accepted'), 'issued', { licenceNumber: '京B2-20261234', issuedOn: '2026-10-01' }, allAccepted, 'issue-dates-valid'],
  ['expiry before issue', facts('accepted'), 'issued', { licenceNumber: '京B2-20261234', issuedOn: '2026-11-20', expiresOn: '2026-11-19' }, allAccepted, 'issue-dates-valid'],
  ['rejected after submission', facts('submitted'), 'rejected', {}, allAccepted, 'ok'],
  ['rejected before submission', facts('collecting'), 'rejected', {}, allAccepted, 'move-allowed'],
  ['withdrawn from a draft', facts('draft'), 'withdrawn', {}, [], 'ok'],
  ['nothing leaves issued', facts('issued'), 'withdrawn', {}, [], 'move-allowed'],
  ['paused', facts('drafting'), 'on_hold', {}, [], 'ok'],
  ['resumed where it paused', facts('on_hold', { heldFrom: 'drafting' }), 'drafting', {}, [], 'ok'],
  ['resumed elsewhere', facts('on_hold', { heldFrom: 'drafting' }), 'submitted', { submittedOn: '2026-10-08' }, allAccepted, 'resumes-where-it-paused'],
  ['withdrawn while paused', facts('on_hold', { heldFrom: 'drafting' }), 'withdrawn', {}, [], 'ok'],
];

describe('checkTransition', () => {
  it.each(rows)('%s', (_name, application, to, details, materials, expected) => {
    const check = checkTransition({ application, to, details, materials, today });
    if (expected === 'ok') expect(check).toMatchObject({ ok: true, result: { state: to } });
    else {
      expect(check).toMatchObject({ ok: false, guard: expected });
      if (!check.ok) expect(check.reason.zh.length > 0 && check.reason.en.length > 0).toBe(true);
    }
  });

  it('names what is missing in the refusal', () => {
    const check = checkTransition({ application: facts('collecting'), to: 'drafting', details: {}, materials: [item('licence', 'rejected'), item('id-card', 'missing')], today });
    expect(check.ok).toBe(false);
    if (!check.ok) {
      expect(check.reason.zh).toContain('材料licence');
      expect(check.reason.en).toContain('item id-card');
    }
  });

  it('pauses remembering the state, and issues with a five-year expiry unless one is given', () => {
    expect(checkTransition({ application: facts('accepted'), to: 'on_hold', details: {}, materials: [], today })).toEqual({ ok: true, result: { state: 'on_hold', heldFrom: 'accepted' } });
    const early = facts('accepted', { contractSignedOn: '2025-10-01', submittedOn: '2025-11-03', acceptedOn: '2025-11-10' });
    const issued = checkTransition({ application: early, to: 'issued', details: { licenceNumber: '京B2-20261234', issuedOn: '2026-02-28' }, materials: [], today });
    expect(issued).toEqual({ ok: true, result: { state: 'issued', heldFrom: null, expiresOn: '2031-02-28' } });
    const printed = checkTransition({ application: early, to: 'issued', details: { licenceNumber: '京B2-20261234', issuedOn: '2026-02-28', expiresOn: '2031-02-27' }, materials: [], today });
    expect(printed).toMatchObject({ ok: true, result: { expiresOn: '2031-02-27' } });
  });

  it('allows exactly the moves listNextStates offers (guards aside), from every state', () => {
    fc.assert(
      fc.property(fc.constantFrom(...applicationStates), fc.constantFrom(...applicationStates), fc.constantFrom(...applicationStates), (from, to, heldFrom) => {
        const application = facts(from, { heldFrom: from === 'on_hold' ? heldFrom : null });
        const check = checkTransition({ application, to, details: {}, materials: [], today });
        const offered = listNextStates(application).includes(to);
        const refusedAsIllegal = !check.ok && (check.guard === 'move-allowed' || check.guard === 'resumes-where-it-paused');
        expect(refusedAsIllegal).toBe(!offered);
        if (describeApplicationState(from).terminal) expect(offered).toBe(false);
      }),
    );
  });
});
