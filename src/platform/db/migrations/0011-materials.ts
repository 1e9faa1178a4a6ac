import { PostgresAdapter, type Kysely } from 'kysely';

// The files of an application's checklist: every upload is a new version of its item, with its SHA-256, size, type,
// who and when, and the review of that version. The content itself lives in the blob store: files on disk, or the
// `blobs` table when LICENSEDESK_BLOB_STORE=database. Frozen in time: this migration never imports application code.

async function inTransaction(db: Kysely<any>, work: (trx: Kysely<any>) => Promise<void>): Promise<void> {
  if (db.isTransaction) await work(db);
  else await db.transaction().execute(work);
}

export async function up(db: Kysely<any>): Promise<void> {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await inTransaction(db, async (trx) => {
    await trx.schema
      .createTable('material_files')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
      .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id').onDelete('cascade'))
      .addColumn('item_key', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('size', 'bigint', (c) => c.notNull())
      .addColumn('file_type', 'text', (c) => c.notNull())
      .addColumn('file_name', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull().defaultTo('upload'))
      .addColumn('uploaded_by', 'text')
      .addColumn('uploaded_at', 'text', (c) => c.notNull())
      .addColumn('review', 'text', (c) => c.notNull().defaultTo('pending'))
      .addColumn('review_reason', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('reviewed_by', 'text')
      .addColumn('reviewed_at', 'text')
      .execute();
    await trx.schema.createIndex('material_files_item_version').unique().on('material_files').columns(['application_id', 'item_key', 'version']).execute();
    await trx.schema.createIndex('material_files_org').on('material_files').columns(['org_id', 'application_id', 'item_key', 'version']).execute();
    await trx.schema
      .createTable('blobs')
      .addColumn('sha256', 'text', (c) => c.primaryKey())
      .addColumn('size', 'bigint', (c) => c.notNull())
      .addColumn('content', isPostgres ? 'bytea' : 'blob', (c) => c.notNull())
      .execute();
  });
}

export async function down(db: Kysely<any>): Promise<void> {
  await inTransaction(db, async (trx) => {
    await trx.schema.dropTable('blobs').execute();
    await trx.schema.dropTable('material_files').execute();
  });
}
