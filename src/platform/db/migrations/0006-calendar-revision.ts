import type { Kysely } from 'kysely';

// One row counting changes to the loaded calendar years, bumped in the same transaction as each load or removal,
// so every running instance can tell cheaply that its calendar is stale.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('calendar_revision')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('changed_at', 'text')
    .execute();
  await db.insertInto('calendar_revision').values({ id: 1, revision: 0, changed_at: null }).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('calendar_revision').ifExists().execute();
}
