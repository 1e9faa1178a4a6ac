import { createHash } from 'node:crypto';
import { sequentialId } from '../../platform/db/sequential-id.ts';
import type { AppContext } from '../../app-context.ts';
import type { LocalizedText } from '../../domain/calendar/types.ts';
import type { LicenceScope } from '../../domain/catalog/authorities.ts';
import type { CatalogOverrides } from '../../domain/catalog/catalog-overrides.ts';
import { obligationRules } from '../../domain/catalog/obligation-rules.ts';
import { licenceFactsOf, type LicenceEvent } from '../../domain/licences/licence-facts.ts';
import { obligationsToStore, type StoredObligation } from '../../domain/obligations/stored-obligations.ts';
import { chinaDateOf } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import type { ObligationEventsTable, ObligationsTable } from '../../platform/db/schema.ts';
import { sql, type Insertable } from 'kysely';
import { loadRuleOverrides } from '../settings/load-rule-overrides.ts';
import { firstReminderOn } from '../../domain/obligations/reminder-leads.ts';
import { loadReminderSettings, type ReminderSettings } from './reminder-settings.ts';
import { CountDeltas } from './counts.ts';
import * as repo from './repository.ts';
import { forgetScores } from './score-cache.ts';

// Stored obligations follow their inputs: a licence's facts (its record and history), the organisation's rule figures
// and the working calendar. Each input change calls a refresh in the transaction that made it (the calendar: right
// after it is reloaded); a licence's stamp names what its rows were derived under, so a full refresh skips the fresh.

/** Changes whenever the obligation rules change with a release. */
const rulesRevision = createHash('sha256').update(JSON.stringify(obligationRules)).digest('hex').slice(0, 12);

const calendarFingerprints = new WeakMap<object, string>();

/** What a licence's rows depend on besides its own facts: the rules, the calendar in force, the organisation's figures. */
export function stampOf(ctx: AppContext, overrides: CatalogOverrides): string {
  const arrangements = ctx.calendar.arrangements();
  let calendar = calendarFingerprints.get(arrangements);
  if (!calendar) {
    calendar = createHash('sha256').update(JSON.stringify(arrangements)).digest('hex').slice(0, 12);
    calendarFingerprints.set(arrangements, calendar);
  }
  const figures = Object.entries(overrides).filter(([key]) => key.startsWith('obligations.') && key !== 'obligations.due-soon.days').sort(([a], [b]) => (a < b ? -1 : 1));
  const org = createHash('sha256').update(JSON.stringify(figures)).digest('hex').slice(0, 12);
  return `${rulesRevision}.${calendar}.${org}`;
}

interface OrgInputs {
  overrides: CatalogOverrides;
  reminders: ReminderSettings;
  stamp: string;
}

async function orgInputs(ctx: AppContext, db: Db, orgId: string, cache: Map<string, OrgInputs>): Promise<OrgInputs> {
  let inputs = cache.get(orgId);
  if (!inputs) {
    const overrides = await loadRuleOverrides(db, orgId);
    inputs = { overrides, reminders: await loadReminderSettings(db, orgId), stamp: stampOf(ctx, overrides) };
    cache.set(orgId, inputs);
  }
  return inputs;
}

function readJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/** Done by the facts, or by a user's completion (which survives every refresh); else what the rules say. */
function effectiveState(row: Pick<ObligationsTable, 'derivedState' | 'derivedDoneOn' | 'completedAt' | 'completedVia'>): { state: string; doneOn: string | null } {
  if (row.derivedState === 'done') return { state: 'done', doneOn: row.derivedDoneOn ?? (row.completedAt ? chinaDateOf(row.completedAt) : null) };
  // A completion that recorded a licence event lasts as long as the event does.
  if (row.completedAt && row.completedVia !== 'facts') return { state: 'done', doneOn: chinaDateOf(row.completedAt) };
  return { state: row.derivedState, doneOn: null };
}

const vanished: LocalizedText = { zh: '依据已不存在（相关记录被删除或更正），此项不再适用。', en: 'Its basis no longer exists (the record behind it was removed or corrected), so it no longer applies.' };

