/**
 * Compliance scores move only when an obligation falls due or is done, and they take one pass over two years of an
 * organisation's obligations. Each is kept for a minute; after that the kept value is still answered while a fresh
 * one is computed (one at a time), so no request waits on the long pass but the very first. A change this instance
 * makes to one of the organisation's obligations drops it at once; another instance's change shows within the minute.
 */
interface Entry {
  at: number;
  value: Promise<unknown>;
  refreshing: boolean;
}

const entries = new Map<string, Entry>();
const ttlMs = 60_000;

export function cachedScores<T>(key: { orgId: string; rest: string }, compute: () => Promise<T>): Promise<T> {
  const id = `${key.orgId}|${key.rest}`;
  const hit = entries.get(id);
  if (hit && Date.now() - hit.at < ttlMs) return hit.value as Promise<T>;
  if (hit) {
    if (!hit.refreshing) {
      hit.refreshing = true;
      compute().then(
        (fresh) => {
          if (entries.get(id) === hit) entries.set(id, { at: Date.now(), value: Promise.resolve(fresh), refreshing: false });
        },
        () => (hit.refreshing = false),
      );
    }
    return hit.value as Promise<T>;
  }
  const value = compute();
  const entry: Entry = { at: Date.now(), value, refreshing: false };
  entries.set(id, entry);
  value.catch(() => {
    if (entries.get(id) === entry) entries.delete(id);
  });
  return value;
}

export function forgetScores(orgId: string): void {
  for (const id of entries.keys()) if (id.startsWith(`${orgId}|`)) entries.delete(id);
  for (const id of boards.keys()) if (id.startsWith(`${orgId}|`)) boards.delete(id);
}

/**
 * The dashboard's obligation figures (counts, the next 30 days, the months ahead, the season): a dozen queries that
 * every open dashboard asks again. Kept 10 seconds per organisation, client company and day, a request already
 * computing them shared, and dropped at once when this instance changes one of the organisation's obligations.
 */
const boards = new Map<string, { at: number; value: Promise<unknown> }>();
const boardTtlMs = 10_000;

export function cachedBoard<T>(key: { orgId: string; rest: string }, compute: () => Promise<T>): Promise<T> {
  const id = `${key.orgId}|${key.rest}`;
  const hit = boards.get(id);
  if (hit && Date.now() - hit.at < boardTtlMs) return hit.value as Promise<T>;
  const value = compute();
  const entry = { at: Date.now(), value };
  boards.set(id, entry);
  value.catch(() => {
    if (boards.get(id) === entry) boards.delete(id);
  });
  if (boards.size > 10_000) boards.delete(boards.keys().next().value!);
  return value;
}
