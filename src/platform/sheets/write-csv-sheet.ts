import type { Writable } from 'node:stream';
import { endOutput, writeChunk } from './output-pacing.ts';
import { neutraliseFormula, toOutputCell, type OutputCell } from './sheet-cell.ts';
import type { WriteSheetOptions } from './write-sheet.ts';

const chunkChars = 64 * 1024;

function csvField(cell: OutputCell): string {
  if (cell === null) return '';
  const text = cell.kind === 'text' ? cell.text : cell.kind === 'date' ? cell.date : String(cell.value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const textLine = (cells: readonly string[]) => cells.map((cell) => csvField(cell === '' ? null : { kind: 'text', text: neutraliseFormula(cell) })).join(',');

/**
 * The sheet as CSV: UTF-8 with a BOM (without one, Excel in China reads the file as GBK and garbles it), CRLF line
 * ends, fields quoted when they hold a comma, quote or line break. Written in chunks, waiting whenever `output` is full.
 */
export async function writeCsvSheet(options: WriteSheetOptions, output: Writable): Promise<number> {
  let buffered = '\ufeff' + textLine(options.columns.map((c) => c.header)) + '\r\n';
  for (const row of options.extraHeaderRows ?? []) buffered += textLine(row.cells) + '\r\n';
  let count = 0;
  for await (const record of options.rows) {
    buffered += options.columns.map((c) => csvField(toOutputCell(record[c.key], c.type))).join(',') + '\r\n';
    count += 1;
    if (buffered.length >= chunkChars) {
      await writeChunk(output, buffered);
      buffered = '';
    }
  }
  if (buffered) await writeChunk(output, buffered);
  await endOutput(output);
  return count;
}
