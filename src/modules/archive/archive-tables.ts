import type { Database } from '../../platform/db/schema.ts';

/**
 * What a whole-organisation archive holds, table by table (every table of `schema.ts` is named here once).
 *
 * EXPORTED (records/<table>.jsonl, one row a line, in the order below, which is also the restore order):
 * - organisations: name, kind, isDemo, settingsVersion, createdAt. Left out: isActive (an operator's switch on the
 *   source instance; a restored organisation starts active). The name is replaced by the one given at restore.
 * - clients: every column but the derived search columns (searchText, searchGrams; rebuilt from the name).
 * - users: email, name, role, client link, isActive, version, createdAt, updatedAt, so assignees, authors and
 *   reviewers map to people. Left out: passwordHash (a secret), isOperator (an instance privilege, never granted by
 *   importing a file), lastLoginAt (sign-in state of the source instance, like sessions).
 * - org_settings: the rule overrides, as stored (JSON text).
 * - reminder_settings: lead days, weekly overdue repeat, version.
 * - webhooks: name, url, preset, isActive, version, who and when. Left out: secret (an HMAC key). A restored webhook
 *   is paused: without its secret it would post unsigned, and a copy on the same instance would post every reminder
 *   twice; an admin turns it back on (or recreates it for a new secret).
 * - applications (without client_search_text / client_uscc, which triggers copy from the client), application_items,
 *   application_events, material_files (their content in files/<sha256>).
 * - licences (with obligationsStamp, so a refresh at restore touches only what the target's rules or calendar change),
 *   licence_events.
 * - obligations, complete: derived state, completion, assignee, evidence (content in files/<sha256>), remindOn (so
 *   reminders already planned are not planned again); obligation_events.
 * - notifications: the bell, with read state.
 * - import_jobs: spreadsheet imports, with their uploaded file (files/<sha256>), mapping, report and outcome; a job
 *   the source left running is marked failed when the target starts, as any interrupted import is.
 * - audit_log: every entry, oldest first, without its integer id (a restore appends them in the same order).
 *
 * REBUILT at restore, never exported:
 * - client_search, client_fts (SQLite) and client_grams (PostgreSQL): kept by triggers on `clients`, whose search
 *   columns the restore fills with `toSearchColumns`, as the clients repository does.
 * - org_counters, org_counter_deltas: triggers append the new clients' deltas; the restore folds them in.
 * - obligation_counts: summed from the restored obligations (`CountDeltas`), then the obligations refresh.
 * - blobs (LICENSEDESK_BLOB_STORE=database): the files/ entries are kept through the target's BlobStore.
 *
 * LEFT OUT:
 * - sessions, api_tokens, calendar_feeds: secrets (session ids, token hashes) that belong to the source instance;
 *   users sign in again and create new tokens and feed addresses.
 * - login_throttle: instance-wide sign-in state, keyed by hashed addresses, not an organisation's data.
 * - reminder_deliveries: the source instance's outbox and delivery log. Pending sends are the source's to finish;
 *   restoring them would send each mail and webhook again from here (remindOn keeps what was planned from repeating).
 * - calendar_years, calendar_revision: the official calendar, shared by every organisation of an instance; the
 *   target's operator loads it, and the refresh at restore follows the target's calendar.
 */

/** Tables rebuilt at restore from the restored rows, never exported (as listed above). */
export const rebuiltTables = ['client_search', 'client_fts', 'client_grams', 'org_counters', 'org_counter_deltas', 'obligation_counts', 'blobs'] as const;

/** Tables an archive leaves out (as listed above). A test fails for any table of the database in none of the lists. */
export const leftOutTables = ['sessions', 'api_tokens', 'calendar_feeds', 'login_throttle', 'reminder_deliveries', 'calendar_years', 'calendar_revision'] as const;

/** How one exported column is written to the archive and read back. */
export type ColumnKind =
  /** The row's own id: remapped to a new one at restore. */
  | 'id'
  | 'text'
  | 'text?'
  | 'int'
  | 'int?'
  /** Stored as 0/1 on both databases, written as a boolean. */
  | 'flag'
  /** Text (often JSON) in which ids of the archive's records are rewritten to the restored ones. */
  | 'mapped'
  | 'mapped?'
  /** A user (or any record) named for history: remapped when it is in the archive, else kept as it was. */
  | 'soft?'
  /** The SHA-256 of an uploaded file, whose content is files/<sha256>. */
  | 'sha256'
  | 'sha256?'
  /** A reference that must name a record of the archive's table. */
  | `ref:${ArchiveTableName}`
  | `ref?:${ArchiveTableName}`;

