import net from 'node:net';
import { sha256 } from '../../platform/crypto.ts';

/** How one throttle key slows down: free attempts, then a delay that doubles after each attempt, up to a cap. */
export interface ThrottleRule {
  freeAttempts: number;
  firstDelayMs: number;
  maxDelayMs: number;
}

/**
 * Sign-in limits, keyed per account *and* client address, so a stranger guessing slows down only themselves and the
 * owner signs in from their own address. There is deliberately no limit per address alone: ~30 wrong guesses at
 * made-up emails would then lock every user behind that address (an office, or everyone behind a proxy) out.
 * Guessing across many accounts is bounded instead by the hashing queue (a few password checks at a time).
 */
export const throttleRules = {
  /** A person mistyping never waits; a guesser waits 1, 2, 4, 8, then 15 minutes between tries. */
  perAccountAddress: { freeAttempts: 5, firstDelayMs: 60_000, maxDelayMs: 15 * 60_000 },
  /** A key with no attempt for this long starts again from zero, and its row is pruned. */
  idleResetMs: 60 * 60_000,
} as const satisfies { perAccountAddress: ThrottleRule; idleResetMs: number };

/** The wait required after the n-th attempt (n from 1) before the next one. */
export function delayAfter(rule: ThrottleRule, attempts: number): number {
  if (attempts < rule.freeAttempts) return 0;
  return Math.min(rule.maxDelayMs, rule.firstDelayMs * 2 ** (attempts - rule.freeAttempts));
}

/** Every distinct delay of a rule with the attempt count it starts at, longest first (a CASE in SQL, in that order). */
export function delaySteps(rule: ThrottleRule): Array<{ fromAttempts: number; delayMs: number }> {
  const steps: Array<{ fromAttempts: number; delayMs: number }> = [];
  for (let n = rule.freeAttempts; ; n++) {
    const delayMs = delayAfter(rule, n);
    steps.push({ fromAttempts: n, delayMs });
    if (delayMs >= rule.maxDelayMs) break;
  }
  return steps.reverse();
}

function ipv6Groups(ip: string): string[] {
  const [head, tail = ''] = ip.split('%')[0].split('::');
  const left = head ? head.split(':') : [];
  const right = ip.includes('::') && tail ? tail.split(':') : [];
  const zeros = Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0');
  return [...left, ...zeros, ...right].map((g) => g.toLowerCase().replace(/^0+(?=.)/, ''));
}

/** The address a limit applies to: IPv4 as is, IPv6 by its /64 (one subscriber's network, not one of its many hosts). */
export function addressOf(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1];
  if (net.isIPv6(ip)) return `${ipv6Groups(ip).slice(0, 4).join(':')}::/64`;
  return ip;
}

/** The stored keys of one attempt: hashed, so the table holds no email or address in clear. */
export function throttleKeys(input: { email: string; ip: string }): { accountAddress: string } {
  const address = addressOf(input.ip);
  return { accountAddress: sha256(`account-address\n${input.email}\n${address}`) };
}
