import type { Kysely } from 'kysely';

// What an application's timeline shows beside its stages: the target dates staff plan with (submit by, issue by) and
// the review milestones the authority announces (expert review, on-site inspection, public notice), each a JSON
// object of YYYY-MM-DD dates. Frozen in time: this migration never imports application code.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('applications').addColumn('targets', 'text', (c) => c.notNull().defaultTo('{}')).execute();
  await db.schema.alterTable('applications').addColumn('milestones', 'text', (c) => c.notNull().defaultTo('{}')).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('applications').dropColumn('milestones').execute();
  await db.schema.alterTable('applications').dropColumn('targets').execute();
}
