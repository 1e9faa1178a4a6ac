import { describeScope, findAuthority, listScopes, type Authority } from '../../domain/catalog/authorities.ts';
import { resolveSettings, type CatalogOverrides, type CatalogSettings } from '../../domain/catalog/catalog-overrides.ts';
import { listEligibilityCriteria } from '../../domain/catalog/eligibility-criteria.ts';
import { listMaterials } from '../../domain/catalog/materials.ts';
import { findObligationRule, obligationRules, type DueRule, type ObligationRule, type Offset as RuleOffset } from '../../domain/catalog/obligation-rules.ts';
import { findOverridableSetting, overridableSettings, type OverridableKey } from '../../domain/catalog/overridable-settings.ts';
import { listProcessStages, type SourcedDuration } from '../../domain/catalog/process-stages.ts';
import { findService, listServices, type TelecomService } from '../../domain/catalog/services.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { describeDueRule } from './describe-due-rule.ts';
import type { CatalogScope, CatalogServiceDetail, CatalogServiceSummary, EffectiveSetting, Offset } from './schemas.ts';

/** What an organisation's overrides do to the values a page shows. */
interface Applied {
  overrides: CatalogOverrides;
  settings: CatalogSettings;
}

const summaryOf = (s: TelecomService): CatalogServiceSummary => ({ code: s.code, zh: s.zh, en: s.en, class: s.class, parent: s.parent, description: s.description });

/** The 2015 catalogue's services, in catalogue order. */
export function listCatalogServices(): CatalogServiceSummary[] {
  return listServices().map(summaryOf);
}

/** Every valid licence scope (cross-regional first, then the 31 provinces) with the authority that issues it. */
export function listCatalogScopes(): CatalogScope[] {
  return listScopes().map((scope) => ({
    scope,
    kind: scope === 'cross-regional' ? 'cross-regional' : 'in-province',
    label: describeScope(scope),
    authority: findAuthority(scope)!,
  }));
}

function effectiveSetting(key: OverridableKey, applied: Applied): EffectiveSetting {
  const s = findOverridableSetting(key)!;
  return { key, title: s.title, unit: s.unit, defaultValue: s.defaultValue, value: applied.settings[key], overridden: applied.overrides[key] !== undefined };
}

function annotateOffset(offset: RuleOffset, applied: Applied): Offset {
  const key = offset.settingKey;
  if (!key) return { unit: offset.unit, value: offset.value, defaultValue: offset.value, settingKey: null, overridden: false };
  const setting = effectiveSetting(key, applied);
  return { unit: offset.unit, value: setting.value, defaultValue: setting.defaultValue, settingKey: key, overridden: setting.overridden };
}

function annotateDue(due: DueRule, applied: Applied) {
  switch (due.type) {
    case 'after-event':
      return { type: due.type, event: due.event, offset: annotateOffset(due.offset, applied) };
    case 'before-expiry':
      return { type: due.type, offset: annotateOffset(due.offset, applied), windowOpens: annotateOffset(due.windowOpens, applied) };
    case 'on-expiry':
      return { type: due.type, validity: annotateOffset(due.validity, applied) };
    case 'yearly':
      return { type: due.type, windowStart: due.windowStart, due: due.due, catchUpUntil: due.catchUpUntil ?? null };
    case 'before-operating-in-province':
      return { type: due.type, fallback: annotateOffset(due.fallback, applied) };
  }
}

function annotateDuration(d: SourcedDuration | undefined, applied: Applied) {
  if (!d) return null;
  const key = d.configurableKey ?? null;
  const defaultValue = key ? findOverridableSetting(key)!.defaultValue : d.value;
  return { ...d, defaultValue, configurableKey: key, overridden: key !== null && applied.overrides[key] !== undefined };
}

function stagesFor(scope: string, applied: Applied) {
  return listProcessStages({ scope, overrides: applied.overrides }).map((stage) => ({
    ...stage,
    duration: { regulation: annotateDuration(stage.duration.regulation, applied), practice: annotateDuration(stage.duration.practice, applied) },
  }));
}

function ruleOf(rule: ObligationRule, applied: Applied) {
  return { ...rule, due: annotateDue(rule.due, applied), dueSummary: describeDueRule(rule.due, applied.settings), consequenceSource: rule.consequenceSource ?? null };
}

/** Settings this service's page depends on: every general one, and the foreign-equity cap of this service only. */
function relevantKeys(service: TelecomService): OverridableKey[] {
  return overridableSettings.map((s) => s.key).filter((key) => !key.startsWith('eligibility.foreign-cap.') || key === `eligibility.foreign-cap.${service.code}`);
}

function authoritiesFor(): CatalogServiceDetail['authorities'] {
  const filing = findObligationRule('provincial-filing');
  return {
    inProvince: listScopes().filter((s) => s !== 'cross-regional').map((s) => findAuthority(s) as Authority),
    crossRegional: {
      authority: findAuthority('cross-regional')!,
      provincialFiling: { title: filing.title, trigger: filing.trigger, consequence: filing.consequence, source: filing.source, confidence: filing.confidence },
    },
  };
}

/**
 * Everything a service page needs: the service, authorities by scope, eligibility criteria, materials, process stages
 * and obligation rules, each with its source, and the organisation's overrides applied and flagged.
 * Throws NOT_FOUND for an unknown code.
 */
export function getCatalogService(options: { code: string; overrides?: CatalogOverrides }): CatalogServiceDetail {
  const service = findService(options.code);
  if (!service) {
    throw new AppError('NOT_FOUND', {
      zh: `《电信业务分类目录》中没有业务代码“${options.code}”；可用代码见 GET /api/catalog/services`,
      en: `No service with code '${options.code}' in the telecom service catalogue; GET /api/catalog/services lists them`,
    });
  }
  const overrides = options.overrides ?? {};
  const applied: Applied = { overrides, settings: resolveSettings(overrides) };
  const keys = relevantKeys(service);
  return {
    service: { ...summaryOf(service), scopeKeywords: service.scopeKeywords, source: service.source, confidence: service.confidence },
    authorities: authoritiesFor(),
    // Requirements state the organisation's values; `setting` says whether each differs from the default.
    eligibility: listEligibilityCriteria({ service: service.code, settings: applied.settings }).map((c) => ({
      key: c.key, level: c.level, title: c.title, requirement: c.requirement, setting: c.settingKey ? effectiveSetting(c.settingKey, applied) : null, source: c.source, confidence: c.confidence,
    })),
    materials: listMaterials(service.code).map(({ services: _services, ...m }) => m),
    // Stages differ only between in-province and cross-regional, so any province stands for all of them.
    processStages: { inProvince: stagesFor('BJ', applied), crossRegional: stagesFor('cross-regional', applied) },
    obligationRules: obligationRules.map((r) => ruleOf(r, applied)),
    settings: keys.map((key) => effectiveSetting(key, applied)),
    overriddenKeys: keys.filter((key) => overrides[key] !== undefined),
  };
}