type Event = Insertable<ObligationEventsTable>;

/**
 * Brings the stored rows of a batch of licences in step with what the rules derive now: new keys are inserted, changed
 * ones updated (a moved due date, done or open again by the facts) with a history entry, and a key no longer derived is
 * closed as not applicable, never dropped. Completions and assignees are kept. Returns how many rows changed.
 */
async function refreshBatch(ctx: AppContext, db: Db, licenceIds: string[], cache: Map<string, OrgInputs>): Promise<number> {
  if (licenceIds.length === 0) return 0;
  const licences = await db.selectFrom('licences').select(['id', 'orgId', 'clientId', 'services', 'serviceCode', 'scope', 'issuedOn', 'expiresOn', 'cancelledOn']).where('id', 'in', licenceIds).execute();
  const eventRows = await db.selectFrom('licenceEvents').select(['licenceId', 'kind', 'date', 'details']).where('licenceId', 'in', licenceIds).orderBy('date').orderBy('createdAt').orderBy('id').execute();
  const eventsOf = new Map<string, LicenceEvent[]>();
  for (const e of eventRows) {
    const list = eventsOf.get(e.licenceId) ?? [];
    list.push({ kind: e.kind, date: e.date, ...readJson<object>(e.details, {}) } as LicenceEvent);
    eventsOf.set(e.licenceId, list);
  }
  const storedOf = new Map<string, Map<string, repo.ObligationRecord>>();
  for (const row of await repo.listForLicences(db, licenceIds)) {
    const map = storedOf.get(row.licenceId) ?? new Map();
    map.set(row.key, row);
    storedOf.set(row.licenceId, map);
  }
  const now = ctx.clock.now();
  const inserts: Array<Insertable<ObligationsTable>> = [];
  const events: Event[] = [];
  const counts = new CountDeltas();
  let changed = 0;
  const stamps = new Map<string, string[]>();
  for (const licence of licences) {
    const inputs = await orgInputs(ctx, db, licence.orgId, cache);
    const services = readJson<Array<{ serviceCode: string; scope: string }>>(licence.services, []);
    const list = services.length > 0 ? services : [{ serviceCode: licence.serviceCode, scope: licence.scope }];
    const facts = licenceFactsOf({ services: list.map((s) => s.serviceCode), scope: list[0].scope as LicenceScope, issuedOn: licence.issuedOn, expiresOn: licence.expiresOn }, eventsOf.get(licence.id) ?? []);
    let derived: StoredObligation[];
    try {
      derived = obligationsToStore(facts, { calendar: ctx.calendar.current(), overrides: inputs.overrides, cancelledOn: licence.cancelledOn });
    } catch (error) {
      // A licence whose dates fall outside the calendar keeps its rows as they were; the error is logged once.
      ctx.logger.warn({ err: error, licenceId: licence.id }, 'obligations of a licence could not be derived');
      continue;
    }
    const stored = storedOf.get(licence.id) ?? new Map<string, repo.ObligationRecord>();
    const seen = new Set<string>();
    for (const d of derived) {
      seen.add(d.key);
      const basis = JSON.stringify(d.basis);
      const before = stored.get(d.key);
      if (!before) {
        const state = effectiveState({ derivedState: d.state, derivedDoneOn: d.doneOn, completedAt: null, completedVia: null });
        inserts.push({
          id: sequentialId(), orgId: licence.orgId, licenceId: licence.id, clientId: licence.clientId, key: d.key, kind: d.kind, windowStart: d.windowStart, dueOn: d.dueOn,
          derivedState: d.state, derivedDoneOn: d.doneOn, state: state.state, doneOn: state.doneOn, basis, provisional: d.provisional ? 1 : 0,
          assigneeId: null, completedBy: null, completedAt: null, completedVia: null, evidenceSha256: null, evidenceName: null, evidenceType: null, evidenceSize: null,
          remindOn: state.state === 'open' ? firstReminderOn(d.dueOn, inputs.reminders) : null, version: 1, createdAt: now, updatedAt: now,
        });
        continue;
      }
      const same = before.dueOn === d.dueOn && before.windowStart === d.windowStart && before.derivedState === d.state && before.derivedDoneOn === d.doneOn && before.basis === basis && Number(before.provisional) === (d.provisional ? 1 : 0) && before.clientId === licence.clientId;
      if (same) continue;
      const state = effectiveState({ derivedState: d.state, derivedDoneOn: d.doneOn, completedAt: before.completedAt, completedVia: before.completedVia });
      // A user's completion keeps the day they gave.
      if (d.state !== 'done' && before.completedAt && before.doneOn) state.doneOn = before.doneOn;
      const changes: Partial<repo.ObligationRecord> = {
        dueOn: d.dueOn, windowStart: d.windowStart, derivedState: d.state, derivedDoneOn: d.doneOn, state: state.state, doneOn: state.doneOn, basis, provisional: d.provisional ? 1 : 0, clientId: licence.clientId, updatedAt: now,
      };
      // The licence event a completion here recorded was removed: the completion (its note, its evidence) goes with it.
      if (d.state !== 'done' && before.completedVia === 'facts' && before.completedAt) {
        Object.assign(changes, { completedAt: null, completedBy: null, completedVia: null, completionNote: '', evidenceSha256: null, evidenceName: null, evidenceType: null, evidenceSize: null });
      }
      if (state.state !== 'open') changes.remindOn = null;
      else if (before.dueOn !== d.dueOn || before.state !== 'open') changes.remindOn = firstReminderOn(d.dueOn, inputs.reminders);
      await repo.setObligation(db, before.id, { ...changes, version: Number(before.version) + 1 });
      counts.changed(before, { orgId: licence.orgId, state: state.state, dueOn: d.dueOn, kind: before.kind });
      changed++;
      if (before.dueOn !== d.dueOn) events.push({ id: sequentialId(), orgId: licence.orgId, obligationId: before.id, kind: 'due-moved', details: JSON.stringify({ from: before.dueOn, to: d.dueOn }), actorId: null, at: now });
      if (before.state !== state.state) events.push({ id: sequentialId(), orgId: licence.orgId, obligationId: before.id, kind: `became-${state.state}`, details: JSON.stringify({ from: before.state, to: state.state, by: 'rules' }), actorId: null, at: now });
    }
    for (const [key, before] of stored) {
      if (seen.has(key) || before.derivedState === 'not-applicable') continue;
      const basis = readJson<LocalizedText>(before.basis, { zh: '', en: '' });
      const state = effectiveState({ derivedState: 'not-applicable', derivedDoneOn: null, completedAt: before.completedAt, completedVia: before.completedVia });
      await repo.setObligation(db, before.id, {
        derivedState: 'not-applicable', derivedDoneOn: null, state: state.state, doneOn: state.doneOn, remindOn: null, updatedAt: now, version: Number(before.version) + 1,
        basis: JSON.stringify({ zh: `${basis.zh}${vanished.zh}`, en: `${basis.en} ${vanished.en}` }),
      });
      counts.changed(before, { ...before, state: state.state });
      changed++;
      events.push({ id: sequentialId(), orgId: licence.orgId, obligationId: before.id, kind: 'basis-vanished', details: JSON.stringify({ from: before.state, to: state.state }), actorId: null, at: now });
    }
    const ids = stamps.get(inputs.stamp) ?? [];
    ids.push(licence.id);
    stamps.set(inputs.stamp, ids);
  }
  await repo.insertObligations(db, inserts, ctx.database.dialect === 'sqlite' ? ctx.database.sqlite : null);
  for (const row of inserts) counts.inserted(row);
  await counts.apply(db);
  await repo.insertObligationEvents(db, events);
  for (const [stamp, ids] of stamps) await db.updateTable('licences').set({ obligationsStamp: stamp }).where('id', 'in', ids).execute();
  if (changed + inserts.length > 0) for (const orgId of new Set(licences.map((l) => l.orgId))) forgetScores(orgId);
  return changed + inserts.length;
}

