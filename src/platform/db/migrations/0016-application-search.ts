import { PostgresAdapter, sql, type Kysely } from 'kysely';

// The applications list searched by client company at speed: each application carries a copy of its company's
// normalised name (`clients.search_text`) and credit code, kept by triggers whatever writes either table, and the
// list's main index carries both. A search for a common term then walks a bounded stretch of that index in list order,
// checking each entry without reading a row or joining a company.
// Frozen in time: this migration never imports application code.

const isPostgres = (db: Kysely<any>) => db.getExecutor().adapter instanceof PostgresAdapter;

const sqliteTriggers = [
  `CREATE TRIGGER applications_client_search_insert AFTER INSERT ON applications BEGIN
     UPDATE applications SET client_search_text = (SELECT search_text FROM clients WHERE id = new.client_id), client_uscc = (SELECT uscc FROM clients WHERE id = new.client_id)
     WHERE id = new.id;
   END`,
  `CREATE TRIGGER applications_client_search_move AFTER UPDATE OF client_id ON applications WHEN old.client_id IS NOT new.client_id BEGIN
     UPDATE applications SET client_search_text = (SELECT search_text FROM clients WHERE id = new.client_id), client_uscc = (SELECT uscc FROM clients WHERE id = new.client_id)
     WHERE id = new.id;
   END`,
  `CREATE TRIGGER clients_application_search AFTER UPDATE OF search_text, uscc ON clients
   WHEN old.search_text IS NOT new.search_text OR old.uscc IS NOT new.uscc BEGIN
     UPDATE applications SET client_search_text = new.search_text, client_uscc = new.uscc WHERE org_id = new.org_id AND client_id = new.id;
   END`,
];

const postgresTriggers = [
  `CREATE FUNCTION applications_client_search_fill() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     SELECT search_text, uscc INTO NEW.client_search_text, NEW.client_uscc FROM clients WHERE id = NEW.client_id;
     RETURN NEW;
   END
   $$`,
  `CREATE TRIGGER applications_client_search_fill BEFORE INSERT OR UPDATE OF client_id ON applications FOR EACH ROW EXECUTE FUNCTION applications_client_search_fill()`,
  `CREATE FUNCTION clients_application_search() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     UPDATE applications SET client_search_text = NEW.search_text, client_uscc = NEW.uscc WHERE org_id = NEW.org_id AND client_id = NEW.id;
     RETURN NULL;
   END
   $$`,
  `CREATE TRIGGER clients_application_search AFTER UPDATE ON clients FOR EACH ROW
   WHEN (OLD.search_text IS DISTINCT FROM NEW.search_text OR OLD.uscc IS DISTINCT FROM NEW.uscc) EXECUTE FUNCTION clients_application_search()`,
];

export async function up(db: Kysely<any>): Promise<void> {
  const work = async (trx: Kysely<any>) => {
    await trx.schema.alterTable('applications').addColumn('client_search_text', 'text', (c) => c.notNull().defaultTo('')).execute();
    await trx.schema.alterTable('applications').addColumn('client_uscc', 'text', (c) => c.notNull().defaultTo('')).execute();
    await sql`UPDATE applications SET client_search_text = (SELECT search_text FROM clients WHERE clients.id = applications.client_id), client_uscc = (SELECT uscc FROM clients WHERE clients.id = applications.client_id)`.execute(trx);
    for (const statement of isPostgres(trx) ? postgresTriggers : sqliteTriggers) await sql.raw(statement).execute(trx);
    // The list, newest change first, now carrying what a search checks (replaces migration 0010's applications_list).
    await trx.schema.dropIndex('applications_list').execute();
    await trx.schema.createIndex('applications_list').on('applications').columns(['org_id', 'updated_at', 'id', 'client_search_text', 'client_uscc']).execute();
  };
  if (db.isTransaction) await work(db);
  else await db.transaction().execute(work);
}

export async function down(db: Kysely<any>): Promise<void> {
  const work = async (trx: Kysely<any>) => {
    const drops = isPostgres(trx)
      ? ['DROP TRIGGER clients_application_search ON clients', 'DROP FUNCTION clients_application_search()', 'DROP TRIGGER applications_client_search_fill ON applications', 'DROP FUNCTION applications_client_search_fill()']
      : ['DROP TRIGGER clients_application_search', 'DROP TRIGGER applications_client_search_move', 'DROP TRIGGER applications_client_search_insert'];
    for (const statement of drops) await sql.raw(statement).execute(trx);
    await trx.schema.dropIndex('applications_list').execute();
    await trx.schema.createIndex('applications_list').on('applications').columns(['org_id', 'updated_at', 'id']).execute();
    await trx.schema.alterTable('applications').dropColumn('client_uscc').execute();
    await trx.schema.alterTable('applications').dropColumn('client_search_text').execute();
  };
  if (db.isTransaction) await work(db);
  else await db.transaction().execute(work);
}
