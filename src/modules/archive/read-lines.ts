import { StringDecoder } from 'node:string_decoder';
import { archiveInvalid } from './archive-errors.ts';

/** A record longer than this is refused rather than held: no row of LicenseDesk comes near it. */
export const maxLineLength = 64 * 1024 * 1024;

/** The non-empty lines of a stream of UTF-8 chunks, with their 1-based numbers (JSON Lines). */
export async function* readLines(chunks: AsyncIterable<Buffer>, where: string): AsyncGenerator<{ line: string; number: number }> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let number = 0;
  for await (const chunk of chunks) {
    pending += decoder.write(chunk);
    let start = 0;
    for (let end = pending.indexOf('\n'); end !== -1; end = pending.indexOf('\n', start)) {
      number += 1;
      const line = pending.slice(start, end);
      start = end + 1;
      if (line.trim() !== '') yield { line, number };
    }
    pending = pending.slice(start);
    if (pending.length > maxLineLength) throw archiveInvalid(`${where} line ${number + 1}`, { zh: '行过长', en: 'the line is too long' });
  }
  pending += decoder.end();
  if (pending.trim() !== '') yield { line: pending, number: number + 1 };
}
