import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type Bilingual, type FieldIssue } from '../errors/app-error.ts';
import { toDuplicateError } from '../db/unique-violation.ts';
import { pick, requestLang } from './locale.ts';
import { textKeyword, textProblemMessages, type TextProblem } from './text.ts';
import { calendarDatePattern } from './schemas.ts';

interface AjvIssue {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

const typeNames: Record<string, Bilingual> = {
  string: { zh: '文本', en: 'a string' },
  integer: { zh: '整数', en: 'an integer' },
  number: { zh: '数字', en: 'a number' },
  boolean: { zh: '布尔值', en: 'a boolean' },
  object: { zh: '对象', en: 'an object' },
  array: { zh: '数组', en: 'an array' },
  null: { zh: '空值', en: 'null' },
};

function describeIssue(issue: AjvIssue): Bilingual {
  const p = issue.params;
  switch (issue.keyword) {
    case 'required':
      return { zh: '必填', en: 'is required' };
    case 'additionalProperties':
      return { zh: '不是允许的字段', en: 'is not an allowed field' };
    case 'type': {
      const t = typeNames[String(p.type).split(',')[0]] ?? { zh: String(p.type), en: String(p.type) };
      return { zh: `应为${t.zh}`, en: `must be ${t.en}` };
    }
    case 'maxLength':
      return { zh: `不能超过 ${p.limit} 个字符`, en: `must be at most ${p.limit} characters` };
    case 'minLength':
      return Number(p.limit) === 1 ? { zh: '不能为空', en: 'must not be empty' } : { zh: `至少 ${p.limit} 个字符`, en: `must be at least ${p.limit} characters` };
    case 'format':
      return { zh: `格式不正确（应为 ${p.format}）`, en: `must be a valid ${p.format}` };
    case 'minimum':
      return { zh: `不能小于 ${p.limit}`, en: `must be at least ${p.limit}` };
    case 'maximum':
      return { zh: `不能大于 ${p.limit}`, en: `must be at most ${p.limit}` };
    case 'enum':
      return { zh: `应为以下之一：${(p.allowedValues as unknown[]).join('、')}`, en: `must be one of: ${(p.allowedValues as unknown[]).join(', ')}` };
    case 'pattern':
      if (p.pattern === calendarDatePattern) return { zh: '应为 1950–2150 年间的日期（YYYY-MM-DD）', en: 'must be a date in 1950–2150 (YYYY-MM-DD)' };
      return { zh: '格式不正确', en: 'has the wrong format' };
    case 'const': {
      // One of a union of literals (an enumeration): every allowed value, gathered from the union's branches.
      const allowed = (p.allowedValues as unknown[] | undefined) ?? [p.allowedValue];
      return { zh: `应为以下之一：${allowed.join('、')}`, en: `must be one of: ${allowed.join(', ')}` };
    }
    case textKeyword:
      return textProblemMessages[p.problem as TextProblem];
    case 'maxItems':
      return { zh: `最多 ${p.limit} 项`, en: `must have at most ${p.limit} items` };
    default:
      return { zh: `无效（${issue.keyword}）`, en: issue.message ?? `is invalid (${issue.keyword})` };
  }
}

function fieldOf(issue: AjvIssue, context: string | undefined): string {
  const base = issue.instancePath.replace(/^\//, '').replace(/\//g, '.');
  const extra = (issue.params.missingProperty ?? issue.params.additionalProperty) as string | undefined;
  const field = [base, extra].filter(Boolean).join('.');
  return field || (context === 'body' ? 'body' : (context ?? 'request'));
}

/** Turns schema-validation failures into field issues, one per field. */
export function validationIssues(issues: AjvIssue[], context: string | undefined): FieldIssue[] {
  // A union of literals fails once per branch: its allowed values, per field, for one message naming them all.
  const constsOf = new Map<string, unknown[]>();
  for (const issue of issues) {
    if (issue.keyword !== 'const') continue;
    const field = fieldOf(issue, context);
    constsOf.set(field, [...(constsOf.get(field) ?? []), issue.params.allowedValue]);
  }
  const seen = new Set<string>();
  const out: FieldIssue[] = [];
  for (const issue of issues) {
    const field = fieldOf(issue, context);
    if (seen.has(field)) continue;
    seen.add(field);
    const described = issue.keyword === 'const' ? { ...issue, params: { ...issue.params, allowedValues: constsOf.get(field) } } : issue;
    out.push({ field, code: issue.keyword === 'const' ? 'ENUM' : issue.keyword.toUpperCase(), message: describeIssue(described) });
  }
  return out;
}

const frameworkCodes: Record<string, AppError> = {
  FST_ERR_CTP_INVALID_JSON_BODY: new AppError('INVALID_JSON', { zh: '请求体不是有效的 JSON', en: 'The request body is not valid JSON' }),
  FST_ERR_CTP_EMPTY_JSON_BODY: new AppError('INVALID_JSON', { zh: '请求体为空，但声明为 JSON', en: 'The request body is empty but declared as JSON' }),
  FST_ERR_CTP_BODY_TOO_LARGE: new AppError('PAYLOAD_TOO_LARGE', { zh: '请求体过大', en: 'The request body is too large' }),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: new AppError('UNSUPPORTED_MEDIA_TYPE', { zh: '不支持的内容类型，请发送 application/json', en: 'Unsupported content type: send application/json' }),
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: new AppError('BAD_REQUEST', { zh: 'Content-Length 与请求体不符', en: 'Content-Length does not match the body' }),
};

/** Maps any thrown error to the one JSON error shape; never leaks internals on 5xx. */
export function toAppError(error: FastifyError | AppError | Error): AppError {
  if (error instanceof AppError) return error;
  const fe = error as FastifyError & { validation?: AjvIssue[]; validationContext?: string };
  if (fe.validation) {
    const issues = validationIssues(fe.validation, fe.validationContext);
    const first = issues[0];
    return new AppError(
      'VALIDATION_FAILED',
      { zh: `字段 ${first.field} ${first.message.zh}`, en: `Field ${first.field} ${first.message.en}` },
      issues,
    );
  }
  if (fe.code && frameworkCodes[fe.code]) return frameworkCodes[fe.code];
  const duplicate = toDuplicateError(error);
  if (duplicate) return duplicate;
  if (error instanceof SyntaxError && fe.statusCode === 400) return frameworkCodes.FST_ERR_CTP_INVALID_JSON_BODY;
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return new AppError(fe.statusCode === 404 ? 'NOT_FOUND' : fe.statusCode === 413 ? 'PAYLOAD_TOO_LARGE' : fe.statusCode === 415 ? 'UNSUPPORTED_MEDIA_TYPE' : 'BAD_REQUEST', {
      zh: `请求无效：${fe.message}`,
      en: `Bad request: ${fe.message}`,
    });
  }
  return new AppError('INTERNAL', { zh: '服务器内部错误，请稍后重试', en: 'Internal server error, please try again later' });
}

/** At most this many details are sent; `detailsTotal` then says how many there were (a huge bad body stays a small answer). */
export const maxErrorDetails = 50;

function localizeDetails(details: unknown, lang: 'zh' | 'en'): unknown {
  if (!Array.isArray(details)) return details;
  return details.slice(0, maxErrorDetails).map((d) => (d && typeof d === 'object' && 'message' in d && typeof d.message === 'object' ? { ...d, message: pick(d.message as Bilingual, lang) } : d));
}

export function sendError(request: FastifyRequest, reply: FastifyReply, appError: AppError): FastifyReply {
  const lang = requestLang(request);
  const body: { error: { code: string; message: string; details?: unknown; detailsTotal?: number } } = {
    error: { code: appError.code, message: pick(appError.messages, lang) },
  };
  if (appError.details !== undefined) body.error.details = localizeDetails(appError.details, lang);
  if (Array.isArray(appError.details) && appError.details.length > maxErrorDetails) body.error.detailsTotal = appError.details.length;
  if (appError.status === 429) {
    const retry = (appError.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
    if (retry) reply.header('retry-after', String(retry));
  }
  return reply.status(appError.status).type('application/json; charset=utf-8').send(body);
}

/** Installs the one error handler of the application. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const appError = toAppError(error);
    if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: appError.code }, 'request refused');
    return sendError(request, reply, appError);
  });
}
