import type { Kysely } from 'kysely';

// An application's due date: the earliest expected date of what is still open (a stage, a target), from its timeline.
// Stored so the list can show overdue applications (due before today) from an index, longest overdue first; the
// application module keeps it in step when the application, the organisation's rule figures or the working calendar
// change, and fills it at start for rows stored before this migration.
// Frozen in time: this migration never imports application code.

export async function up(db: Kysely<any>): Promise<void> {
  const work = async (trx: Kysely<any>) => {
    await trx.schema.alterTable('applications').addColumn('due_on', 'text').execute();
    // The overdue list: due before today, longest overdue first, a range of this index in its own order.
    await trx.schema.createIndex('applications_due').on('applications').columns(['org_id', 'due_on', 'id']).execute();
    // The list by service, newest change first, like every other filter of it (migration 0010).
    await trx.schema.createIndex('applications_by_service').on('applications').columns(['org_id', 'service_code', 'updated_at', 'id']).execute();
  };
  if (db.isTransaction) await work(db);
  else await db.transaction().execute(work);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('applications_by_service').execute();
  await db.schema.dropIndex('applications_due').execute();
  await db.schema.alterTable('applications').dropColumn('due_on').execute();
}
