import type { Writable } from 'node:stream';
import type { ValidateFunction } from 'ajv';
import type { AppContext } from '../../app-context.ts';
import { toAppError } from '../../platform/http/error-handler.ts';
import { validatorCompiler } from '../../platform/http/validation.ts';
import { operatorActor } from '../access/actor.ts';
import { exportFilters, type ExportFormat, type ExportKind, type ExportLang, type ExportRequest } from './schemas.ts';
import { writeExport } from './write-export.ts';

const checkers = new Map<ExportKind, ValidateFunction>();

/**
 * A kind with filters as the command line gives them (text, e.g. { status: 'overdue', dueWithinDays: '30' }), checked
 * and converted by the list route's own schema, unknown names refused; a bad one throws VALIDATION_FAILED naming it.
 */
export function toExportRequest(kind: ExportKind, filters: Record<string, unknown>): ExportRequest {
  let check = checkers.get(kind);
  if (!check) {
    check = validatorCompiler({ schema: { ...exportFilters[kind], additionalProperties: false }, httpPart: 'querystring', method: 'GET', url: '' }) as ValidateFunction;
    checkers.set(kind, check);
  }
  const copy = { ...filters };
  if (!check(copy)) throw toAppError(Object.assign(new Error('invalid export filters'), { validation: check.errors ?? [], validationContext: 'filters' }));
  return { kind, filters: copy } as ExportRequest;
}

/**
 * The command line's export: every row of an organisation's list of `kind` that matches `filters`, written into
 * `output` as XLSX or CSV, acting as the organisation's owner (all of its client companies) and audited as the CLI.
 * `output` is ended when the file is complete, destroyed on any failure (a refused filter included).
 */
export async function exportList(
  ctx: AppContext,
  options: { orgId: string; kind: ExportKind; format?: ExportFormat; lang?: ExportLang; filters?: Record<string, unknown>; output: Writable },
): Promise<{ rows: number }> {
  let request: ExportRequest;
  try {
    request = toExportRequest(options.kind, options.filters ?? {});
  } catch (error) {
    options.output.destroy();
    throw error;
  }
  return writeExport(ctx, { ...request, actor: operatorActor(options.orgId), format: options.format, lang: options.lang, output: options.output });
}
