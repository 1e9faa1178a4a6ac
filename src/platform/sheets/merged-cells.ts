import type { CellValue } from './sheet-row.ts';

/** A merged range, 1-based and inclusive; its master cell is (top, left). */
export interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Merges reaching past this column are cut there: an import has a few dozen columns, and a fill costs per column. */
const maxMergeColumn = 256;
/** More merges than this in one sheet are ignored (a real sheet has a few; a crafted one could list millions). */
const maxMerges = 20_000;

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** 'A1:C3' (or a single cell 'B2') as a range; null when it is not one. */
export function parseMergeRef(ref: string): MergeRange | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})(?::\$?([A-Z]{1,3})\$?(\d{1,7}))?$/.exec(ref.toUpperCase());
  if (!m) return null;
  const [a, b] = [
    { col: columnNumber(m[1]), row: Number(m[2]) },
    { col: columnNumber(m[3] ?? m[1]), row: Number(m[4] ?? m[2]) },
  ];
  const range = { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
  return range.top >= 1 && range.left >= 1 ? range : null;
}

const tagStart = Buffer.from('<mergeCell ');

/**
 * Collects the `<mergeCell ref="…"/>` ranges of a worksheet's XML as its bytes stream by. They sit after the rows, so
 * the streaming reader never sees them in time: they are gathered while the file is checked, before the rows are read.
 */
export function createMergeScanner(): { push(chunk: Buffer): void; ranges(): MergeRange[] } {
  const found: MergeRange[] = [];
  let carry = Buffer.alloc(0);
  return {
    push(chunk) {
      const buf = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
      let pos = 0;
      let keepFrom = Math.max(0, buf.length - (tagStart.length - 1));
      for (let at = buf.indexOf(tagStart, pos); at !== -1; at = buf.indexOf(tagStart, pos)) {
        const end = buf.indexOf('>', at);
        if (end === -1) {
          keepFrom = buf.length - at > 4096 ? buf.length : at; // an unfinished tag waits for the next chunk
          break;
        }
        const ref = /\bref\s*=\s*["']([^"']+)["']/.exec(buf.toString('latin1', at, end))?.[1];
        const range = ref ? parseMergeRef(ref) : null;
        if (range && range.left <= maxMergeColumn && found.length < maxMerges) found.push({ ...range, right: Math.min(range.right, maxMergeColumn) });
        pos = end + 1;
        keepFrom = Math.max(pos, keepFrom);
      }
      carry = Buffer.from(buf.subarray(Math.max(pos, keepFrom)));
    },
    ranges: () => found,
  };
}

const overlaps = (a: MergeRange, b: MergeRange) => a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;

/**
 * Fills each merged range's other cells with its master cell's value, row by row in ascending order (rows may be
 * skipped). A range whose master row never came is filled with null. Overlapping ranges (invalid in Excel) keep the first.
 */
export function createMergeFiller(ranges: readonly MergeRange[]): (rowNumber: number, cells: CellValue[]) => CellValue[] {
  const pending = [...ranges].sort((a, b) => a.top - b.top || a.left - b.left);
  let next = 0;
  let active: Array<MergeRange & { value: CellValue }> = [];
  return (rowNumber, cells) => {
    if (pending.length === 0) return cells;
    active = active.filter((range) => range.bottom >= rowNumber);
    for (; next < pending.length && pending[next].top <= rowNumber; next += 1) {
      const range = pending[next];
      if (range.bottom < rowNumber || active.some((other) => overlaps(other, range))) continue;
      active.push({ ...range, value: range.top === rowNumber ? (cells[range.left - 1] ?? null) : null });
    }
    if (active.length === 0) return cells;
    const filled = [...cells];
    for (const range of active) {
      for (let col = range.left; col <= range.right; col += 1) {
        if (col === range.left && rowNumber === range.top) continue;
        if ((filled[col - 1] ?? null) === null) filled[col - 1] = range.value;
      }
    }
    for (let i = 0; i < filled.length; i += 1) if (filled[i] === undefined) filled[i] = null;
    return filled;
  };
}
