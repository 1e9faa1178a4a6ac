import type { Kysely } from 'kysely';

// Per-organisation settings (first: rule overrides), one row per key; `value` is JSON text.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('org_settings')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('org_settings_pk', ['org_id', 'key'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('org_settings').ifExists().execute();
}
