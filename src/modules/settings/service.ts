import { refreshAllObligations } from '../obligations/refresh.ts';
import type { AppContext } from '../../app-context.ts';
import { refreshOpenDueDates } from '../applications/due-dates.ts';
import { validateOverrides, type CatalogOverrides, type OverrideError } from '../../domain/catalog/catalog-overrides.ts';
import { overridableSettings } from '../../domain/catalog/overridable-settings.ts';
import { AppError, versionConflict, type Bilingual, type FieldIssue } from '../../platform/errors/app-error.ts';
import type { Actor } from '../access/actor.ts';
import { recordAudit, type FieldChanges } from '../audit/record-audit.ts';
import { loadRuleOverrides } from './load-rule-overrides.ts';
import * as repo from './repository.ts';
import type { RuleOverridesUpdate, RuleSetting } from './schemas.ts';

const rulesEntity: Bilingual = { zh: '规则配置', en: 'The rule settings' };

/** Every overridable rule value, with its default, bounds and source, the organisation's value (null: default), and the version to send back with a change. */
export async function listRuleSettings(ctx: AppContext, actor: Pick<Actor, 'orgId'>): Promise<{ items: RuleSetting[]; version: number }> {
  const [overrides, version] = await Promise.all([loadRuleOverrides(ctx.db, actor.orgId), repo.findSettingsVersion(ctx.db, actor.orgId)]);
  const items = overridableSettings.map((s) => ({
    key: s.key,
    title: s.title,
    unit: s.unit,
    defaultValue: s.defaultValue,
    min: s.min,
    max: s.max,
    source: s.source,
    confidence: s.confidence,
    value: overrides[s.key] ?? null,
  }));
  return { items, version };
}

// The staff minimums are checked together; name the one the caller changed, so the form marks the right field.
function keyAtFault(error: OverrideError, sent: string[]): string {
  if (error.code !== 'inconsistent' || sent.includes(error.key)) return error.key;
  return sent.find((k) => k === 'eligibility.staff.minimum') ?? error.key;
}

function overrideIssues(errors: OverrideError[], sent: string[]): AppError {
  const issues: FieldIssue[] = errors.map((e) => ({ field: `overrides.${keyAtFault(e, sent)}`, code: e.code.toUpperCase().replace(/-/g, '_'), message: { zh: e.zh, en: e.en } }));
  const key = keyAtFault(errors[0], sent);
  return new AppError('VALIDATION_FAILED', { zh: `规则配置 ${key}：${errors[0].zh}`, en: `Rule setting ${key}: ${errors[0].en}` }, issues);
}

/** The overrides after applying a change: a number sets a key, null removes it (back to the default). */
function applyChange(current: CatalogOverrides, change: RuleOverridesUpdate['overrides']): Record<string, unknown> {
  const next: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(change)) {
    if (value === null) delete next[key];
    else if (value !== undefined) next[key] = value;
  }
  return next;
}

function diffOverrides(before: CatalogOverrides, after: CatalogOverrides): FieldChanges {
  const changes: FieldChanges = {};
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]) as Set<keyof CatalogOverrides>;
  for (const key of keys) {
    const from = before[key] ?? null;
    const to = after[key] ?? null;
    if (from !== to) changes[key] = { from, to };
  }
  return changes;
}

/**
 * Changes some of the organisation's rule overrides (owner/admin). Every value is checked (known key, whole number in
 * bounds, consistent with the others) before anything is written; the change is audited with each key's before/after.
 */
export async function updateRuleOverrides(ctx: AppContext, actor: Actor, input: RuleOverridesUpdate): Promise<{ items: RuleSetting[]; version: number }> {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await loadRuleOverrides(trx, actor.orgId);
    const checked = validateOverrides(applyChange(before, input.overrides));
    if (!checked.ok) throw overrideIssues(checked.errors, Object.keys(input.overrides));
    const changes = diffOverrides(before, checked.overrides);
    const keys = Object.keys(changes);
    // Nothing changes: no new version, so nobody else's next save is refused for it (a stale caller still hears so).
    if (keys.length === 0) {
      const current = await repo.findSettingsVersion(trx, actor.orgId);
      if (current !== input.version) throw versionConflict(rulesEntity, current);
      return;
    }
    // Moving to the next version only from the one the caller read serialises writers: of two, one gets 409 (the
    // UPDATE waits for the other's lock and then matches no row), and its changes, read before, are never written.
    if (!(await repo.bumpSettingsVersion(trx, { orgId: actor.orgId, version: input.version }))) {
      throw versionConflict(rulesEntity, await repo.findSettingsVersion(trx, actor.orgId));
    }
    const now = ctx.clock.now();
    for (const key of keys) {
      const value = checked.overrides[key as keyof CatalogOverrides];
      if (value === undefined) await repo.deleteOrgSetting(trx, { orgId: actor.orgId, key });
      else await repo.upsertOrgSetting(trx, { orgId: actor.orgId, key, value: JSON.stringify(value), updatedBy: actor.userId || null, updatedAt: now });
    }
    const list = (lang: 'zh' | 'en') => keys.map((k) => `${k} ${changes[k].from ?? (lang === 'zh' ? '默认' : 'default')} → ${changes[k].to ?? (lang === 'zh' ? '默认' : 'default')}`).join(lang === 'zh' ? '；' : '; ');
    // The organisation's stage figures move its applications' expected dates: their due dates follow in this transaction.
    await refreshOpenDueDates(ctx, trx, { orgId: actor.orgId });
    // And its licences' obligations (dates counted with its figures), in this transaction too.
    await refreshAllObligations(ctx, trx, { orgId: actor.orgId });
    await recordAudit(trx, { actor, clock: ctx.clock, action: 'settings.rules.update', entityType: 'org-settings', entityId: actor.orgId, summary: { zh: `修改规则配置：${list('zh')}`, en: `Updated rule settings: ${list('en')}` }, changes });
  });
  return listRuleSettings(ctx, actor);
}
