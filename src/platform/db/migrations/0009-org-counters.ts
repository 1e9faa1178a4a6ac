import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Exact counts per organisation that cost one row read: how many client companies are active and how many archived.
// Triggers keep them in the same transaction as every insert, archive, restore or delete of a client, whichever code
// path (the API, an import, a bulk seed, a hand-written fix) makes it, so the dashboard and the unfiltered client
// list can show exact totals at any size instead of counting 100,000 index entries per request.
// Frozen in time: this migration never imports application code.

const stateName = (row: 'new' | 'old', quote: (s: string) => string) =>
  `(CASE WHEN ${row}.archived_at IS NULL THEN ${quote('clients.active')} ELSE ${quote('clients.archived')} END)`;

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

const q = (s: string) => `'${s}'`;
const increment = (row: 'new' | 'old', target: string) =>
  `INSERT INTO org_counters (org_id, name, value) VALUES (${row}.org_id, ${stateName(row, q)}, 1) ON CONFLICT (org_id, name) DO UPDATE SET value = ${target}.value + 1`;
const decrement = (row: 'new' | 'old') => `UPDATE org_counters SET value = value - 1 WHERE org_id = ${row}.org_id AND name = ${stateName(row, q)}`;
// Only a change of organisation or of archived state moves a client between counters.
const moves = 'old.org_id <> new.org_id OR (old.archived_at IS NULL) <> (new.archived_at IS NULL)';

async function createSqliteTriggers(db: Kysely<any>): Promise<void> {
  await sql.raw(`CREATE TRIGGER clients_count_insert AFTER INSERT ON clients BEGIN ${increment('new', 'org_counters')}; END`).execute(db);
  await sql.raw(`CREATE TRIGGER clients_count_delete AFTER DELETE ON clients BEGIN ${decrement('old')}; END`).execute(db);
  await sql.raw(`CREATE TRIGGER clients_count_update AFTER UPDATE OF org_id, archived_at ON clients WHEN ${moves} BEGIN ${decrement('old')}; ${increment('new', 'org_counters')}; END`).execute(db);
}

async function createPostgresTriggers(db: Kysely<any>): Promise<void> {
  await sql
    .raw(
      `CREATE FUNCTION clients_count() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN ${decrement('old')}; END IF;
        IF TG_OP IN ('UPDATE', 'INSERT') THEN ${increment('new', 'org_counters')}; END IF;
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
  await db.schema.dropTable('org_counters').execute();
}
