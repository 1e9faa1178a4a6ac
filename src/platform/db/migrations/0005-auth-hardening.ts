import { PostgresAdapter, sql, type Kysely } from 'kysely';

// Sign-in hardening: throttle state shared through the database, emails unique per organisation (so an address used in
// another organisation reveals nothing), an index to sweep expired sessions, and no dormant tokens of inactive users.
// Frozen in time: this migration never imports application code.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('login_throttle')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_at', 'text', (c) => c.notNull())
    .addColumn('last_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_throttle_last_at').on('login_throttle').column('last_at').execute();
  await db.schema.createIndex('sessions_expires_at').on('sessions').column('expires_at').execute();

  if (db.getExecutor().adapter instanceof PostgresAdapter) await sql`ALTER TABLE users DROP CONSTRAINT users_email_key`.execute(db);
  else await dropSqliteEmailUnique(db);
  await db.schema.createIndex('users_org_email').unique().on('users').columns(['org_id', 'email']).execute();
  await db.schema.createIndex('users_email').on('users').column('email').execute();

  // Before this, deactivation left tokens unrevoked and reactivation revived them.
  await db
    .updateTable('api_tokens')
    .set({ revoked_at: new Date().toISOString() })
    .where('revoked_at', 'is', null)
    .where('user_id', 'in', db.selectFrom('users').select('id').where('is_active', '=', 0))
    .execute();
}

/**
 * SQLite cannot drop a column's UNIQUE constraint, so the table is rebuilt from its own stored definition (keeping
 * every column later migrations added), the documented way: foreign keys off, copy, drop, rename, check.
 */
async function dropSqliteEmailUnique(db: Kysely<any>): Promise<void> {
  const { rows } = await sql<{ sql: string }>`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'users'`.execute(db);
  const original = rows[0]?.sql ?? '';
  const withoutUnique = original.replace(/("email"\s+text\s+not null)\s+unique/i, '$1');
  if (withoutUnique === original) throw new Error('0005-auth-hardening: users.email is not declared as expected');
  const createNew = withoutUnique.replace(/^CREATE TABLE\s+"?users"?/i, 'CREATE TABLE "users_new"');
  await sql`PRAGMA foreign_keys = OFF`.execute(db);
  try {
    await db.transaction().execute(async (trx) => {
      await sql.raw(createNew).execute(trx);
      await sql`INSERT INTO users_new SELECT * FROM users`.execute(trx);
      await sql`DROP TABLE users`.execute(trx);
      await sql`ALTER TABLE users_new RENAME TO users`.execute(trx);
      const broken = await sql`PRAGMA foreign_key_check`.execute(trx);
      if (broken.rows.length > 0) throw new Error('0005-auth-hardening: foreign keys broken by the users rebuild');
    });
  } finally {
    await sql`PRAGMA foreign_keys = ON`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('users_email').execute();
  await db.schema.dropIndex('users_org_email').execute();
  // Restoring global uniqueness would fail once an email exists in two organisations; an index says what is left.
  await db.schema.createIndex('users_email_unique').unique().on('users').column('email').execute();
  await db.schema.dropIndex('sessions_expires_at').execute();
  await db.schema.dropTable('login_throttle').execute();
}
