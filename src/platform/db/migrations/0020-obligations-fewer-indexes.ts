import type { Kysely } from 'kysely';

// One index fewer on obligations: every index is rewritten all over by a full refresh of a million rows, and the
// (org, state, kind, due) index cost about 8 s of a 100,000-licence refresh. The status index now carries the kind as
// its last column, so a kind filter (the annual-report season) is checked inside that index, never in the table.
// Frozen in time: this migration never imports application code.

async function inTransaction(db: Kysely<any>, work: (trx: Kysely<any>) => Promise<void>): Promise<void> {
  if (db.isTransaction) await work(db);
  else await db.transaction().execute(work);
}

export async function up(db: Kysely<any>): Promise<void> {
  await inTransaction(db, async (trx) => {
    await trx.schema.dropIndex('obligations_by_state_kind').execute();
    await trx.schema.dropIndex('obligations_by_state').execute();
    await trx.schema.createIndex('obligations_by_state').on('obligations').columns(['org_id', 'state', 'due_on', 'id', 'kind']).execute();
  });
}

export async function down(db: Kysely<any>): Promise<void> {
  await inTransaction(db, async (trx) => {
    await trx.schema.dropIndex('obligations_by_state').execute();
    await trx.schema.createIndex('obligations_by_state').on('obligations').columns(['org_id', 'state', 'due_on', 'id']).execute();
    await trx.schema.createIndex('obligations_by_state_kind').on('obligations').columns(['org_id', 'state', 'kind', 'due_on', 'id']).execute();
  });
}
