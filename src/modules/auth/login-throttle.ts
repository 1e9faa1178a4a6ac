/** Limits on failed logins; chosen so a person mistyping never hits them but guessing does. */
export const throttleRules = {
  perAccount: { failures: 5, windowMs: 15 * 60_000 },
  perIp: { failures: 20, windowMs: 15 * 60_000 },
} as const;

export interface LoginThrottle {
  /** Seconds until another attempt is allowed, or 0 when allowed now. */
  retryAfter(keys: { email: string; ip: string }): number;
  recordFailure(keys: { email: string; ip: string }): void;
  recordSuccess(keys: { email: string }): void;
}

/** Failed-login counters kept in memory; a restart forgets them, which only ever favours the user. */
export function createLoginThrottle(now: () => number = Date.now): LoginThrottle {
  const failures = new Map<string, number[]>();

  const recent = (key: string, windowMs: number): number[] => {
    const cutoff = now() - windowMs;
    const kept = (failures.get(key) ?? []).filter((t) => t > cutoff);
    if (kept.length) failures.set(key, kept);
    else failures.delete(key);
    return kept;
  };
  const wait = (key: string, rule: { failures: number; windowMs: number }): number => {
    const times = recent(key, rule.windowMs);
    if (times.length < rule.failures) return 0;
    const unlockAt = times[times.length - rule.failures] + rule.windowMs;
    return Math.max(1, Math.ceil((unlockAt - now()) / 1000));
  };

  return {
    retryAfter: ({ email, ip }) => Math.max(wait(`a:${email}`, throttleRules.perAccount), wait(`i:${ip}`, throttleRules.perIp)),
    recordFailure: ({ email, ip }) => {
      for (const key of [`a:${email}`, `i:${ip}`]) failures.set(key, [...(failures.get(key) ?? []), now()].slice(-50));
      if (failures.size > 100_000) failures.clear(); // bounded memory under a flood
    },
    recordSuccess: ({ email }) => {
      failures.delete(`a:${email}`);
    },
  };
}
