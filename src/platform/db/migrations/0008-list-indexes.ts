import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Lists that stay fast at 100,000 rows: an index per list shape that covers its filter and its order (so a page is
// an index range, never a sort or a scan), and an indexed search of client names by 1- and 2-character grams and of
// credit codes by prefix: FTS5 on SQLite (code prefixes as tokens); a tsvector with GIN, and B-tree ranges for codes,
// on PostgreSQL.
// Frozen in time: this migration never imports application code.

// Frozen copy of the search normalisation and grams at the time of writing.
const toSearchText = (value: string) => value.normalize('NFKC').toLowerCase();
const tokenOf = (chars: string[]) => `g${chars.map((c) => c.codePointAt(0)!.toString(36).padStart(4, '0')).join('')}`;
function toSearchGrams(text: string): string {
  const chars = [...text];
  const bigrams: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) bigrams.push(tokenOf([chars[i], chars[i + 1]]));
  return [...bigrams, ...[...new Set(chars)].map((c) => tokenOf([c]))].join(' ');
}

export async function up(db: Kysely<any>): Promise<void> {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  // PostgreSQL runs each migration in a transaction already; SQLite does not, so this one brings its own.
  const work = async (trx: Kysely<any>) => {
    await trx.schema.alterTable('clients').addColumn('search_text', 'text', (c) => c.notNull().defaultTo('')).execute();
    await trx.schema.alterTable('clients').addColumn('search_grams', 'text', (c) => c.notNull().defaultTo('')).execute();
    await backfillSearchColumns(trx);
    await createListIndexes(trx);
    if (isPostgres) await createPostgresSearch(trx);
    else await createSqliteSearch(trx);
  };
  if (db.isTransaction) await work(db);
  else await db.transaction().execute(work);
}

async function backfillSearchColumns(db: Kysely<any>): Promise<void> {
  let after = '';
  for (;;) {
    const rows = (await db.selectFrom('clients').select(['id', 'name']).where('id', '>', after).orderBy('id').limit(500).execute()) as Array<{ id: string; name: string }>;
    if (rows.length === 0) return;
    for (const row of rows) {
      const text = toSearchText(row.name);
      await db.updateTable('clients').set({ search_text: text, search_grams: toSearchGrams(text) }).where('id', '=', row.id).execute();
    }
    after = rows[rows.length - 1].id;
  }
}

const archivedState = '(CASE WHEN archived_at IS NULL THEN 0 ELSE 1 END)';

const listIndexes = [
  // Clients: (org, archived state, name, id) for the active and archived lists, (org, name, id) for all, and by
  // province. The state is an expression that queries repeat word for word (`clients/repository.ts`, isArchived):
  // an index on it is covering on SQLite, unlike one on a generated column, and PostgreSQL does not rewrite it away
  // as it does `archived_at IS NOT NULL`; archived_at itself rides along so PostgreSQL can answer from the index alone.
  // The main ones carry search_text and uscc, so a search dense enough to walk them checks each entry without reading
  // the row. On PostgreSQL `uscc` prefixes use the unique (org_id, uscc) index, the organisation code (9–17) its own.
  'CREATE INDEX clients_list_all ON clients (org_id, name, id, search_text, uscc)',
  `CREATE INDEX clients_list_state ON clients (org_id, ${archivedState}, name, id, search_text, uscc, archived_at)`,
  `CREATE INDEX clients_list_state_province ON clients (org_id, ${archivedState}, province, name, id, archived_at)`,
  'CREATE INDEX clients_org_code ON clients (org_id, substr(uscc, 9, 9))',
  // The audit log newest first: whole, for one record, one action or one kind of record.
  'CREATE INDEX audit_org_at_id ON audit_log (org_id, at, id)',
  'CREATE INDEX audit_org_entity_at_id ON audit_log (org_id, entity_id, at, id)',
  'CREATE INDEX audit_org_action_at_id ON audit_log (org_id, action, at, id)',
  'CREATE INDEX audit_org_type_at_id ON audit_log (org_id, entity_type, at, id)',
  'CREATE INDEX users_org_list ON users (org_id, created_at, email, id)',
  'CREATE INDEX api_tokens_owner_list ON api_tokens (user_id, created_at, id)',
];
// Replaced by the indexes above, which extend them.
const replacedIndexes = ['clients_org_name', 'audit_org_at', 'audit_entity'];

async function createListIndexes(db: Kysely<any>): Promise<void> {
  for (const name of replacedIndexes) await db.schema.dropIndex(name).execute();
  for (const statement of listIndexes) await sql.raw(statement).execute(db);
}

