import type { Kysely } from 'kysely';

// The licence registry: licences an application issued and licences entered directly. A licence lists its services,
// each with its scope (JSON text, the first also kept in service_code and scope), may be cancelled (注销), and carries
// notes. The registry lists soonest expiry first, so each filter has an index ending in (expires_on, id).
// Frozen in time: this migration never imports application code.

export async function up(db: Kysely<any>): Promise<void> {
  const work = async (trx: Kysely<any>) => {
    await trx.schema.alterTable('licences').addColumn('services', 'text', (c) => c.notNull().defaultTo('[]')).execute();
    await trx.schema.alterTable('licences').addColumn('cancelled_on', 'text').execute();
    await trx.schema.alterTable('licences').addColumn('notes', 'text', (c) => c.notNull().defaultTo('')).execute();
    // Licences stored before: their one service and scope.
    const rows = (await trx.selectFrom('licences').select(['id', 'service_code', 'scope']).execute()) as Array<{ id: string; service_code: string; scope: string }>;
    for (const row of rows) {
      await trx.updateTable('licences').set({ services: JSON.stringify([{ serviceCode: row.service_code, scope: row.scope }]) }).where('id', '=', row.id).execute();
    }
    await trx.schema.createIndex('licences_list').on('licences').columns(['org_id', 'expires_on', 'id']).execute();
    await trx.schema.createIndex('licences_by_client_expiry').on('licences').columns(['org_id', 'client_id', 'expires_on', 'id']).execute();
  };
  if (db.isTransaction) await work(db);
  else await db.transaction().execute(work);
}

export async function down(db: Kysely<any>): Promise<void> {
  const work = async (trx: Kysely<any>) => {
    await trx.schema.dropIndex('licences_by_client_expiry').execute();
    await trx.schema.dropIndex('licences_list').execute();
    for (const column of ['notes', 'cancelled_on', 'services']) await trx.schema.alterTable('licences').dropColumn(column).execute();
  };
  if (db.isTransaction) await work(db);
  else await db.transaction().execute(work);
}
