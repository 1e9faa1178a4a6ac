import { describe, expect, it } from 'vitest';
import { createTokenCache, type CachedToken } from './token-cache.ts';

const entry = (name: string): CachedToken => ({
  actor: { userId: 'u1', orgId: 'o1', role: 'staff', clientId: null, email: 'a@example.com', name, isOperator: false, via: 'token' },
  tokenId: 't1',
  lastUsedAt: null,
});

/** A monotonic clock the test moves by hand. */
function manualMonotonic() {
  let now = 1_000;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('the API-token cache', () => {
  it('answers from memory until its time to live has passed, then asks again', () => {
    const clock = manualMonotonic();
    const cache = createTokenCache({ ttlMs: 4_000, now: clock.now });
    cache.set('h', entry('A'), cache.generation());
    clock.advance(3_999);
    expect(cache.get('h')?.actor.name).toBe('A');
    clock.advance(1);
    expect(cache.get('h')).toBeUndefined();
  });

  it('forgets everything at once, and never stores an answer read before that', () => {
    const cache = createTokenCache({ now: manualMonotonic().now });
    const before = cache.generation();
    cache.set('h', entry('A'), before);
    // A lookup started here, before the revocation committed…
    const readAt = cache.generation();
    cache.forgetAll();
    expect(cache.get('h')).toBeUndefined();
    // …and finished after it: its (now stale) answer is dropped.
    cache.set('h', entry('stale'), readAt);
    expect(cache.get('h')).toBeUndefined();
    cache.set('h', entry('fresh'), cache.generation());
    expect(cache.get('h')?.actor.name).toBe('fresh');
  });

  it('holds at most maxEntries, dropping the least recently stored', () => {
    const cache = createTokenCache({ maxEntries: 2, now: manualMonotonic().now });
    for (const key of ['a', 'b', 'c']) cache.set(key, entry(key), cache.generation());
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')?.actor.name).toBe('b');
    expect(cache.get('c')?.actor.name).toBe('c');
  });
});
