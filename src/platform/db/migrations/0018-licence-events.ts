import type { Kysely } from 'kysely';

// A licence's history: each event (a service opened, a registration change, a report filed, numbers obtained or
// returned, a renewal, a cancellation) is a fact the obligation rules read. Details are JSON text, the same on both
// databases; a licence's events are read in date order from (org_id, licence_id, date, id).
// Frozen in time: this migration never imports application code.

export async function up(db: Kysely<any>): Promise<void> {
  const work = async (trx: Kysely<any>) => {
    await trx.schema
      .createTable('licence_events')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
      .addColumn('licence_id', 'text', (c) => c.notNull().references('licences.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('details', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await trx.schema.createIndex('licence_events_history').on('licence_events').columns(['org_id', 'licence_id', 'date', 'id']).execute();
  };
  if (db.isTransaction) await work(db);
  else await db.transaction().execute(work);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('licence_events').execute();
}
