import type { FieldIssue } from '../../app/api-error';
import type { IssuePlacement } from '../../app/form-errors';
import type { Client } from '../clients/hooks/use-clients';
import type { EligibilityBody } from './hooks/use-catalog';

/** A declaration is yes, no, or not declared (which the server reports as unknown, never as a pass). */
export type Declared = 'yes' | 'no' | 'unknown';

export interface EligibilityValues {
  service?: string;
  scope?: string;
  clientId?: string;
  registeredCapital?: number | null;
  businessScope?: string;
  foreignSharePercent?: number | null;
  province?: string | null;
  notDishonest?: Declared;
  staffCount?: number | null;
  socialInsuranceStaffCount?: number | null;
  hasEquipmentEvidence?: Declared;
  hasPremises?: Declared;
  hasTrunkLines?: Declared;
}

export const declarationFields = ['notDishonest', 'hasEquipmentEvidence', 'hasPremises', 'hasTrunkLines'] as const;

type Company = NonNullable<EligibilityBody['company']>;
type Declarations = NonNullable<Company['declarations']>;
type Province = NonNullable<Company['province']>;

function declared(value: Declared | undefined): boolean | undefined {
  return value === 'yes' ? true : value === 'no' ? false : undefined;
}

/** Only what the user filled in is sent; with a client, the rest comes from the client record (or stays unknown). */
export function toEligibilityBody(values: EligibilityValues): EligibilityBody {
  const company: Company = {};
  if (values.registeredCapital != null) company.registeredCapital = values.registeredCapital;
  if (values.businessScope?.trim()) company.businessScope = values.businessScope.trim();
  if (values.foreignSharePercent != null) company.foreignSharePercent = values.foreignSharePercent;
  if (values.province) company.province = values.province as Province;
  const declarations: Declarations = {};
  for (const field of declarationFields) {
    const value = declared(values[field]);
    if (value !== undefined) declarations[field] = value;
  }
  if (values.staffCount != null) declarations.staffCount = values.staffCount;
  if (values.socialInsuranceStaffCount != null) declarations.socialInsuranceStaffCount = values.socialInsuranceStaffCount;
  if (Object.keys(declarations).length > 0) company.declarations = declarations;
  return {
    service: values.service as EligibilityBody['service'],
    scope: values.scope as EligibilityBody['scope'],
    ...(values.clientId ? { clientId: values.clientId } : {}),
    ...(Object.keys(company).length > 0 ? { company } : {}),
  };
}

/** The client record's facts, as form values. */
export function valuesFromClient(client: Client): Partial<EligibilityValues> {
  return {
    registeredCapital: client.registeredCapital ?? null,
    businessScope: client.businessScope ?? '',
    foreignSharePercent: client.foreignSharePercent ?? null,
    province: client.province ?? null,
  };
}

/** `company.declarations.staffCount` → staffCount; `company.registeredCapital` → registeredCapital. */
export function placeEligibilityIssue(issue: FieldIssue): IssuePlacement {
  const name = issue.field.replace(/^company\.(declarations\.)?/, '');
  const known = ['service', 'scope', 'clientId', 'registeredCapital', 'businessScope', 'foreignSharePercent', 'province', 'staffCount', 'socialInsuranceStaffCount', ...declarationFields];
  return known.includes(name) ? { name } : null;
}
