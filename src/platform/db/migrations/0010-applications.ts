import type { Kysely } from 'kysely';

// Applications (the guide's five steps), their activity feed, and the licences an issued application creates.
// Dates are YYYY-MM-DD text, instants ISO text, money integer yuan, structured fields JSON text: the same on both
// databases. Lists page by (updated_at, id) newest first, so each filter has an index ending in those columns.
// Frozen in time: this migration never imports application code.

/** In the migrator's transaction where it opens one (PostgreSQL), else in its own. */
async function inTransaction(db: Kysely<any>, work: (trx: Kysely<any>) => Promise<void>): Promise<void> {
  if (db.isTransaction) await work(db);
  else await db.transaction().execute(work);
}

export async function up(db: Kysely<any>): Promise<void> {
  await inTransaction(db, async (trx) => {
    await trx.schema
      .createTable('applications')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
      .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
      .addColumn('service_code', 'text', (c) => c.notNull())
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('held_from', 'text')
      .addColumn('assignee_id', 'text', (c) => c.references('users.id'))
      .addColumn('contract_signed_on', 'text')
      .addColumn('contract_fee_yuan', 'bigint')
      .addColumn('submitted_on', 'text')
      .addColumn('acceptance_no', 'text')
      .addColumn('accepted_on', 'text')
      .addColumn('issued_on', 'text')
      .addColumn('licence_id', 'text')
      .addColumn('correction_items', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('business', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await trx.schema.createIndex('applications_list').on('applications').columns(['org_id', 'updated_at', 'id']).execute();
    await trx.schema.createIndex('applications_by_state').on('applications').columns(['org_id', 'state', 'updated_at', 'id']).execute();
    await trx.schema.createIndex('applications_by_client').on('applications').columns(['org_id', 'client_id', 'updated_at', 'id']).execute();
    await trx.schema.createIndex('applications_by_assignee').on('applications').columns(['org_id', 'assignee_id', 'updated_at', 'id']).execute();

    await trx.schema
      .createTable('application_events')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
      .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('from_state', 'text')
      .addColumn('to_state', 'text')
      .addColumn('details', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('actor_id', 'text')
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
    await trx.schema.createIndex('application_events_feed').on('application_events').columns(['org_id', 'application_id', 'at', 'id']).execute();

    await trx.schema
      .createTable('licences')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
      .addColumn('client_id', 'text', (c) => c.notNull().references('clients.id'))
      .addColumn('application_id', 'text', (c) => c.references('applications.id'))
      .addColumn('number', 'text', (c) => c.notNull())
      .addColumn('service_code', 'text', (c) => c.notNull())
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('issued_on', 'text', (c) => c.notNull())
      .addColumn('expires_on', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await trx.schema.createIndex('licences_org_number').unique().on('licences').columns(['org_id', 'number']).execute();
    await trx.schema.createIndex('licences_by_client').on('licences').columns(['org_id', 'client_id', 'issued_on', 'id']).execute();
  });
}

export async function down(db: Kysely<any>): Promise<void> {
  await inTransaction(db, async (trx) => {
    await trx.schema.dropTable('licences').execute();
    await trx.schema.dropTable('application_events').execute();
    await trx.schema.dropTable('applications').execute();
  });
}
