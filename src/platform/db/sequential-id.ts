import { randomFillSync } from 'node:crypto';

let lastMs = 0;
let sequence = 0;
// Random bits drawn 4 KB at a time: one system call per 512 ids, not one each.
const pool = Buffer.alloc(4096);
let poolAt = pool.length;

/**
 * A UUID version 7 (RFC 9562): milliseconds since the epoch, then a counter within the millisecond, then random bits.
 * Ids made one after another in this process sort in the order they were made, so a history ordered by (at, id) keeps
 * the order of entries written within the same instant (or under a clock that stands still).
 */
export function sequentialId(): string {
  const now = Date.now();
  if (now > lastMs) {
    lastMs = now;
    sequence = 0;
  } else {
    sequence += 1;
    if (sequence > 0xfff) {
      lastMs += 1;
      sequence = 0;
    }
  }
  if (poolAt + 8 > pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  const bytes = Buffer.alloc(16);
  pool.copy(bytes, 8, poolAt, poolAt + 8);
  poolAt += 8;
  bytes.writeUIntBE(lastMs, 0, 6);
  bytes[6] = 0x70 | (sequence >> 8);
  bytes[7] = sequence & 0xff;
  bytes[8] = 0x80 | (bytes[8] & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