export const archiveTableNames = [
  'organisations',
  'clients',
  'users',
  'org_settings',
  'reminder_settings',
  'webhooks',
  'import_jobs',
  'applications',
  'application_items',
  'application_events',
  'material_files',
  'licences',
  'licence_events',
  'obligations',
  'obligation_events',
  'notifications',
  'audit_log',
] as const;

export type ArchiveTableName = (typeof archiveTableNames)[number];

export interface ArchiveTable {
  name: ArchiveTableName;
  /** The table as Kysely names it (camelCase). */
  table: keyof Database;
  /** The column naming the organisation (`id` for the organisation itself). */
  orgColumn: 'orgId' | 'id';
  /** Pages are read in this column's order (unique within the organisation); null: a few rows, read at once. */
  cursor: string | null;
  /** For a table read at once: the column its rows are written in order of (compared as JavaScript strings, so the
   *  order is the same from either database, whatever collation PostgreSQL was created with). */
  sortBy?: string;
  /** The columns written, in order, and how; a cursor not listed here (audit_log's integer id) is read, never written. */
  columns: Record<string, ColumnKind>;
}

const stamps = { createdAt: 'text', updatedAt: 'text' } as const;

export const archiveTables: readonly ArchiveTable[] = [
  { name: 'organisations', table: 'organisations', orgColumn: 'id', cursor: null, columns: { id: 'id', name: 'text', kind: 'text', isDemo: 'flag', settingsVersion: 'int', createdAt: 'text' } },
  {
    name: 'clients', table: 'clients', orgColumn: 'orgId', cursor: 'id',
    columns: {
      id: 'id', name: 'text', uscc: 'text', usccOverride: 'flag', legalRepresentative: 'text', registeredCapital: 'int?', businessScope: 'text', province: 'text?', address: 'text',
      contactName: 'text', contactPhone: 'text', contactEmail: 'text', foreignShareBp: 'int?', notes: 'text', archivedAt: 'text?', version: 'int', ...stamps,
    },
  },
  { name: 'users', table: 'users', orgColumn: 'orgId', cursor: 'id', columns: { id: 'id', email: 'text', name: 'text', role: 'text', clientId: 'ref?:clients', isActive: 'flag', version: 'int', ...stamps } },
  // One row per overridable setting at most: read at once.
  { name: 'org_settings', table: 'orgSettings', orgColumn: 'orgId', cursor: null, sortBy: 'key', columns: { key: 'text', value: 'mapped', updatedBy: 'soft?', updatedAt: 'text' } },
  { name: 'reminder_settings', table: 'reminderSettings', orgColumn: 'orgId', cursor: null, columns: { leadDays: 'text', overdueWeekly: 'flag', version: 'int', updatedBy: 'soft?', updatedAt: 'text' } },
  { name: 'webhooks', table: 'webhooks', orgColumn: 'orgId', cursor: 'id', columns: { id: 'id', name: 'text', url: 'text', preset: 'text', isActive: 'flag', version: 'int', createdBy: 'soft?', ...stamps } },
  {
    name: 'import_jobs', table: 'importJobs', orgColumn: 'orgId', cursor: 'id',
    columns: {
      id: 'id', kind: 'text', status: 'text', fileName: 'text', fileSha256: 'sha256', fileSize: 'int', format: 'text', headers: 'text', sample: 'text', mapping: 'text', onDuplicate: 'text',
      validOnly: 'flag', progressDone: 'int', progressTotal: 'int', report: 'mapped?', result: 'mapped?', failure: 'text?', createdBy: 'soft?', version: 'int', ...stamps,
    },
  },
  {
    name: 'applications', table: 'applications', orgColumn: 'orgId', cursor: 'id',
    columns: {
      id: 'id', clientId: 'ref:clients', serviceCode: 'text', scope: 'text', state: 'text', heldFrom: 'text?', assigneeId: 'ref?:users', contractSignedOn: 'text?', contractFeeYuan: 'int?',
      submittedOn: 'text?', acceptanceNo: 'text?', acceptedOn: 'text?', issuedOn: 'text?', licenceId: 'ref?:licences', correctionItems: 'mapped', business: 'mapped', targets: 'mapped',
      milestones: 'mapped', dueOn: 'text?', version: 'int', ...stamps,
    },
  },
  { name: 'application_items', table: 'applicationItems', orgColumn: 'orgId', cursor: 'id', columns: { id: 'id', applicationId: 'ref:applications', key: 'text', title: 'text', hint: 'text', required: 'flag', createdBy: 'soft?', createdAt: 'text' } },
  {
    name: 'application_events', table: 'applicationEvents', orgColumn: 'orgId', cursor: 'id',
    columns: { id: 'id', applicationId: 'ref:applications', kind: 'text', fromState: 'text?', toState: 'text?', details: 'mapped', note: 'text', actorId: 'soft?', at: 'text' },
  },
  {
    name: 'material_files', table: 'materialFiles', orgColumn: 'orgId', cursor: 'id',
    columns: {
      id: 'id', applicationId: 'ref:applications', itemKey: 'text', version: 'int', sha256: 'sha256', size: 'int', fileType: 'text', fileName: 'text', source: 'text', uploadedBy: 'soft?',
      uploadedAt: 'text', review: 'text', reviewReason: 'text', reviewedBy: 'soft?', reviewedAt: 'text?',
    },
  },
  {
    name: 'licences', table: 'licences', orgColumn: 'orgId', cursor: 'id',
    columns: {
      id: 'id', clientId: 'ref:clients', applicationId: 'ref?:applications', number: 'text', serviceCode: 'text', scope: 'text', issuedOn: 'text', expiresOn: 'text', services: 'mapped',
      cancelledOn: 'text?', notes: 'text', obligationsStamp: 'text', version: 'int', ...stamps,
    },
  },
  { name: 'licence_events', table: 'licenceEvents', orgColumn: 'orgId', cursor: 'id', columns: { id: 'id', licenceId: 'ref:licences', kind: 'text', date: 'text', details: 'mapped', note: 'text', createdBy: 'soft?', createdAt: 'text' } },
  {
    name: 'obligations', table: 'obligations', orgColumn: 'orgId', cursor: 'id',
    columns: {
      id: 'id', licenceId: 'ref:licences', clientId: 'ref:clients', key: 'text', kind: 'text', windowStart: 'text', dueOn: 'text', derivedState: 'text', derivedDoneOn: 'text?', state: 'text',
      doneOn: 'text?', basis: 'mapped', provisional: 'flag', assigneeId: 'ref?:users', completedBy: 'soft?', completedAt: 'text?', completedVia: 'text?', completionNote: 'text',
      evidenceSha256: 'sha256?', evidenceName: 'text?', evidenceType: 'text?', evidenceSize: 'int?', remindOn: 'text?', version: 'int', ...stamps,
    },
  },
  { name: 'obligation_events', table: 'obligationEvents', orgColumn: 'orgId', cursor: 'id', columns: { id: 'id', obligationId: 'ref:obligations', kind: 'text', details: 'mapped', actorId: 'soft?', at: 'text' } },
  {
    name: 'notifications', table: 'notifications', orgColumn: 'orgId', cursor: 'id',
    columns: { id: 'id', userId: 'ref:users', obligationId: 'ref?:obligations', lead: 'text', title: 'mapped', body: 'mapped', createdAt: 'text', readAt: 'text?' },
  },
  { name: 'audit_log', table: 'auditLog', orgColumn: 'orgId', cursor: 'id', columns: { actorId: 'soft?', action: 'text', entityType: 'text', entityId: 'soft?', summary: 'mapped', changes: 'mapped?', at: 'text' } },
];

export const archiveTableOf = (name: ArchiveTableName): ArchiveTable => archiveTables.find((t) => t.name === name)!;

/** The entry a table's records are written to. */
export const recordsPath = (name: ArchiveTableName) => `records/${name}.jsonl`;

/** The entry an uploaded file's content is written to. */
export const filePath = (sha256: string) => `files/${sha256}`;