/**
 * PostgreSQL: the grams as a tsvector (`simple`: no stemming, positions kept for phrases), derived by the database, so
 * a row's check costs a lookup, not a parse. fastupdate off: a search never scans a pending list of recent inserts.
 */
async function createPostgresSearch(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE clients ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple', search_grams)) STORED`.execute(db);
  await sql`CREATE INDEX clients_search_vector ON clients USING gin (search_vector) WITH (fastupdate = off)`.execute(db);
}

/** Every prefix of the credit code (`c…`) and of its organisation code, characters 9–17 (`k…`), as FTS5 tokens. */
function codeTokens(row: 'new' | 'c'): string {
  const prefixes = [...Array.from({ length: 18 }, (_, i) => `'c' || substr(${row}.uscc, 1, ${i + 1})`), ...Array.from({ length: 9 }, (_, i) => `'k' || substr(${row}.uscc, 9, ${i + 1})`)];
  return prefixes.join(` || ' ' || `);
}
const ftsDocument = (row: 'new' | 'c') => `${row}.search_grams || ' ' || ${codeTokens(row)}`;

/**
 * SQLite: a contentless FTS5 index of the grams and code prefixes, whose rowid is the integer key of `client_search`
 * (a slim copy of what a search filters and sorts on). Triggers keep both in step with `clients`, whatever writes it.
 */
async function createSqliteSearch(db: Kysely<any>): Promise<void> {
  const statements = [
    `CREATE TABLE client_search (key INTEGER PRIMARY KEY, client_id TEXT NOT NULL UNIQUE, org_id TEXT NOT NULL, name TEXT NOT NULL, is_archived INTEGER NOT NULL, province TEXT)`,
    `CREATE VIRTUAL TABLE client_fts USING fts5(grams, content='', contentless_delete=1, tokenize='ascii')`,
    `INSERT INTO client_search (client_id, org_id, name, is_archived, province) SELECT id, org_id, name, archived_at IS NOT NULL, province FROM clients`,
    `INSERT INTO client_fts (rowid, grams) SELECT s.key, ${ftsDocument('c')} FROM client_search s JOIN clients c ON c.id = s.client_id`,
    `CREATE TRIGGER clients_search_insert AFTER INSERT ON clients BEGIN
       INSERT INTO client_search (client_id, org_id, name, is_archived, province) VALUES (new.id, new.org_id, new.name, new.archived_at IS NOT NULL, new.province);
       INSERT INTO client_fts (rowid, grams) VALUES ((SELECT key FROM client_search WHERE client_id = new.id), ${ftsDocument('new')});
     END`,
    `CREATE TRIGGER clients_search_update AFTER UPDATE OF org_id, name, archived_at, province, search_grams, uscc ON clients BEGIN
       UPDATE client_search SET org_id = new.org_id, name = new.name, is_archived = new.archived_at IS NOT NULL, province = new.province WHERE client_id = old.id;
       UPDATE client_fts SET grams = ${ftsDocument('new')} WHERE rowid = (SELECT key FROM client_search WHERE client_id = old.id) AND (new.search_grams IS NOT old.search_grams OR new.uscc IS NOT old.uscc);
     END`,
    `CREATE TRIGGER clients_search_delete AFTER DELETE ON clients BEGIN
       DELETE FROM client_fts WHERE rowid = (SELECT key FROM client_search WHERE client_id = old.id);
       DELETE FROM client_search WHERE client_id = old.id;
     END`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const work = async (trx: Kysely<any>) => {
    if (isPostgres) await sql`ALTER TABLE clients DROP COLUMN search_vector`.execute(trx);
    else {
      for (const trigger of ['clients_search_insert', 'clients_search_update', 'clients_search_delete']) await sql.raw(`DROP TRIGGER ${trigger}`).execute(trx);
      await sql`DROP TABLE client_fts`.execute(trx);
      await sql`DROP TABLE client_search`.execute(trx);
    }
    for (const statement of listIndexes) await trx.schema.dropIndex(statement.split(' ')[2]).execute();
    await trx.schema.createIndex('clients_org_name').on('clients').columns(['org_id', 'name']).execute();
    await trx.schema.createIndex('audit_org_at').on('audit_log').columns(['org_id', 'at']).execute();
    await trx.schema.createIndex('audit_entity').on('audit_log').columns(['org_id', 'entity_type', 'entity_id']).execute();
    await trx.schema.alterTable('clients').dropColumn('search_grams').execute();
    await trx.schema.alterTable('clients').dropColumn('search_text').execute();
  };
  if (db.isTransaction) await work(db);
  else await db.transaction().execute(work);
}
