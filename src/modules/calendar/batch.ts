import { once } from 'node:events';
import type { EventEmitter } from 'node:events';
import { StringDecoder } from 'node:string_decoder';
import { formatAddWorkingDaysLine } from '../../domain/calendar/format-add-working-days-line.ts';
import type { WorkingCalendar } from '../../domain/calendar/types.ts';

/** Options of runAddBatch: lines `YYYY-MM-DD N` come from `input`, answers go to `output`. */
export interface AddBatchOptions {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  calendar: WorkingCalendar;
}

/** How many lines were answered, and how many of them were `ERROR` lines. */
export interface AddBatchSummary {
  lines: number;
  errors: number;
}

// Output is written in large blocks: one write per block, not per line, keeps a million lines cheap.
const FLUSH_AT = 64 * 1024;
// A longer "line" is garbage; cutting it off keeps memory flat whatever the input.
const MAX_LINE = 1024;

/**
 * Streams an "add working days" batch: for every input line `YYYY-MM-DD N` writes one line
 * `YYYY-MM-DD` (plus ` provisional` when it depends on an unpublished year), or `ERROR <reason>`
 * for a line that cannot be answered, in input order. Tolerates \r\n and surrounding blanks; blank
 * lines at the very end are ignored. Works chunk by chunk and waits for `drain`, so memory stays flat.
 * The output stream is not ended.
 */
export async function runAddBatch({ input, output, calendar }: AddBatchOptions): Promise<AddBatchSummary> {
  const decoder = new StringDecoder('utf8');
  const summary: AddBatchSummary = { lines: 0, errors: 0 };
  let out = '';
  let carry = '';
  let pendingBlanks = 0; // blank lines are answered only once a non-blank line follows them
  let skippingLongLine = false;

  const emit = (result: string) => {
    for (; pendingBlanks > 0; pendingBlanks--) {
      out += 'ERROR empty line\n';
      summary.lines++;
      summary.errors++;
    }
    out += result + '\n';
    summary.lines++;
    if (result.startsWith('ERROR')) summary.errors++;
  };
  const answer = (line: string) => emit(formatAddWorkingDaysLine(calendar, line));
  const take = (line: string) => {
    if (isBlank(line)) pendingBlanks++;
    else answer(line);
  };

  for await (const chunk of input) {
    const text = carry + (typeof chunk === 'string' ? chunk : decoder.write(chunk));
    let start = 0;
    let end = text.indexOf('\n');
    while (end !== -1) {
      if (skippingLongLine) skippingLongLine = false;
      else take(text.slice(start, end));
      start = end + 1;
      end = text.indexOf('\n', start);
    }
    carry = skippingLongLine ? '' : text.slice(start);
    if (carry.length > MAX_LINE) {
      emit(`ERROR line longer than ${MAX_LINE} characters`);
      carry = '';
      skippingLongLine = true;
    }
    if (out.length >= FLUSH_AT) {
      await write(output, out);
      out = '';
    }
  }
  const last = carry + decoder.end();
  if (!skippingLongLine && !isBlank(last)) answer(last);
  if (out.length > 0) await write(output, out);
  return summary;
}

function isBlank(line: string): boolean {
  return line.length === 0 || line.trim().length === 0;
}

// Respects backpressure: waits for 'drain' when the stream's buffer is full, and fails if it errors.
async function write(output: NodeJS.WritableStream, text: string): Promise<void> {
  if (!output.write(text)) await once(output as unknown as EventEmitter, 'drain');
}
