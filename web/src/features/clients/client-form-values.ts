import type { Client, CreateClientBody, ProvinceCode, UpdateClientBody } from './hooks/use-clients';

/** What the client form edits; optional numbers are null when empty. */
export interface ClientFormValues {
  name: string;
  uscc: string;
  legalRepresentative?: string;
  registeredCapital?: number | null;
  businessScope?: string;
  province?: ProvinceCode | null;
  address?: string;
  contactName?: string;
  contactPhone?: string;
  contactEmail?: string;
  foreignSharePercent?: number | null;
  notes?: string;
}

const textFields = ['legalRepresentative', 'businessScope', 'address', 'contactName', 'contactPhone', 'contactEmail', 'notes'] as const;
const nullableFields = ['registeredCapital', 'province', 'foreignSharePercent'] as const;

/** Form fields in display order; server field names are the same. */
export const clientFieldNames = ['name', 'uscc', ...textFields, ...nullableFields] as const;

export function toFormValues(client: Client): ClientFormValues {
  return {
    name: client.name,
    uscc: client.uscc,
    legalRepresentative: client.legalRepresentative ?? '',
    registeredCapital: client.registeredCapital ?? null,
    businessScope: client.businessScope ?? '',
    province: (client.province as ProvinceCode | null) ?? null,
    address: client.address ?? '',
    contactName: client.contactName ?? '',
    contactPhone: client.contactPhone ?? '',
    contactEmail: client.contactEmail ?? '',
    foreignSharePercent: client.foreignSharePercent ?? null,
    notes: client.notes ?? '',
  };
}

function text(value: string | undefined): string {
  return (value ?? '').trim();
}

/** New client: empty optional fields are left out, so the server applies its defaults. */
export function toCreateBody(values: ClientFormValues, usccOverride: boolean): CreateClientBody {
  const body: CreateClientBody = { name: text(values.name), uscc: text(values.uscc) };
  for (const field of textFields) {
    const value = text(values[field]);
    if (value) body[field] = value;
  }
  if (values.registeredCapital != null) body.registeredCapital = values.registeredCapital;
  if (values.foreignSharePercent != null) body.foreignSharePercent = values.foreignSharePercent;
  if (values.province) body.province = values.province;
  if (usccOverride) body.usccOverride = true;
  return body;
}

/** Edit: the version it was based on and only the fields that changed; a cleared text becomes '' and a cleared number or province null. */
export function toUpdateBody(values: ClientFormValues, original: Client, usccOverride: boolean): UpdateClientBody {
  const before = toFormValues(original);
  const body: UpdateClientBody = { version: original.version };
  if (text(values.name) !== before.name) body.name = text(values.name);
  if (text(values.uscc) !== before.uscc) body.uscc = text(values.uscc);
  for (const field of textFields) {
    const value = text(values[field]);
    if (value !== before[field]) body[field] = value;
  }
  for (const field of nullableFields) {
    const value = values[field] ?? null;
    if (value !== before[field]) Object.assign(body, { [field]: value });
  }
  if (usccOverride) body.usccOverride = true;
  return body;
}
