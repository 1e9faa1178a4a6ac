import type { Writable } from 'node:stream';
import { listImportFields, type ColumnMapping, type ImportKind } from '../../domain/import/index.ts';
import { readSheetRows } from '../../platform/sheets/read-sheet-rows.ts';
import { writeSheet, type SheetColumn } from '../../platform/sheets/write-sheet.ts';
import type { AppContext } from '../../app-context.ts';
import type { Actor } from '../access/actor.ts';
import { processImport } from './process-import.ts';

const kindName = { clients: { zh: '客户', en: 'Clients' }, licences: { zh: '许可证', en: 'Licences' } } as const;

/**
 * The import template: Chinese headings, the English field names in a second (hidden) row that the import skips, one
 * example row, and a notes sheet saying what each column takes. CSV has no hidden row or second sheet: headings and
 * the example only.
 */
export async function writeTemplate(input: { kind: ImportKind; format: 'xlsx' | 'csv'; output: Writable }): Promise<void> {
  const fields = listImportFields(input.kind);
  const columns: SheetColumn[] = fields.map((f) => ({ header: `${f.label.zh}${f.required ? '*' : ''}`, key: f.key, type: 'text', width: Math.max(12, f.label.zh.length * 2 + 4) }));
  const example = Object.fromEntries(fields.map((f) => [f.key, f.example]));
  await writeSheet({
    format: input.format, sheetName: `${kindName[input.kind].zh}导入`, columns, rows: [example], output: input.output,
    extraHeaderRows: input.format === 'xlsx' ? [{ cells: fields.map((f) => f.key), hidden: true }] : [],
    extraSheets: [{
      name: '说明 Notes',
      rows: [
        ['字段 Field', '必填 Required', '填写说明', 'What to enter'],
        ...fields.map((f) => [`${f.label.zh} ${f.label.en} (${f.key})`, f.required ? '是 Yes' : '否 No', f.hint.zh, f.hint.en]),
        [],
        ['第一行是表头；带 * 的列必填。示例行可删除或覆盖。', 'Row 1 holds the headings; columns marked * are required. Delete or overwrite the example row.'],
      ],
    }],
  });
}

const fieldType = (key: string | null): SheetColumn['type'] => {
  if (key === 'issuedOn' || key === 'expiresOn') return 'date';
  if (key === 'registeredCapital' || key === 'foreignSharePercent') return 'number';
  return 'text';
};

/** Every problem of every row (the first pass of the error report), keyed by spreadsheet row. */
export async function collectProblems(ctx: AppContext, input: { kind: ImportKind; actor: Actor; path: string; mapping: ColumnMapping }): Promise<Map<number, string[]>> {
  const problems = new Map<number, string[]>();
  await processImport(ctx, {
    kind: input.kind, actor: input.actor, path: input.path, mapping: input.mapping, onDuplicate: 'skip', validOnly: true, write: false,
    limits: { maxRows: ctx.config.importMaxRows },
    onIssue: (issue) => {
      const list = problems.get(issue.row) ?? [];
      list.push(`${issue.message.zh} / ${issue.message.en}`);
      problems.set(issue.row, list);
    },
  });
  return problems;
}

/** The uploaded sheet again, each row with an added 错误 Errors column naming every problem (empty for good rows). */
export async function writeErrorReport(input: { path: string; format: 'xlsx' | 'csv'; mapping: ColumnMapping; headers: string[]; problems: Map<number, string[]>; maxRows: number; output: Writable }): Promise<void> {
  const columns: SheetColumn[] = input.headers.map((header, i) => ({ header: header || `${i + 1}`, key: `c${i}`, type: fieldType(input.mapping[i] ?? null), width: 16 }));
  columns.push({ header: '错误 Errors', key: 'errors', type: 'text', width: 80 });
  async function* rows() {
    let first = true;
    for await (const row of readSheetRows({ path: input.path, limits: { maxRows: input.maxRows } })) {
      if (first) {
        first = false;
        continue;
      }
      const record: Record<string, unknown> = Object.fromEntries(row.cells.map((c, i) => [`c${i}`, c]));
      record.errors = (input.problems.get(row.rowNumber) ?? []).join('；');
      yield record;
    }
  }
  await writeSheet({ format: input.format, sheetName: '错误报告 Errors', columns, rows: rows(), output: input.output });
}
