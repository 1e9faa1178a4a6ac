import fs from 'node:fs';
import type { TSchema } from '@sinclair/typebox';
import { AppError, type FieldIssue } from '../../platform/errors/app-error.ts';
import { validatorCompiler } from '../../platform/http/validation.ts';
import { validationIssues } from '../../platform/http/error-handler.ts';
import { CliExit } from '../cli-context.ts';

/** Reads a JSON file, failing with one line that names the file. */
export function readJsonFile(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new AppError('BAD_REQUEST', { zh: `无法读取文件 ${file}`, en: `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` });
  }
  try {
    // Editors on Windows save UTF-8 with a byte-order mark; it is not part of the JSON.
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new AppError('BAD_REQUEST', { zh: `${file} 不是有效的 JSON`, en: `${file} is not valid JSON: ${(error as Error).message}` });
  }
}

/** Checks input against the same schema the API uses for it, so the command line refuses exactly what the API refuses. */
export function assertMatchesSchema<T>(schema: TSchema, value: unknown): T {
  const validate = validatorCompiler({ schema, httpPart: 'body', method: 'POST', url: '' }) as ((data: unknown) => boolean) & { errors?: Parameters<typeof validationIssues>[0] };
  if (validate(value)) return value as T;
  const issues: FieldIssue[] = validationIssues(validate.errors ?? [], 'body');
  throw new AppError('VALIDATION_FAILED', { zh: `字段 ${issues[0].field} ${issues[0].message.zh}`, en: `Field ${issues[0].field} ${issues[0].message.en}` }, issues);
}

/**
 * One field issue as `field: english / 中文`, naming the field once even when the message itself starts with it
 * (the calendar rules write `days[0]: …`).
 */
export function formatIssue(issue: FieldIssue, label: (field: string) => string = (f) => f): string {
  // A message may start with the field or the part of it at fault (`days[0]: …` for `days[0].isOffDay`).
  const withoutField = (text: string) => {
    const lead = /^([\w.[\]()]+)\s*[:：]\s*/.exec(text);
    return lead && issue.field.startsWith(lead[1]) ? text.slice(lead[0].length) : text;
  };
  return `${label(issue.field)}: ${withoutField(issue.message.en)} / ${withoutField(issue.message.zh)}`;
}

/** The field issues of an error, if it has any. */
export function issuesOf(error: AppError): FieldIssue[] {
  return Array.isArray(error.details) ? (error.details as FieldIssue[]).filter((d) => d && typeof d.field === 'string') : [];
}

/**
 * Prints a failed command's reason on one line (`field: english / 中文` for field errors) and exits with `code`.
 * `label` renames fields, e.g. issuedOn → --issued.
 */
export function exitWithError(error: unknown, options: { code: number; label?: (field: string) => string }): never {
  if (!(error instanceof AppError)) throw error;
  const issues = issuesOf(error);
  const line = issues.length ? issues.map((d) => formatIssue(d, options.label)).join('; ') : `${error.messages.en} / ${error.messages.zh}`;
  process.stderr.write(`licensedesk: ${line}\n`);
  throw new CliExit(options.code);
}
