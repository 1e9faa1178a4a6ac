import { PostgresAdapter, sql, type Kysely } from 'kysely';

// PostgreSQL: searches of one gram (a one- or two-character term, most Chinese searches) answered by a B-tree in name
// order instead of the tsvector GIN index.
//
// A common two-character term (星辰: 8,000 of 100,000 companies) made GIN build a bitmap of every match and read each
// row to confirm the phrase on every request, about 6 ms of database time: at 200 requests/s on two cores its p99
// reached 100 ms. Here each client company has one row per distinct gram of its name, keyed (org, gram, name, id), so
// a page of a one-gram search is an index range read in list order (a few entries), and its bounded count an
// index-only walk of at most cap + 1 entries. The status and province filters ride along as INCLUDE columns. Longer
// terms keep the GIN phrase search, which their rarer matches keep cheap. A trigger keeps the rows in step with
// `clients`, whatever writes it. SQLite answers every term from FTS5 (migration 0008) and has no such table.
// Frozen in time: this migration never imports application code.

const isPostgres = (db: Kysely<any>) => db.getExecutor().adapter instanceof PostgresAdapter;

const statements = [
  `CREATE TABLE client_grams (
     org_id text NOT NULL,
     gram text NOT NULL,
     name text NOT NULL,
     client_id text NOT NULL,
     is_archived smallint NOT NULL,
     province text,
     PRIMARY KEY (org_id, gram, name, client_id) INCLUDE (is_archived, province)
   )`,
  'CREATE INDEX client_grams_client ON client_grams (client_id)',
  `CREATE FUNCTION client_grams_sync() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     IF TG_OP <> 'INSERT' THEN
       DELETE FROM client_grams WHERE client_id = OLD.id;
     END IF;
     IF TG_OP <> 'DELETE' THEN
       INSERT INTO client_grams (org_id, gram, name, client_id, is_archived, province)
       SELECT DISTINCT NEW.org_id, g, NEW.name, NEW.id, CASE WHEN NEW.archived_at IS NULL THEN 0 ELSE 1 END, NEW.province
       FROM unnest(string_to_array(NEW.search_grams, ' ')) AS g
       WHERE g <> '';
     END IF;
     RETURN NULL;
   END
   $$`,
  `CREATE TRIGGER clients_grams_write AFTER INSERT OR DELETE ON clients FOR EACH ROW EXECUTE FUNCTION client_grams_sync()`,
  `CREATE TRIGGER clients_grams_update AFTER UPDATE ON clients FOR EACH ROW
   WHEN (OLD.org_id IS DISTINCT FROM NEW.org_id OR OLD.name IS DISTINCT FROM NEW.name OR OLD.search_grams IS DISTINCT FROM NEW.search_grams
         OR OLD.province IS DISTINCT FROM NEW.province OR (OLD.archived_at IS NULL) <> (NEW.archived_at IS NULL))
   EXECUTE FUNCTION client_grams_sync()`,
  `INSERT INTO client_grams (org_id, gram, name, client_id, is_archived, province)
   SELECT DISTINCT c.org_id, g, c.name, c.id, CASE WHEN c.archived_at IS NULL THEN 0 ELSE 1 END, c.province
   FROM clients c, unnest(string_to_array(c.search_grams, ' ')) AS g
   WHERE g <> ''`,
];

export async function up(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  for (const statement of ['DROP TRIGGER clients_grams_update ON clients', 'DROP TRIGGER clients_grams_write ON clients', 'DROP FUNCTION client_grams_sync()', 'DROP TABLE client_grams']) {
    await sql.raw(statement).execute(db);
  }
}
