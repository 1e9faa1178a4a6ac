import type { Actor } from '../access/actor.ts';

/** How long a resolved API token is trusted without asking the database: a revocation on another instance takes effect within this. */
export const tokenCacheTtlMs = 4_000;

export interface CachedToken {
  actor: Actor;
  tokenId: string;
  lastUsedAt: string | null;
}

/**
 * A positive cache of resolved API tokens (by secret hash), so a script's calls do not each read the database.
 * Any change that can end or narrow a token's access on this instance (revocation, password reset, deactivation, a
 * role or operator change, an organisation deactivated) calls `forgetAll()` after its commit. A lookup that started
 * before a `forgetAll()` is not stored (the generation check), so an answer read before the change cannot outlive it.
 * Other instances hold an entry at most `ttlMs`.
 */
export interface TokenCache {
  /** The entry itself (its `lastUsedAt` may be updated in place). */
  get(secretHash: string): CachedToken | undefined;
  /** The generation to hand back to `set`, taken before reading the database. */
  generation(): number;
  set(secretHash: string, entry: CachedToken, generation: number): void;
  forgetAll(): void;
}

export function createTokenCache(options: { ttlMs?: number; maxEntries?: number; now?: () => number } = {}): TokenCache {
  const ttlMs = options.ttlMs ?? tokenCacheTtlMs;
  const maxEntries = options.maxEntries ?? 1_000;
  // A monotonic clock: the wall clock (and a test's fixed clock) may stand still or jump.
  const now = options.now ?? (() => performance.now());
  const entries = new Map<string, { entry: CachedToken; expiresAt: number }>();
  let generation = 0;
  return {
    get: (secretHash) => {
      const held = entries.get(secretHash);
      if (!held) return undefined;
      if (held.expiresAt > now()) return held.entry;
      entries.delete(secretHash);
      return undefined;
    },
    generation: () => generation,
    set: (secretHash, entry, readAt) => {
      if (readAt !== generation) return;
      entries.delete(secretHash);
      entries.set(secretHash, { entry, expiresAt: now() + ttlMs });
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    },
    forgetAll: () => {
      generation += 1;
      entries.clear();
    },
  };
}
