import { sql, type Kysely } from 'kysely';

// Stored obligations and what hangs off them. `obligations` holds each licence's obligations as the rules derive them
// (one row per stable key such as `annual-report:2027`), refreshed whenever their inputs change, with an assignee,
// a completion (note and evidence file) and a history (`obligation_events`). A licence's `obligations_stamp` names
// the rules, calendar and organisation figures its rows were derived under, so a refresh after a change of either
// touches only what is stale. Reminders go through an outbox (`reminder_deliveries`, one row per obligation, lead time,
// recipient and channel, unique), to in-app `notifications`, email and `webhooks`. `calendar_feeds` hold ICS
// subscription tokens (hashed). `obligation_counts` holds how many obligations fall due on each day by organisation,
// state and kind, so the dashboard's counts and chart sum a few thousand rows, not a million. The code that writes
// obligations keeps it, a batch's changes summed into one upsert per day (a trigger firing per row cost more than the
// rest of a refresh put together).
// Frozen in time: this migration never imports application code.

export async function up(db: Kysely<any>): Promise<void> {
  const work = async (trx: Kysely<any>) => {
    // A refresh reads the history of a batch of licences, of any organisation, by licence.
    await trx.schema.createIndex('licence_events_by_licence').on('licence_events').columns(['licence_id', 'date']).execute();
    await trx.schema.alterTable('licences').addColumn('obligations_stamp', 'text', (c) => c.notNull().defaultTo('')).execute();
    await trx.schema
      .createTable('obligations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
      // No foreign key to licences: a refresh inserts a million rows for licences it has just read in the same
      // transaction, and the per-row check cost a quarter of the time on PostgreSQL. Licences are never deleted but
      // with their organisation, whose key removes these rows too.
      .addColumn('licence_id', 'text', (c) => c.notNull())
      .addColumn('client_id', 'text', (c) => c.notNull())
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('window_start', 'text', (c) => c.notNull())
      .addColumn('due_on', 'text', (c) => c.notNull())
      // What the rules say (open, done, not-applicable) and, when the facts show it done, the day it was done.
      .addColumn('derived_state', 'text', (c) => c.notNull())
      .addColumn('derived_done_on', 'text')
      // What the list shows: done by the facts or by a user's completion, else the rules' state.
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('done_on', 'text')
      .addColumn('basis', 'text', (c) => c.notNull())
      .addColumn('provisional', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('assignee_id', 'text')
      .addColumn('completed_by', 'text')
      .addColumn('completed_at', 'text')
      // user: completed here; facts: completed here by recording the licence event that makes it done.
      .addColumn('completed_via', 'text')
      .addColumn('completion_note', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('evidence_sha256', 'text')
      .addColumn('evidence_name', 'text')
      .addColumn('evidence_type', 'text')
      .addColumn('evidence_size', 'integer')
      // The next day a reminder lead time passes (null: nothing more to remind of).
      .addColumn('remind_on', 'text')
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await trx.schema.createIndex('obligations_key').unique().on('obligations').columns(['licence_id', 'key']).execute();
    await trx.schema.createIndex('obligations_by_state').on('obligations').columns(['org_id', 'state', 'due_on', 'id']).execute();
    await trx.schema.createIndex('obligations_by_due').on('obligations').columns(['org_id', 'due_on', 'id']).execute();
    await trx.schema.createIndex('obligations_by_client').on('obligations').columns(['org_id', 'client_id', 'due_on', 'id']).execute();
    // Partial: most obligations are nobody's, and only open ones wait for a reminder; the smaller indexes cost less on
    // every write of a million rows.
    await trx.schema.createIndex('obligations_by_assignee').on('obligations').columns(['org_id', 'assignee_id', 'due_on', 'id']).where(sql.ref('assignee_id'), 'is not', null).execute();
    // A kind and a status (the annual-report season: open reports due on one day). A kind alone walks the due-date
    // order; its total comes from the per-day counts.
    await trx.schema.createIndex('obligations_by_state_kind').on('obligations').columns(['org_id', 'state', 'kind', 'due_on', 'id']).execute();
    await trx.schema.createIndex('obligations_to_remind').on('obligations').columns(['remind_on']).where(sql.ref('remind_on'), 'is not', null).execute();
    await trx.schema
      .createTable('obligation_counts')
      .addColumn('org_id', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('due_on', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('obligation_counts_pk', ['org_id', 'state', 'due_on', 'kind'])
      .execute();

    await trx.schema
      .createTable('obligation_events')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
      .addColumn('obligation_id', 'text', (c) => c.notNull().references('obligations.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('details', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('actor_id', 'text')
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
    await trx.schema.createIndex('obligation_events_history').on('obligation_events').columns(['obligation_id', 'at', 'id']).execute();

    await trx.schema
      .createTable('reminder_settings')
      .addColumn('org_id', 'text', (c) => c.primaryKey().references('organisations.id').onDelete('cascade'))
      .addColumn('lead_days', 'text', (c) => c.notNull())
      .addColumn('overdue_weekly', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('updated_by', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await trx.schema
      .createTable('notifications')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('obligation_id', 'text', (c) => c.references('obligations.id').onDelete('cascade'))
      .addColumn('lead', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('read_at', 'text')
      .execute();
    await trx.schema.createIndex('notifications_inbox').on('notifications').columns(['user_id', 'created_at', 'id']).execute();
    await trx.schema.createIndex('notifications_unread').on('notifications').columns(['user_id', 'read_at']).execute();

    await trx.schema
      .createTable('webhooks')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('preset', 'text', (c) => c.notNull())
      .addColumn('secret', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await trx.schema.createIndex('webhooks_by_org').on('webhooks').columns(['org_id', 'created_at']).execute();

    await trx.schema
      .createTable('reminder_deliveries')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
      .addColumn('obligation_id', 'text', (c) => c.references('obligations.id').onDelete('cascade'))
      .addColumn('lead', 'text', (c) => c.notNull())
      // A user id (in-app, email) or a webhook id.
      .addColumn('recipient', 'text', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull())
      // pending, sent, skipped, failed
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('next_attempt_at', 'text', (c) => c.notNull())
      // Claimed by a sweeper until then; a sweeper that dies leaves it to the next once it passes.
      .addColumn('lease_until', 'text')
      .addColumn('last_error', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('response_status', 'integer')
      .addColumn('sent_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await trx.schema.createIndex('reminder_deliveries_once').unique().on('reminder_deliveries').columns(['obligation_id', 'lead', 'recipient', 'channel']).execute();
    await trx.schema.createIndex('reminder_deliveries_queue').on('reminder_deliveries').columns(['status', 'next_attempt_at']).execute();
    await trx.schema.createIndex('reminder_deliveries_by_recipient').on('reminder_deliveries').columns(['org_id', 'recipient', 'created_at']).execute();

    await trx.schema
      .createTable('calendar_feeds')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_used_at', 'text')
      .addColumn('revoked_at', 'text')
      .execute();
    await trx.schema.createIndex('calendar_feeds_by_user').on('calendar_feeds').columns(['org_id', 'user_id']).execute();
  };
  if (db.isTransaction) await work(db);
  else await db.transaction().execute(work);
}

export async function down(db: Kysely<any>): Promise<void> {
  const work = async (trx: Kysely<any>) => {
    for (const table of ['calendar_feeds', 'reminder_deliveries', 'webhooks', 'notifications', 'reminder_settings', 'obligation_events', 'obligations', 'obligation_counts']) await trx.schema.dropTable(table).execute();

    await trx.schema.alterTable('licences').dropColumn('obligations_stamp').execute();
    await trx.schema.dropIndex('licence_events_by_licence').execute();
  };
  if (db.isTransaction) await work(db);
  else await db.transaction().execute(work);
}
