import { validateUscc } from '../identifiers/validate-uscc.ts';
import type { CellValue } from './cell-value.ts';
import { clientImportFields as f, type ClientFieldKey } from './client-import-fields.ts';
import { createRowFieldReader, type ImportRowError } from './read-row-fields.ts';

/**
 * A client company read from a row, in the shape of the API's ClientCreate. A field whose cell was blank is left
 * out (not given), so an import may leave stored values alone; `usccOverride` is present only for an accepted code
 * whose check character fails.
 */
export interface ClientImport {
  name: string;
  uscc: string;
  legalRepresentative?: string;
  /** Integer yuan. */
  registeredCapital?: number;
  businessScope?: string;
  /** Province code (BJ, GD, …). */
  province?: string;
  address?: string;
  contactName?: string;
  contactPhone?: string;
  contactEmail?: string;
  /** Percent points, 0–100, at most two decimals. */
  foreignSharePercent?: number;
  notes?: string;
  usccOverride?: true;
}

/** What reading one client row gives: the client, or every problem in the row. */
export type ClientRowResult = { ok: true; value: ClientImport } | { ok: false; errors: ImportRowError<ClientFieldKey>[] };

/** Reads and checks one client row; see `validateImportRow`. */
export function validateClientRow(input: { mapping: readonly (string | null)[]; cells: readonly CellValue[]; acceptUsccCheckFailure?: boolean }): ClientRowResult {
  const row = createRowFieldReader<ClientFieldKey>({ ...input, options: { acceptUsccCheckFailure: input.acceptUsccCheckFailure } });
  const name = row.read(f.name);
  const uscc = row.read(f.uscc);
  const optional = {
    legalRepresentative: row.read(f.legalRepresentative),
    registeredCapital: row.read(f.registeredCapital),
    businessScope: row.read(f.businessScope),
    province: row.read(f.province),
    address: row.read(f.address),
    contactName: row.read(f.contactName),
    contactPhone: row.read(f.contactPhone),
    contactEmail: row.read(f.contactEmail),
    foreignSharePercent: row.read(f.foreignSharePercent),
    notes: row.read(f.notes),
  };
  if (row.errors.length > 0 || name === undefined || uscc === undefined) return { ok: false, errors: row.errors };
  const value: ClientImport = { name, uscc };
  for (const [key, v] of Object.entries(optional)) if (v !== undefined) Object.assign(value, { [key]: v });
  if (!validateUscc(uscc).valid) value.usccOverride = true;
  return { ok: true, value };
}
