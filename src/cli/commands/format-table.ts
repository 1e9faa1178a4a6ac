// Chinese characters take two terminal columns; padding by string length would misalign every CJK table.
const wide = /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/;

/** Columns a string takes in a terminal: two for CJK and full-width characters, one otherwise. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += wide.test(ch) ? 2 : 1;
  return width;
}

// Latin words stay whole; CJK text may break between any two characters.
function tokens(text: string): string[] {
  return text.match(/[\u0021-\u024F]+\s*|\s+|./gu) ?? [];
}

// Closing punctuation never starts a line (Chinese line-breaking rule); it may overhang by one character.
const closing = /^[，。、；：！？）》」』”’\])},.;:!?]/u;

/** Splits text into lines of at most `width` columns (a single longer word gets a line of its own). */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const token of tokens(paragraph)) {
      if (line !== '' && !closing.test(token) && displayWidth(line + token.trimEnd()) > width) {
        lines.push(line.trimEnd());
        line = token.trimStart();
      } else line += token;
    }
    lines.push(line.trimEnd());
  }
  return lines;
}

const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - displayWidth(text)));

/**
 * A plain-text table: the header (if any), then each row; a cell may hold several lines (`\n`) and is wrapped to its
 * column's `maxWidths` entry. Columns are separated by two spaces; the last column is not padded.
 */
export function formatTable(options: { head?: string[]; rows: string[][]; maxWidths?: Array<number | undefined> }): string {
  const max = options.maxWidths ?? [];
  const all = options.head ? [options.head, ...options.rows] : options.rows;
  if (all.length === 0) return '';
  const cells = all.map((row) => row.map((cell, i) => (max[i] ? wrapText(cell, max[i]!) : cell.split('\n'))));
  const widths = all[0].map((_, i) => Math.max(...cells.map((row) => Math.max(...(row[i] ?? ['']).map(displayWidth)))));
  const out: string[] = [];
  for (const row of cells) {
    const height = Math.max(...row.map((lines) => lines.length));
    for (let l = 0; l < height; l++) {
      out.push(row.map((lines, i) => (i === row.length - 1 ? lines[l] ?? '' : pad(lines[l] ?? '', widths[i]))).join('  ').trimEnd());
    }
  }
  return out.join('\n');
}
