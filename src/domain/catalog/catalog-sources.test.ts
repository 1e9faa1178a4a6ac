import { describe, expect, it } from 'vitest';
import { usccDepartments } from '../identifiers/uscc-departments.ts';
import { findAuthority, listScopes } from './authorities.ts';
import { eligibilityCriteria } from './eligibility-criteria.ts';
import { materials } from './materials.ts';
import { obligationRules } from './obligation-rules.ts';
import { overridableSettings } from './overridable-settings.ts';
import { listProcessStages } from './process-stages.ts';
import { listServices } from './services.ts';
import type { Confidence, Source } from './source.ts';

const kinds = ['regulation', 'notice', 'guide', 'practice'];
const confidences: Confidence[] = ['H', 'M', 'L'];

function expectSourced(name: string, item: { source: Source; confidence?: Confidence }) {
  expect(kinds, `${name}: source kind`).toContain(item.source.kind);
  expect(item.source.ref.trim(), `${name}: source ref`).not.toBe('');
  if (item.confidence !== undefined) expect(confidences, `${name}: confidence`).toContain(item.confidence);
}

describe('every rule carries its source and confidence', () => {
  it('services', () => listServices().forEach((s) => expectSourced(s.code, s)));
  it('eligibility criteria', () => eligibilityCriteria.forEach((c) => expectSourced(c.key, c)));
  it('materials', () => materials.forEach((m) => expectSourced(m.key, m)));
  it('obligation rules, and their consequence sources', () => obligationRules.forEach((r) => {
    expectSourced(r.kind, r);
    if (r.consequenceSource) expectSourced(`${r.kind} consequence`, { source: r.consequenceSource });
  }));
  it('overridable settings', () => overridableSettings.forEach((s) => expectSourced(s.key, s)));
  it('authorities', () => listScopes().forEach((scope) => expectSourced(scope, findAuthority(scope)!)));
  it('process stages and each of their durations, for both kinds of scope', () => {
    for (const scope of ['cross-regional', 'BJ']) {
      for (const stage of listProcessStages({ scope })) {
        expectSourced(stage.key, stage);
        for (const duration of Object.values(stage.duration)) expectSourced(`${stage.key} duration`, duration);
      }
    }
  });
  it('USCC registering departments have a basis and confidence', () => usccDepartments.forEach((d) => {
    expect(d.basis).toMatch(/GB 32100-2015|later-assignment/);
    expect(confidences).toContain(d.confidence);
  }));
});
