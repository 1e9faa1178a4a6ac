import type { Kysely } from 'kysely';

// Spreadsheet imports of clients and licences run as jobs the page can leave and come back to: the uploaded file (a
// blob, by SHA-256), the column mapping the user confirmed, what the check found, progress, and the outcome. A job's
// writes happen in one transaction; the row only reports on them. Frozen in time: this migration never imports
// application code.

async function inTransaction(db: Kysely<any>, work: (trx: Kysely<any>) => Promise<void>): Promise<void> {
  if (db.isTransaction) await work(db);
  else await db.transaction().execute(work);
}

export async function up(db: Kysely<any>): Promise<void> {
  await inTransaction(db, async (trx) => {
    await trx.schema
      .createTable('import_jobs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull())
      // uploaded → checking → checked → running → done; failed from any step (the reason in `failure`).
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('file_name', 'text', (c) => c.notNull())
      .addColumn('file_sha256', 'text', (c) => c.notNull())
      .addColumn('file_size', 'integer', (c) => c.notNull())
      .addColumn('format', 'text', (c) => c.notNull())
      .addColumn('headers', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('sample', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('mapping', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('on_duplicate', 'text', (c) => c.notNull().defaultTo('skip'))
      .addColumn('valid_only', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('progress_done', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('progress_total', 'integer', (c) => c.notNull().defaultTo(0))
      // What the check (or the run) found: row counts, the first errors and duplicates, JSON.
      .addColumn('report', 'text')
      .addColumn('result', 'text')
      .addColumn('failure', 'text')
      .addColumn('created_by', 'text')
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await trx.schema.createIndex('import_jobs_by_org').on('import_jobs').columns(['org_id', 'created_at', 'id']).execute();
  });
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('import_jobs').execute();
}
