import type { Kysely } from 'kysely';

// Frozen copy of the canonical form at the time of writing (NFKC, no spaces or zero-width characters, upper case).
const canonical = (value: string) =>
  value
    .normalize('NFKC')
    .replace(/[\s\u200B-\u200D\u2060\uFEFF]+/g, '')
    .toUpperCase();

// Credit codes were stored as typed, so `９１３１…` or `9131 …` could sit beside the same code. Store the canonical
// form; a row whose canonical code another row of its organisation already holds keeps its spelling, so no data is
// lost and the duplicate stays visible for a person to resolve.
export async function up(db: Kysely<any>): Promise<void> {
  // Rule settings are validated together, so they carry one version per organisation.
  await db.schema.alterTable('organisations').addColumn('settings_version', 'integer', (c) => c.notNull().defaultTo(1)).execute();
  const rows = (await db.selectFrom('clients').select(['id', 'org_id', 'uscc']).orderBy('created_at').orderBy('id').execute()) as Array<{ id: string; org_id: string; uscc: string }>;
  const taken = new Set(rows.filter((r) => canonical(r.uscc) === r.uscc).map((r) => `${r.org_id}|${r.uscc}`));
  for (const row of rows) {
    const code = canonical(row.uscc);
    if (code === row.uscc || taken.has(`${row.org_id}|${code}`)) continue;
    taken.add(`${row.org_id}|${code}`);
    await db.updateTable('clients').set({ uscc: code }).where('id', '=', row.id).execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  // The typed spellings are not kept; canonical codes are valid input for every earlier version.
  await db.schema.alterTable('organisations').dropColumn('settings_version').execute();
}
