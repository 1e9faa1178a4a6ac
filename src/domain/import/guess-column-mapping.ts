import { listImportFields, type ImportField, type ImportFieldKey, type ImportKind } from './import-fields.ts';

/** The field each column holds, by column index; null for a column that is not imported. */
export type ColumnMapping<K extends ImportKind = ImportKind> = (ImportFieldKey<K> | null)[];

/**
 * A header or alias in the form headers are compared in: NFKC (full-width to half-width), lower case, without
 * spaces, punctuation, required-markers (`*`) or a trailing note in brackets (`统一社会信用代码（18位）`).
 */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/[^\p{L}\p{N})\]}】]+$/u, '')
    .replace(/[([{【][^)\]}】]*[)\]}】]$/u, '')
    .replace(/[\p{P}\p{S}]/gu, '');
}

// Short Latin names (tel, id) would match inside unrelated words; Chinese names of two characters are distinctive.
const containable = (name: string) => name.length >= (/^[\x00-\x7f]+$/.test(name) ? 4 : 2);

interface Candidate {
  column: number;
  fieldIndex: number;
  score: number;
}

function namesOf(field: ImportField): string[] {
  return [...new Set([field.label.zh, field.label.en, field.key, ...field.aliases].map(normalizeHeader).filter((n) => n !== ''))];
}

function scoreHeader(header: string, names: string[]): number {
  if (header === '') return 0;
  let best = 0;
  for (const name of names) {
    // An exact match beats any contained one; a longer contained name is the more specific one.
    if (name === header) return 10_000;
    if (containable(name) && header.includes(name)) best = Math.max(best, name.length);
  }
  return best;
}

/**
 * Guesses which field each column holds from its header: an exact match of a label, key or alias (ignoring case,
 * width, spaces and a bracketed note) first, then the longest label or alias the header contains. Each field goes to
 * at most one column and each column to at most one field: the best match wins, and between equals the leftmost column.
 */
export function guessColumnMapping<K extends ImportKind>(options: { kind: K; headers: readonly (string | null)[] }): ColumnMapping<K> {
  const fields = listImportFields(options.kind);
  const names = fields.map(namesOf);
  const candidates: Candidate[] = [];
  options.headers.forEach((raw, column) => {
    const header = normalizeHeader(raw ?? '');
    fields.forEach((_, fieldIndex) => {
      const score = scoreHeader(header, names[fieldIndex]);
      if (score > 0) candidates.push({ column, fieldIndex, score });
    });
  });
  candidates.sort((a, b) => b.score - a.score || a.column - b.column || a.fieldIndex - b.fieldIndex);
  const mapping: ColumnMapping<K> = options.headers.map(() => null);
  const taken = new Set<number>();
  for (const c of candidates) {
    if (mapping[c.column] !== null || taken.has(c.fieldIndex)) continue;
    mapping[c.column] = fields[c.fieldIndex].key;
    taken.add(c.fieldIndex);
  }
  return mapping;
}

/** The required fields no column is mapped to, in template order; the import cannot start until this is empty. */
export function listUnmappedRequiredFields<K extends ImportKind>(options: { kind: K; mapping: readonly (string | null)[] }): ImportField<ImportFieldKey<K>>[] {
  return listImportFields(options.kind).filter((f) => f.required && !options.mapping.includes(f.key));
}

/**
 * The fields mapped to more than one column, in template order. A mapping edited by hand can do this; the import
 * reads only the leftmost such column, so the caller should refuse the mapping instead.
 */
export function listRepeatedFields<K extends ImportKind>(options: { kind: K; mapping: readonly (string | null)[] }): ImportField<ImportFieldKey<K>>[] {
  return listImportFields(options.kind).filter((f) => options.mapping.indexOf(f.key) !== options.mapping.lastIndexOf(f.key));
}
