import type { AppContext } from '../../app-context.ts';
import type { LocalizedText } from '../../domain/calendar/types.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Scope } from '../access/actor.ts';

/** A record already in the organisation (or written earlier by this import): what an update needs. */
export interface Known {
  id: string;
  version: number;
}

/** A row's problem found against the database (a holder that is not a client, a licence the rules refuse). */
export interface RowProblem {
  field: string;
  message: LocalizedText;
}

/** How one kind's rows meet the database: matched by a key, checked against what exists, written in batches. */
export interface KindWriter<V> {
  /** The duplicate key: a credit code, a licence number. */
  keyOf(value: V): string;
  findExisting(db: Db, scope: Scope, keys: string[]): Promise<Map<string, Known>>;
  /** Checks that need the database, for a batch; a row with problems is invalid. Resolves what insert needs. */
  resolve?(db: Db, input: { scope: Scope; values: V[]; today: string }): Promise<Array<RowProblem[]>>;
  insert(db: Db, input: { ctx: AppContext; scope: Scope; now: string; rows: Array<{ id: string; value: V }> }): Promise<void>;
  /** False when the record changed under the import (its version moved). */
  update(db: Db, input: { ctx: AppContext; scope: Scope; now: string; target: Known; value: V }): Promise<boolean>;
  /** After a batch's inserts and updates (licences: derive their obligations). */
  afterBatch?(db: Db, input: { ctx: AppContext; ids: string[] }): Promise<void>;
}