/** Refreshes these licences' obligations at once (an import's batch); call it in the transaction that wrote them. */
export async function refreshObligationsOf(ctx: AppContext, db: Db, licenceIds: string[]): Promise<number> {
  return refreshBatch(ctx, db, licenceIds, new Map());
}

/** Refreshes one licence's obligations; call it in the transaction that changed its facts. */
export async function refreshLicenceObligations(ctx: AppContext, db: Db, licenceId: string): Promise<number> {
  return refreshBatch(ctx, db, [licenceId], new Map());
}

type RefreshOptions = { orgId?: string; force?: boolean; batchSize?: number; inTransactions?: boolean; onBatch?: (done: number) => void };

/**
 * Refreshes every licence (of one organisation, or all) whose rows are stale, or every one with `force`: after the
 * organisation's figures change (in that transaction), after the calendar changes, and at start. A batch at a time,
 * each in `db` (pass a transaction to make it one); returns how many rows changed.
 */
export async function refreshAllObligations(ctx: AppContext, db: Db, options: RefreshOptions = {}): Promise<number> {
  // On SQLite a full refresh writes each of the table's indexes all over: for its length a bigger page cache (256 MB,
  // given back after) keeps more of them in memory; it took 100,000 licences from 72 to 65 s.
  const sqlite = ctx.database.dialect === 'sqlite' ? ctx.database.sqlite : null;
  const cacheBefore = sqlite ? (sqlite.pragma('cache_size', { simple: true }) as number) : 0;
  if (sqlite) sqlite.pragma('cache_size = -262144');
  try {
    return await refreshStale(ctx, db, options);
  } finally {
    if (sqlite) sqlite.pragma(`cache_size = ${cacheBefore}`);
  }
}

