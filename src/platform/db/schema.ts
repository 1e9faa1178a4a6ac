import type { ColumnType, Generated } from 'kysely';

/** Booleans are stored as 0/1 integers on both databases; repositories convert. */
type Flag = number;

export interface OrganisationsTable {
  id: string;
  name: string;
  kind: 'agency' | 'company';
  isDemo: Flag;
  /** 0: deactivated by an operator; its users cannot sign in, nothing is deleted. */
  isActive: ColumnType<Flag, Flag | undefined, Flag>;
  /** Optimistic concurrency for the organisation's rule settings as a whole (they are checked together). */
  settingsVersion: ColumnType<number, number | undefined, number>;
  createdAt: string;
}

export interface UsersTable {
  id: string;
  orgId: string;
  email: string;
  name: string;
  passwordHash: string;
  role: 'owner' | 'admin' | 'staff' | 'client';
  clientId: string | null;
  isActive: Flag;
  /** 1: instance operator (loads the official calendar, manages organisations), whatever the role. */
  isOperator: ColumnType<Flag, Flag | undefined, Flag>;
  /** Optimistic concurrency: bumped by every change; a write naming an older version is refused. */
  version: ColumnType<number, number | undefined, number>;
  createdAt: string;
  updatedAt: string;
  lastLoginAt: string | null;
}

export interface SessionsTable {
  id: string;
  userId: string;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
}

/** Sign-in attempts per key (an account at an address, or an address): the throttle state, shared by instances. */
export interface LoginThrottleTable {
  /** SHA-256 of the throttled key, so no email or address is stored in clear. */
  key: string;
  attempts: number;
  /** The earliest instant another attempt is allowed. */
  nextAt: string;
  lastAt: string;
}

