import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';

/** One obligation as the day counts see it. */
export interface Counted {
  orgId: string;
  state: string;
  dueOn: string;
  kind: string;
}

/**
 * The changes to `obligation_counts` a set of writes makes, summed per (organisation, state, day, kind): every code
 * path that inserts obligations or changes their state, due date or kind records here, then applies the sum once.
 */
export class CountDeltas {
  private readonly deltas = new Map<string, { row: Counted; delta: number }>();

  private add(row: Counted, delta: number): void {
    const key = `${row.orgId}|${row.state}|${row.dueOn}|${row.kind}`;
    const entry = this.deltas.get(key);
    if (entry) entry.delta += delta;
    else this.deltas.set(key, { row: { orgId: row.orgId, state: row.state, dueOn: row.dueOn, kind: row.kind }, delta });
  }

  inserted(row: Counted): void {
    this.add(row, 1);
  }

  changed(before: Counted, after: Counted): void {
    if (before.state === after.state && before.dueOn === after.dueOn && before.kind === after.kind) return;
    this.add(before, -1);
    this.add(after, 1);
  }

  /** Writes the sums, in the caller's transaction. */
  async apply(db: Db): Promise<void> {
    // In key order, so two transactions applying theirs at once wait for each other rather than deadlock.
    const rows = [...this.deltas.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .filter(([, e]) => e.delta !== 0)
      .map(([, e]) => ({ ...e.row, count: e.delta }));
    this.deltas.clear();
    for (let i = 0; i < rows.length; i += 500) {
      await db
        .insertInto('obligationCounts')
        .values(rows.slice(i, i + 500))
        .onConflict((oc) => oc.columns(['orgId', 'state', 'dueOn', 'kind']).doUpdateSet({ count: sql`${sql.ref('obligation_counts.count')} + ${sql.ref('excluded.count')}` }))
        .execute();
    }
  }
}
