import type { Kysely } from 'kysely';

// Optimistic concurrency on editable records, and instance administration: operators and (de)activated organisations.
export async function up(db: Kysely<any>): Promise<void> {
  for (const table of ['clients', 'users']) {
    await db.schema.alterTable(table).addColumn('version', 'integer', (c) => c.notNull().defaultTo(1)).execute();
  }
  await db.schema.alterTable('users').addColumn('is_operator', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('organisations').addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1)).execute();
  // The first owner ever created is the operator of an instance that predates operators.
  await db
    .updateTable('users')
    .set({ is_operator: 1 })
    .where('id', '=', db.selectFrom('users').select('id').where('role', '=', 'owner').orderBy('created_at').orderBy('id').limit(1))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('organisations').dropColumn('is_active').execute();
  await db.schema.alterTable('users').dropColumn('is_operator').execute();
  for (const table of ['clients', 'users']) await db.schema.alterTable(table).dropColumn('version').execute();
}
