import type { AppContext } from '../../app-context.ts';
import type { LocalizedText } from '../../domain/calendar/types.ts';
import { resolveSettings, type CatalogOverrides } from '../../domain/catalog/catalog-overrides.ts';
import type { OverridableKey } from '../../domain/catalog/overridable-settings.ts';
import { checkEligibility } from '../../domain/catalog/check-eligibility.ts';
import type { CriterionKey } from '../../domain/catalog/eligibility-criteria.ts';
import type { CompanyDeclarations, EligibilityRow } from '../../domain/catalog/eligibility-types.ts';
import { invalidFields, notFound } from '../../platform/errors/app-error.ts';
import { scopeOf, type Actor } from '../access/actor.ts';
import { requireScope, requireService } from '../catalog/require-catalog-input.ts';
import { findClient, toClient } from '../clients/repository.ts';
import { loadRuleOverrides } from '../settings/load-rule-overrides.ts';
import type { CompanyInput, EligibilityRequest, EligibilityResult } from './schemas.ts';

/** Company facts as known; null means not known. */
interface KnownFacts {
  registeredCapital: number | null;
  businessScope: string | null;
  foreignSharePercent: number | null;
  province: string | null;
  declarations: CompanyDeclarations;
}

type FactField = Exclude<keyof KnownFacts, 'declarations'>;

/** The criterion each fact decides, and how to name the fact when it is missing. */
const factCriteria: Record<FactField, { key: CriterionKey; label: LocalizedText }> = {
  registeredCapital: { key: 'registered-capital', label: { zh: '注册资本', en: 'Registered capital' } },
  businessScope: { key: 'business-scope', label: { zh: '经营范围', en: 'Business scope' } },
  foreignSharePercent: { key: 'foreign-share', label: { zh: '外资股比', en: 'Foreign share' } },
  province: { key: 'registration-province', label: { zh: '注册地省份', en: 'Province of registration' } },
};

function unknownRow(row: EligibilityRow, options: { label: LocalizedText; setUnknown: boolean }): EligibilityRow {
  const { label } = options;
  const explanation = options.setUnknown
    ? { zh: `${label.zh}已标为未知（不采用客户档案中的值），无法判断。`, en: `${label.en} was marked unknown (the client record’s value is not used), so this cannot be decided.` }
    : { zh: `未提供${label.zh}（客户档案中也没有），无法判断。`, en: `${label.en} was not given (nor is it in the client record), so this cannot be decided.` };
  return { ...row, result: 'unknown', explanation };
}

/**
 * Checks a company against a service's criteria with the organisation's overrides. Facts that are not known (e.g. a
 * client record without registered capital) make the criteria they decide `unknown`, never a pass or a fail.
 */
export function evaluateEligibility(options: {
  service: string;
  scope: string;
  facts: KnownFacts;
  overrides?: CatalogOverrides;
  clientId?: string | null;
  /** Facts the caller sent as null, overriding the client record. */
  setUnknown?: FactField[];
}): EligibilityResult {
  const service = requireService('service', options.service);
  const scope = requireScope('scope', options.scope);
  const { facts } = options;
  const result = checkEligibility(
    { registeredCapital: facts.registeredCapital ?? 0, businessScope: facts.businessScope ?? '', foreignSharePercent: facts.foreignSharePercent ?? 0, province: facts.province ?? '', declarations: facts.declarations },
    { service: service.code, scope, overrides: options.overrides },
  );
  const missing = (Object.keys(factCriteria) as FactField[]).filter((f) => facts[f] === null);
  // A cross-regional licence does not depend on where the company is registered.
  const decides = (f: FactField) => !(f === 'province' && scope === 'cross-regional');
  const uncapped = resolveSettings(options.overrides)[`eligibility.foreign-cap.${service.code}` as OverridableKey] >= 100;
  const rows = result.rows.map((row) => {
    const fact = missing.find((f) => factCriteria[f].key === row.key && decides(f));
    if (!fact) return row;
    // With no cap, any share passes, so an unknown share decides nothing.
    if (fact === 'foreignSharePercent' && uncapped) return { ...row, explanation: { zh: `${service.zh}不设外资股比上限。`, en: `${service.en} has no foreign-equity cap.` } };
    return unknownRow(row, { label: factCriteria[fact].label, setUnknown: options.setUnknown?.includes(fact) ?? false });
  });
  return {
    service: service.code,
    scope,
    clientId: options.clientId ?? null,
    company: facts,
    eligible: !rows.some((r) => r.level === 'block' && r.result === 'fail'),
    hasUnknowns: rows.some((r) => r.result === 'unknown'),
    rows,
  };
}

const required: FactField[] = ['registeredCapital', 'businessScope', 'foreignSharePercent', 'province'];

/** Facts from a company typed in full (no client record): every core field is required, named when missing. */
export function factsFromCompany(company: CompanyInput | undefined): KnownFacts {
  if (!company) throw invalidFields([{ field: 'company', code: 'REQUIRED', message: { zh: '请提供 company，或用 clientId 从客户档案预填', en: 'is required: send company, or clientId to prefill from a client company' } }]);
  const absent = required.filter((f) => company[f] === undefined || company[f] === null);
  if (absent.length > 0) throw invalidFields(absent.map((f) => ({ field: `company.${f}`, code: 'REQUIRED', message: { zh: '必填', en: 'is required' } })));
  return { registeredCapital: company.registeredCapital!, businessScope: company.businessScope!, foreignSharePercent: company.foreignSharePercent!, province: company.province!, declarations: declarationsOf(company) };
}

/** Facts for a client company: a given field replaces the record's, and null marks it unknown whatever the record says. */
function factsFromClient(client: Pick<KnownFacts, FactField> & { businessScope: string }, given: CompanyInput): KnownFacts {
  const pick = <K extends FactField>(field: K, recorded: KnownFacts[K]): KnownFacts[K] => (given[field] === undefined ? recorded : (given[field] as KnownFacts[K]));
  return {
    registeredCapital: pick('registeredCapital', client.registeredCapital),
    businessScope: pick('businessScope', client.businessScope.trim() === '' ? null : client.businessScope),
    foreignSharePercent: pick('foreignSharePercent', client.foreignSharePercent),
    province: pick('province', client.province),
    declarations: declarationsOf(given),
  };
}

/** Declarations without the fields sent as null (not declared). */
function declarationsOf(company: CompanyInput): CompanyDeclarations {
  return Object.fromEntries(Object.entries(company.declarations ?? {}).filter(([, value]) => value !== null)) as CompanyDeclarations;
}

/** Checks eligibility for a company typed in, or for a client company of the caller's organisation (tenant-scoped). */
export async function checkEligibilityFor(ctx: AppContext, actor: Actor, input: EligibilityRequest): Promise<EligibilityResult> {
  requireService('service', input.service);
  requireScope('scope', input.scope);
  let facts: KnownFacts;
  const given = input.company ?? {};
  if (input.clientId) {
    const row = await findClient(ctx.db, scopeOf(actor), input.clientId);
    if (!row) throw notFound({ zh: '客户', en: 'Client company' });
    facts = factsFromClient(toClient(row), given);
  } else {
    facts = factsFromCompany(input.company);
  }
  const overrides = await loadRuleOverrides(ctx.db, actor.orgId);
  const setUnknown = required.filter((f) => given[f] === null);
  return evaluateEligibility({ service: input.service, scope: input.scope, facts, overrides, clientId: input.clientId ?? null, setUnknown });
}