export interface ApiTokensTable {
  id: string;
  orgId: string;
  userId: string;
  name: string;
  secretHash: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface ClientsTable {
  id: string;
  orgId: string;
  name: string;
  uscc: string;
  usccOverride: Flag;
  legalRepresentative: string;
  registeredCapital: number | null;
  businessScope: string;
  province: string | null;
  address: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  /** Foreign-investment share in hundredths of a percent (33.33% → 3333), so no floats are stored. */
  foreignShareBp: number | null;
  notes: string;
  archivedAt: string | null;
  version: ColumnType<number, number | undefined, number>;
  createdAt: string;
  updatedAt: string;
  /** The name, normalised for search (NFKC, lower case): LIKE confirms and walks compare against it. */
  searchText: ColumnType<string, string | undefined, string>;
  /** The name's 1- and 2-character grams as ASCII tokens (`search-grams.ts`); indexed by FTS5 on SQLite and, as the
   *  generated tsvector column `search_vector`, by GIN on PostgreSQL. */
  searchGrams: ColumnType<string, string | undefined, string>;
}

/**
 * SQLite only, kept by triggers on `clients`: a slim copy of what a search filters and sorts on, keyed by an integer
 * that is also the row's id in `client_fts` (the clients table has no stable integer key of its own).
 */
export interface ClientSearchTable {
  key: Generated<number>;
  clientId: string;
  orgId: string;
  name: string;
  isArchived: Flag;
  province: string | null;
}

/**
 * PostgreSQL only, kept by a trigger on `clients` (migration 0014): one row per distinct gram of a client's name, so a
 * one-gram search reads its matches in name order from the key (org_id, gram, name, client_id).
 */
export interface ClientGramsTable {
  orgId: string;
  gram: string;
  name: string;
  clientId: string;
  isArchived: Flag;
  province: string | null;
}

/** SQLite only: the contentless FTS5 index of `clients.search_grams` and the credit code's prefixes, rowid = `client_search.key`. */
export interface ClientFtsTable {
  rowid: number;
  grams: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  orgId: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  summary: string;
  /** JSON text of the change (before/after of the changed fields). */
  changes: string | null;
  at: string;
}

export interface CalendarYearsTable {
  year: number;
  source: string;
  /** JSON array of notice URLs. */
  papers: string;
  /** JSON array of { date, isOffDay, name }. */
  days: string;
  loadedBy: string | null;
  loadedAt: string;
}

/** One row (id 1): bumped with every calendar load or removal, so each instance knows when to reload. */
export interface CalendarRevisionTable {
  id: number;
  revision: number;
  changedAt: string | null;
}

export interface OrgSettingsTable {
  orgId: string;
  /** e.g. `processing.in-province.working-days` (a rule override). */
  key: string;
  /** JSON text of the value. */
  value: string;
  /** The user who last set it; null for the command line. */
  updatedBy: string | null;
  updatedAt: string;
}

/** Exact per-organisation counts (migration 0009), e.g. `clients.active`, `clients.archived`: the compacted totals. */
export interface OrgCountersTable {
  orgId: string;
  name: string;
  value: number;
}

/** Changes to those counts not yet folded into them, appended by triggers. */
export interface OrgCounterDeltasTable {
  id: Generated<number>;
  orgId: string;
  name: string;
  delta: number;
}

/** A licence application (the guide's five steps); `state` follows `src/domain/workflow`. */
export interface ApplicationsTable {
  id: string;
  orgId: string;
  clientId: string;
  serviceCode: string;
  /** `cross-regional` or a province code. */
  scope: string;
  state: string;
  /** While on hold: the state it resumes to. */
  heldFrom: string | null;
  assigneeId: string | null;
  contractSignedOn: string | null;
  /** The agency fee, integer yuan; never shown to client users. */
  contractFeeYuan: number | null;
  submittedOn: string | null;
  acceptanceNo: string | null;
  acceptedOn: string | null;
  issuedOn: string | null;
  licenceId: string | null;
  /** JSON array of the item keys the open correction request sent back. */
  correctionItems: ColumnType<string, string | undefined, string>;
  /** JSON object of the business-description fields (seats, staff, …). */
  business: ColumnType<string, string | undefined, string>;
  /** JSON object of target dates: submitBy, issueBy. */
  targets: ColumnType<string, string | undefined, string>;
  /** JSON object of review milestones: expertReviewOn, onSiteInspectionOn, publicNoticeOn. */
  milestones: ColumnType<string, string | undefined, string>;
  /** The timeline's due date (`buildTimeline`'s dueOn): overdue after it. Kept by `due-dates.ts`; null once ended. */
  dueOn: ColumnType<string | null, string | null | undefined, string | null>;
  // Not typed here, as nothing writes them: `client_search_text` and `client_uscc`, copies of the client company's
  // search text and credit code that triggers keep (migration 0016); the list's search reads them by name.
  version: ColumnType<number, number | undefined, number>;
  createdAt: string;
  updatedAt: string;
}

/** One entry of an application's activity feed: a move, an edit, a review. */
export interface ApplicationEventsTable {
  id: string;
  orgId: string;
  applicationId: string;
  kind: string;
  fromState: string | null;
  toState: string | null;
  /** JSON text of what the event recorded (dates, numbers, changed fields). */
  details: ColumnType<string, string | undefined, string>;
  note: ColumnType<string, string | undefined, string>;
  actorId: string | null;
  at: string;
}

/** A licence held by a client company; created when an application is issued (the registry builds on it). */
export interface LicencesTable {
  id: string;
  orgId: string;
  clientId: string;
  applicationId: string | null;
  number: string;
  serviceCode: string;
  scope: string;
  issuedOn: string;
  expiresOn: string;
  /** JSON array of {serviceCode, scope}: every service the licence lists (the first is also service_code, scope). */
  services: ColumnType<string, string | undefined, string>;
  /** The day it was cancelled (注销), if it has been. */
  cancelledOn: ColumnType<string | null, string | null | undefined, string | null>;
  notes: ColumnType<string, string | undefined, string>;
  /** The rules, calendar and organisation figures its stored obligations were derived under (`obligations/refresh.ts`). */
  obligationsStamp: ColumnType<string, string | undefined, string>;
  version: ColumnType<number, number | undefined, number>;
  createdAt: string;
  updatedAt: string;
}

/** One stored obligation of a licence (migration 0019): derived by the rules, completed by the facts or a user. */
export interface ObligationsTable {
  id: string;
  orgId: string;
  licenceId: string;
  clientId: string;
  /** Stable across refreshes: rule and period, e.g. `annual-report:2027`. */
  key: string;
  kind: string;
  windowStart: string;
  dueOn: string;
  /** open, done or not-applicable, as the rules derive it from the facts. */
  derivedState: string;
  derivedDoneOn: string | null;
  /** What the list shows: done when the facts or a user say so, else the derived state. */
  state: string;
  doneOn: string | null;
  /** JSON {zh, en}: why it applies, with its dates. */
  basis: string;
  provisional: Flag;
  assigneeId: string | null;
  completedBy: string | null;
  completedAt: string | null;
  /** `user` (completed here) or `facts` (completed here by recording the licence event that makes it done). */
  completedVia: string | null;
  completionNote: ColumnType<string, string | undefined, string>;
  evidenceSha256: string | null;
  evidenceName: string | null;
  evidenceType: string | null;
  evidenceSize: number | null;
  remindOn: string | null;
  version: ColumnType<number, number | undefined, number>;
  createdAt: string;
  updatedAt: string;
}

/** How many obligations fall due on a day, by organisation, state and kind (migration 0019); kept by `obligations/counts.ts`. */
export interface ObligationCountsTable {
  orgId: string;
  state: string;
  dueOn: string;
  kind: string;
  count: number;
}

/** One entry of an obligation's history: a due date moved, completed, reopened, assigned, no longer applicable. */
export interface ObligationEventsTable {
  id: string;
  orgId: string;
  obligationId: string;
  kind: string;
  details: ColumnType<string, string | undefined, string>;
  actorId: string | null;
  at: string;
}

/** An organisation's reminder lead times (JSON array of days before due) and whether overdue repeats weekly. */
export interface ReminderSettingsTable {
  orgId: string;
  leadDays: string;
  overdueWeekly: Flag;
  version: ColumnType<number, number | undefined, number>;
  updatedBy: string | null;
  updatedAt: string;
}

/** An in-app notification (the bell). */
export interface NotificationsTable {
  id: string;
  orgId: string;
  userId: string;
  obligationId: string | null;
  lead: string;
  /** JSON {zh, en}. */
  title: string;
  body: string;
  createdAt: string;
  readAt: string | null;
}

export interface WebhooksTable {
  id: string;
  orgId: string;
  name: string;
  url: string;
  preset: string;
  secret: ColumnType<string, string | undefined, string>;
  isActive: ColumnType<Flag, Flag | undefined, Flag>;
  version: ColumnType<number, number | undefined, number>;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

/** The reminder outbox: one row per (obligation, lead, recipient, channel), never two. */
export interface ReminderDeliveriesTable {
  id: string;
  orgId: string;
  obligationId: string | null;
  lead: string;
  recipient: string;
  channel: string;
  status: string;
  payload: ColumnType<string, string | undefined, string>;
  attempts: ColumnType<number, number | undefined, number>;
  nextAttemptAt: string;
  leaseUntil: string | null;
  lastError: ColumnType<string, string | undefined, string>;
  responseStatus: number | null;
  sentAt: string | null;
  createdAt: string;
}

/** An ICS subscription: the token's SHA-256, never the token. */
export interface CalendarFeedsTable {
  id: string;
  orgId: string;
  userId: string;
  scope: string;
  tokenHash: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** One event of a licence's history (`domain/licences/licence-facts.ts`): kind, date and its details as JSON text. */
export interface LicenceEventsTable {
  id: string;
  orgId: string;
  licenceId: string;
  kind: string;
  date: string;
  details: ColumnType<string, string | undefined, string>;
  note: ColumnType<string, string | undefined, string>;
  createdBy: string | null;
  createdAt: string;
}

/** One uploaded (or generated) version of an application's checklist item, and its review. */
export interface MaterialFilesTable {
  id: string;
  orgId: string;
  applicationId: string;
  itemKey: string;
  /** 1, 2, 3 … per item; earlier versions stay downloadable. */
  version: number;
  sha256: string;
  size: number;
  /** As detected from the content: pdf, jpg, png, docx, xlsx. */
  fileType: string;
  fileName: string;
  /** `upload`, or `generated` for documents LicenseDesk drafted. */
  source: ColumnType<string, string | undefined, string>;
  uploadedBy: string | null;
  uploadedAt: string;
  /** pending, accepted or rejected. */
  review: ColumnType<string, string | undefined, string>;
  reviewReason: ColumnType<string, string | undefined, string>;
  reviewedBy: string | null;
  reviewedAt: string | null;
}

/** A checklist item a user added to one application (key `custom-…`), beside the catalogue's. */
export interface ApplicationItemsTable {
  id: string;
  orgId: string;
  applicationId: string;
  key: string;
  title: string;
  hint: ColumnType<string, string | undefined, string>;
  required: Flag;
  createdBy: string | null;
  createdAt: string;
}

/** File contents when LICENSEDESK_BLOB_STORE=database, keyed by SHA-256 (identical content stored once). */
export interface BlobsTable {
  sha256: string;
  size: number;
  content: Uint8Array;
}

/** A spreadsheet import of clients or licences (migration 0021); JSON columns are text on both databases. */
export interface ImportJobsTable {
  id: string;
  orgId: string;
  kind: string;
  status: string;
  fileName: string;
  fileSha256: string;
  fileSize: number;
  format: string;
  headers: string;
  sample: string;
  mapping: string;
  onDuplicate: string;
  validOnly: Flag;
  progressDone: number;
  progressTotal: number;
  report: string | null;
  result: string | null;
  failure: string | null;
  createdBy: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface Database {
  organisations: OrganisationsTable;
  users: UsersTable;
  sessions: SessionsTable;
  loginThrottle: LoginThrottleTable;
  apiTokens: ApiTokensTable;
  clients: ClientsTable;
  clientSearch: ClientSearchTable;
  clientFts: ClientFtsTable;
  clientGrams: ClientGramsTable;
  auditLog: AuditLogTable;
  calendarYears: CalendarYearsTable;
  calendarRevision: CalendarRevisionTable;
  orgSettings: OrgSettingsTable;
  orgCounters: OrgCountersTable;
  orgCounterDeltas: OrgCounterDeltasTable;
  applications: ApplicationsTable;
  applicationEvents: ApplicationEventsTable;
  licences: LicencesTable;
  licenceEvents: LicenceEventsTable;
  materialFiles: MaterialFilesTable;
  blobs: BlobsTable;
  applicationItems: ApplicationItemsTable;
  obligations: ObligationsTable;
  obligationEvents: ObligationEventsTable;
  obligationCounts: ObligationCountsTable;
  reminderSettings: ReminderSettingsTable;
  notifications: NotificationsTable;
  webhooks: WebhooksTable;
  reminderDeliveries: ReminderDeliveriesTable;
  importJobs: ImportJobsTable;
  calendarFeeds: CalendarFeedsTable;
}

export type Insertable<T> = { [K in keyof T]: T[K] extends ColumnType<infer _S, infer I, infer _U> ? I : T[K] };