/**
 * A batch of a full refresh in its own transaction. On PostgreSQL its commit does not wait for the WAL to reach disk
 * (synchronous_commit off, this transaction only): what a crash could lose is re-derived from the facts, since the
 * licences' stamps are written in the same transaction, so they stay stale unless it commits.
 */
async function refreshBatchLazily(ctx: AppContext, trx: Db, licenceIds: string[], cache: Map<string, OrgInputs>): Promise<number> {
  if (ctx.database.dialect === 'postgres') await sql`SET LOCAL synchronous_commit = off`.execute(trx);
  return refreshBatch(ctx, trx, licenceIds, cache);
}

async function refreshStale(ctx: AppContext, db: Db, options: RefreshOptions): Promise<number> {
  const cache = new Map<string, OrgInputs>();
  // SQLite rewrites each index's touched pages once per transaction, so fewer, larger batches write less (100,000
  // licences, with migration 0020's index fewer: 65 s at 2,000 before, 44 s at 5,000); each holds the write lock a few seconds.
  const size = options.batchSize ?? (ctx.database.dialect === 'sqlite' ? 5000 : 2000);
  // On PostgreSQL two batches, each its own transaction, keep both of the database's cores busy; SQLite writes one at
  // a time whatever the caller does.
  const inFlight = options.inTransactions && ctx.database.dialect === 'postgres' ? 2 : 1;
  const running = new Set<Promise<void>>();
  let after = '';
  let changed = 0;
  let walked = 0;
  let failure: unknown = null;
  for (;;) {
    const batch = await repo.listLicenceStamps(db, { orgId: options.orgId, after, limit: size });
    if (batch.length === 0) break;
    const stale: string[] = [];
    for (const licence of batch) {
      const inputs = await orgInputs(ctx, db, licence.orgId, cache);
      if (options.force || licence.obligationsStamp !== inputs.stamp) stale.push(licence.id);
    }
    if (stale.length > 0) {
      const work = (options.inTransactions ? db.transaction().execute((trx) => refreshBatchLazily(ctx, trx, stale, cache)) : refreshBatch(ctx, db, stale, cache)).then(
        (n) => void (changed += n),
        (error: unknown) => void (failure ??= error),
      );
      running.add(work);
      void work.finally(() => running.delete(work));
      if (running.size >= inFlight) await Promise.race(running);
      if (failure) break;
    }
    walked += batch.length;
    options.onBatch?.(walked);
    after = batch[batch.length - 1].id;
  }
  await Promise.all(running);
  if (failure) throw failure;
  return changed;
}
