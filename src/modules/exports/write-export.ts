import type { Writable } from 'node:stream';
import type { AppContext } from '../../app-context.ts';
import { writeSheet, type SheetColumn } from '../../platform/sheets/write-sheet.ts';
import type { Actor } from '../access/actor.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { applicationSheet } from './application-sheet.ts';
import { clientSheet } from './client-sheet.ts';
import type { ExportColumn, ExportSheet } from './export-sheet.ts';
import { licenceSheet } from './licence-sheet.ts';
import { obligationSheet } from './obligation-sheet.ts';
import type { ExportFormat, ExportKind, ExportLang, ExportRequest } from './schemas.ts';
import { inLang, sheetLangOf } from './sheet-text.ts';

export const exportMimeTypes: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/** Who exports, and how: XLSX and Chinese unless told otherwise. */
export type ExportInput = { actor: Actor; format?: ExportFormat; lang?: ExportLang } & ExportRequest;

/** An export whose first page is read: its file name and type, and the writing of the rest. */
export interface PreparedExport {
  fileName: string;
  contentType: string;
  /** Streams the file into `output` (ended when complete, destroyed on failure) and audits it, complete or not. */
  write(output: Writable): Promise<{ rows: number }>;
}

const kindTitles: Record<ExportKind, { zh: string; en: string }> = {
  clients: { zh: '客户', en: 'clients' },
  applications: { zh: '申请', en: 'applications' },
  licences: { zh: '许可证', en: 'licences' },
  obligations: { zh: '合规事项', en: 'obligations' },
};

/** The file an export gives: its name ('客户-2026-11-30.xlsx', 'clients-2026-11-30.csv') and its media type. */
export function exportFileOf(input: { kind: ExportKind; format?: ExportFormat; lang?: ExportLang; today: string }): { fileName: string; contentType: string } {
  const format = input.format ?? 'xlsx';
  return { fileName: `${inLang(kindTitles[input.kind], sheetLangOf(input.lang))}-${input.today}.${format}`, contentType: exportMimeTypes[format] };
}

/**
 * Starts an export: reads the first page now, so a refused filter or a failing query is answered as an error before
 * any byte of the file is sent; the rest is read a page at a time while the file is written.
 */
export async function prepareExport(ctx: AppContext, input: ExportInput): Promise<PreparedExport> {
  switch (input.kind) {
    case 'clients':
      return prepareSheet(ctx, { input, sheet: clientSheet, filters: input.filters ?? {} });
    case 'applications':
      return prepareSheet(ctx, { input, sheet: applicationSheet, filters: input.filters ?? {} });
    case 'licences':
      return prepareSheet(ctx, { input, sheet: licenceSheet, filters: input.filters ?? {} });
    case 'obligations':
      return prepareSheet(ctx, { input, sheet: obligationSheet, filters: input.filters ?? {} });
  }
}

/**
 * Writes a whole export into `output`: every row the list shows with these filters, in the actor's scope. `output`
 * is ended when the file is complete and destroyed on any failure, so a file never looks complete when it is not.
 */
export async function writeExport(ctx: AppContext, input: ExportInput & { output: Writable }): Promise<{ rows: number }> {
  let prepared: PreparedExport;
  try {
    prepared = await prepareExport(ctx, input);
  } catch (error) {
    input.output.destroy();
    throw error;
  }
  return prepared.write(input.output);
}

/** The columns the actor may see: client users get no staff-only column (fees, the agency's people and notes). */
function visibleColumns<Item>(columns: ExportColumn<Item>[], actor: Actor): ExportColumn<Item>[] {
  return columns.filter((c) => !(c.staffOnly && actor.role === 'client'));
}

async function prepareSheet<Item, Filters>(ctx: AppContext, o: { input: ExportInput; sheet: ExportSheet<Item, Filters>; filters: Filters }): Promise<PreparedExport> {
  const { actor, kind } = o.input;
  const format = o.input.format ?? 'xlsx';
  const lang = sheetLangOf(o.input.lang);
  const columns = visibleColumns(o.sheet.columns, actor);
  const pages = o.sheet.pages({ ctx, actor, filters: o.filters });
  let next = await pages.next();
  let pulled = 0;
  async function* records() {
    try {
      while (!next.done) {
        for (const item of next.value) {
          pulled += 1;
          yield Object.fromEntries(columns.map((c) => [c.key, c.value(item, lang)]));
        }
        next = await pages.next();
      }
    } finally {
      await pages.return(undefined);
    }
  }
  return {
    ...exportFileOf({ kind, format, lang: o.input.lang, today: ctx.clock.today() }),
    async write(output) {
      let written: { rows: number } | null = null;
      try {
        const header: SheetColumn[] = columns.map((c) => ({ header: inLang(c.header, lang), key: c.key, type: c.type, width: c.width }));
        written = await writeSheet({ format, sheetName: inLang(o.sheet.title, lang), columns: header, rows: records(), output });
        return written;
      } finally {
        await auditExport(ctx, { actor, kind, format, lang: o.input.lang ?? 'zh-CN', filters: o.filters, rows: written?.rows ?? pulled, complete: written !== null });
      }
    },
  };
}

/**
 * Every export is audited once it ends, with the rows it wrote, and whether it completed: an interrupted download
 * (the reader went away, a query failed) is recorded too, since its first rows did leave.
 */
async function auditExport(ctx: AppContext, e: { actor: Actor; kind: ExportKind; format: ExportFormat; lang: ExportLang; filters: unknown; rows: number; complete: boolean }) {
  const what = kindTitles[e.kind];
  const type = e.format.toUpperCase();
  const summary = e.complete
    ? { zh: `导出${what.zh} ${e.rows} 条（${type}）`, en: `Exported ${e.rows} ${what.en} (${type})` }
    : { zh: `导出${what.zh}未完成，已写出 ${e.rows} 条（${type}）`, en: `Export of ${what.en} interrupted after ${e.rows} rows (${type})` };
  await recordAudit(ctx.db, {
    actor: e.actor, clock: ctx.clock, action: `export.${e.kind}`, entityType: 'export', entityId: null, summary,
    changes: { format: e.format, lang: e.lang, filters: e.filters, rows: e.rows, complete: e.complete },
  });
}
