import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Exact counts per organisation that stay cheap to read: how many client companies are active and how many archived.
// Triggers record each change as a delta row (+1 / −1) in the same transaction as the insert, archive, restore or
// delete that causes it, whichever code path (the API, an import, a bulk seed, a hand-written fix) makes it. Deltas
// are only ever appended, so concurrent writers never wait on one hot counter row; a reader adds the organisation's
// few pending deltas to its compacted totals, and a periodic compaction folds them in (`org-counters.ts`).
// Frozen in time: this migration never imports application code.

const stateName = (row: 'new' | 'old') => `(CASE WHEN ${row}.archived_at IS NULL THEN 'clients.active' ELSE 'clients.archived' END)`;
const delta = (row: 'new' | 'old', by: 1 | -1) => `INSERT INTO org_counter_deltas (org_id, name, delta) VALUES (${row}.org_id, ${stateName(row)}, ${by})`;
// Only a change of organisation or of archived state moves a client between counters.
const moves = 'old.org_id <> new.org_id OR (old.archived_at IS NULL) <> (new.archived_at IS NULL)';

export async function up(db: Kysely<any>): Promise<void> {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const work = async (trx: Kysely<any>) => {
    await trx.schema
      .createTable('org_counters')
      .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('value', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('org_counters_pk', ['org_id', 'name'])
      .execute();
    await trx.schema
      .createTable('org_counter_deltas')
      .addColumn('id', isPostgres ? 'bigserial' : 'integer', (c) => (isPostgres ? c.primaryKey() : c.primaryKey().autoIncrement()))
      .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('delta', 'integer', (c) => c.notNull())
      .execute();
    await trx.schema.createIndex('org_counter_deltas_org').on('org_counter_deltas').columns(['org_id', 'name', 'delta']).execute();
    await sql`
      INSERT INTO org_counters (org_id, name, value)
      SELECT org_id, CASE WHEN archived_at IS NULL THEN 'clients.active' ELSE 'clients.archived' END, count(*)
      FROM clients GROUP BY org_id, CASE WHEN archived_at IS NULL THEN 'clients.active' ELSE 'clients.archived' END
    `.execute(trx);
    if (isPostgres) await createPostgresTriggers(trx);
    else await createSqliteTriggers(trx);
  };
  if (db.isTransaction) await work(db);
  else await db.transaction().execute(work);
}

async function createSqliteTriggers(db: Kysely<any>): Promise<void> {
  await sql.raw(`CREATE TRIGGER clients_count_insert AFTER INSERT ON clients BEGIN ${delta('new', 1)}; END`).execute(db);
  await sql.raw(`CREATE TRIGGER clients_count_delete AFTER DELETE ON clients BEGIN ${delta('old', -1)}; END`).execute(db);
  await sql.raw(`CREATE TRIGGER clients_count_update AFTER UPDATE OF org_id, archived_at ON clients WHEN ${moves} BEGIN ${delta('old', -1)}; ${delta('new', 1)}; END`).execute(db);
}

async function createPostgresTriggers(db: Kysely<any>): Promise<void> {
  await sql
    .raw(
      `CREATE FUNCTION clients_count() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN ${delta('old', -1)}; END IF;
        IF TG_OP IN ('UPDATE', 'INSERT') THEN ${delta('new', 1)}; END IF;
        RETURN NULL;
      END $$`,
    )
    .execute(db);
  await sql.raw('CREATE TRIGGER clients_count_insert_delete AFTER INSERT OR DELETE ON clients FOR EACH ROW EXECUTE FUNCTION clients_count()').execute(db);
  await sql.raw(`CREATE TRIGGER clients_count_update AFTER UPDATE OF org_id, archived_at ON clients FOR EACH ROW WHEN (${moves.replaceAll('<>', 'IS DISTINCT FROM')}) EXECUTE FUNCTION clients_count()`).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  if (isPostgres) {
    await sql`DROP TRIGGER IF EXISTS clients_count_insert_delete ON clients`.execute(db);
    await sql`DROP TRIGGER IF EXISTS clients_count_update ON clients`.execute(db);
    await sql`DROP FUNCTION IF EXISTS clients_count()`.execute(db);
  } else {
    for (const name of ['clients_count_insert', 'clients_count_delete', 'clients_count_update']) await sql.raw(`DROP TRIGGER IF EXISTS ${name}`).execute(db);
  }
  await db.schema.dropTable('org_counter_deltas').execute();
  await db.schema.dropTable('org_counters').execute();
}
