import type { Kysely } from 'kysely';

// Checklist items a user adds to one application beyond the catalogue's (a landlord's letter, a translated document).
// Frozen in time: this migration never imports application code.

export async function up(db: Kysely<any>): Promise<void> {
  const work = async (trx: Kysely<any>) => {
    await trx.schema
      .createTable('application_items')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
      .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id').onDelete('cascade'))
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('hint', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('required', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await trx.schema.createIndex('application_items_key').unique().on('application_items').columns(['application_id', 'key']).execute();
    await trx.schema.createIndex('application_items_org').on('application_items').columns(['org_id', 'application_id', 'created_at']).execute();
  };
  if (db.isTransaction) await work(db);
  else await db.transaction().execute(work);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('application_items').execute();
}
