import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sweepStaleUploads } from './blob-store.ts';

describe('sweepStaleUploads', () => {
  it('removes temporary uploads left older than an hour, keeping younger ones and anything else', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ld-sweep-'));
    const now = Date.parse('2026-11-30T10:00:00Z');
    const write = (name: string, ageMinutes: number) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, 'x');
      const at = new Date(now - ageMinutes * 60_000);
      fs.utimesSync(file, at, at);
    };
    write('old.part', 90);
    write('running.part', 5);
    write('notes.txt', 600);
    expect(sweepStaleUploads(dir, now)).toBe(1);
    expect(fs.readdirSync(dir).sort()).toEqual(['notes.txt', 'running.part']);
    expect(sweepStaleUploads(path.join(dir, 'missing'), now)).toBe(0);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
