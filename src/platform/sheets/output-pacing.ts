import { once } from 'node:events';
import type { Writable } from 'node:stream';

function outputClosed(): Error {
  return new Error('The output closed before the sheet was fully written');
}

/** Resolves when `output` drains; rejects if it errors or closes first (a download the client abandoned). */
async function drained(output: Writable): Promise<void> {
  if (output.destroyed) throw outputClosed();
  const stop = new AbortController();
  try {
    await Promise.race([
      once(output, 'drain', { signal: stop.signal }),
      once(output, 'close', { signal: stop.signal }).then(() => {
        throw outputClosed();
      }),
    ]);
  } finally {
    stop.abort();
  }
}

/** Writes `chunk`, waiting for the output to drain when it asks to. */
export async function writeChunk(output: Writable, chunk: string): Promise<void> {
  if (output.destroyed) throw outputClosed();
  if (!output.write(chunk)) await drained(output);
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Waits while the output is full or more than `maxBacklog` bytes wait inside the writer (`backlog`), giving the event
 * loop a turn so that compression, which runs off the main thread, can catch up with rows produced synchronously.
 */
export async function pace(output: Writable, backlog: () => number, maxBacklog: number): Promise<void> {
  for (;;) {
    if (output.destroyed) throw outputClosed();
    if (output.writableNeedDrain) await drained(output);
    else if (backlog() > maxBacklog) await nextTurn();
    else return;
  }
}

/** `work`, or a rejection if `output` closes before it finishes (exceljs would otherwise wait for ever for 'finish'). */
export async function whileOpen<T>(output: Writable, work: Promise<T>): Promise<T> {
  const stop = new AbortController();
  try {
    return await Promise.race([
      work,
      once(output, 'close', { signal: stop.signal }).then(() => {
        if (!output.writableFinished) throw outputClosed();
        return work;
      }),
    ]);
  } finally {
    stop.abort();
  }
}

/** Ends `output` and waits until everything written has been flushed. */
export async function endOutput(output: Writable): Promise<void> {
  if (output.destroyed) throw outputClosed();
  await whileOpen(
    output,
    new Promise<void>((resolve, reject) => {
      output.end((error?: Error | null) => (error ? reject(error) : resolve()));
    }),
  );
}
