import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { builtinArrangements } from '../../domain/calendar/builtin-arrangements.ts';
import { createCalendar } from '../../domain/calendar/create-calendar.ts';
import { runAddBatch } from './batch.ts';

const calendar = createCalendar(builtinArrangements);

/** A writable that keeps everything, optionally slowly, and records how much it ever had buffered. */
function collector(options: { highWaterMark?: number; delayMs?: number } = {}) {
  const chunks: Buffer[] = [];
  let maxBuffered = 0;
  const stream = new Writable({
    highWaterMark: options.highWaterMark ?? 16 * 1024,
    write(chunk: Buffer, _encoding, done) {
      maxBuffered = Math.max(maxBuffered, this.writableLength);
      chunks.push(chunk);
      if (options.delayMs) setTimeout(done, options.delayMs);
      else done();
    },
  });
  return { stream, text: () => Buffer.concat(chunks).toString('utf8'), maxBuffered: () => maxBuffered };
}

async function run(chunks: Array<string | Buffer>) {
  const output = collector();
  const summary = await runAddBatch({ input: Readable.from(chunks.map((c) => Buffer.from(c))), output: output.stream, calendar });
  return { summary, lines: output.text().split('\n') };
}

describe('runAddBatch', () => {
  it('answers every line in order, with provisional and ERROR lines, tolerating CRLF and blanks', async () => {
    const { summary, lines } = await run([
      '2026-02-13 1\r\n  2026-02-14   1  \r\n2026-12-01 30\n',
      'not a line\n2026-02-30 1\n2026-03-09 -1\n\n',
    ]);
    expect(lines).toEqual([
      '2026-02-14',
      '2026-02-24',
      '2027-01-12 provisional',
      'ERROR malformed line "not a line": expected "YYYY-MM-DD N"',
      'ERROR Invalid date "2026-02-30": expected a real date written YYYY-MM-DD',
      '2026-03-06',
      '',
    ]);
    expect(summary).toEqual({ lines: 6, errors: 2 });
  });

  it('joins a line split across chunks, even inside a date or a multi-byte character', async () => {
    const text = Buffer.from('2026-02-13 1\n2026-0');
    const rest = Buffer.from('3-09 0\n中文 1\n2026-03-09 +2');
    const cut = rest.indexOf(Buffer.from('文')) + 1; // splits the UTF-8 bytes of 文
    const { summary, lines } = await run([text, rest.subarray(0, cut), rest.subarray(cut)]);
    expect(lines).toEqual(['2026-02-14', '2026-03-09', 'ERROR malformed line "中文 1": expected "YYYY-MM-DD N"', '2026-03-11', '']);
    expect(summary).toEqual({ lines: 4, errors: 1 });
  });

  it('answers blank lines in the middle as errors but ignores blank lines at the end', async () => {
    const { summary, lines } = await run(['2026-03-09 1\n\n  \n2026-03-09 2\n\r\n', '   \n']);
    expect(lines).toEqual(['2026-03-10', 'ERROR empty line', 'ERROR empty line', '2026-03-11', '']);
    expect(summary).toEqual({ lines: 4, errors: 2 });
  });

  it('rejects an endless line without holding it in memory, then goes on', async () => {
    const { summary, lines } = await run(['2026-03-09 1\n', 'x'.repeat(3000), 'y'.repeat(3000), '\n2026-03-09 2\n']);
    expect(lines).toEqual(['2026-03-10', 'ERROR line longer than 1024 characters', '2026-03-11', '']);
    expect(summary).toEqual({ lines: 3, errors: 1 });
  });

  it('waits for a slow writer instead of buffering the whole output (backpressure)', async () => {
    const inputs = Array.from({ length: 60_000 }, (_, i) => `${calendar.addCalendarDays('2010-01-01', i % 5000)} ${(i % 200) - 100}`);
    const expected = inputs.map((line) => {
      const [date, n] = line.split(' ');
      return calendar.addWorkingDays(date, Number(n)).date;
    });
    const input = Readable.from(inputs.join('\n').match(/[\s\S]{1,4096}/g)!.map((s) => Buffer.from(s)));
    const output = collector({ highWaterMark: 1024, delayMs: 1 });
    const summary = await runAddBatch({ input, output: output.stream, calendar });
    expect(summary).toEqual({ lines: 60_000, errors: 0 });
    expect(output.text()).toBe(expected.join('\n') + '\n');
    const total = output.text().length; // about 660 KB
    expect(output.maxBuffered()).toBeLessThan(Math.min(200 * 1024, total / 3));
  });
});
