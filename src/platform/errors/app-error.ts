/** Text in both product languages. */
export interface Bilingual {
  zh: string;
  en: string;
}

/** One problem with one input field, named so the UI can show it beside the field. */
export interface FieldIssue {
  field: string;
  code: string;
  message: Bilingual;
}

/**
 * Every error code LicenseDesk answers with, and its HTTP status. This is the one place codes map to HTTP.
 */
export const errorStatus = {
  VALIDATION_FAILED: 400,
  INVALID_JSON: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  CSRF_TOKEN_INVALID: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  CLIENT_DUPLICATE_USCC: 409,
  USER_DUPLICATE_EMAIL: 409,
  /** A write named a `version` older than the record's: someone else changed it since it was read. */
  VERSION_CONFLICT: 409,
  /** An application cannot make this move now; details name the guard that refused and why. */
  TRANSITION_REFUSED: 409,
  /** The organisation already holds a licence with this number. */
  LICENCE_DUPLICATE: 409,
  PAYLOAD_TOO_LARGE: 413,
  /** A spreadsheet (XLSX) that inflates past the limit: a zip bomb, or simply too big to import. */
  SHEET_TOO_LARGE_UNCOMPRESSED: 413,
  /** A spreadsheet with more data rows than an import takes; details name the limit. */
  SHEET_TOO_MANY_ROWS: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  USCC_CHECK_FAILED: 422,
  UNPROCESSABLE: 422,
  /** Not a spreadsheet (XLSX or CSV), or a corrupt one; details say what was found. */
  SHEET_UNREADABLE: 422,
  /** A spreadsheet with no visible worksheet, no rows, or headings only. */
  SHEET_EMPTY: 422,
  /** A CSV file in neither UTF-8 nor GB18030, or with bytes invalid in its encoding; details name the row. */
  SHEET_ENCODING: 422,
  TOO_MANY_ATTEMPTS: 429,
  /** Too many sign-ins are being checked at once: try again in a moment (Retry-After). */
  SERVER_BUSY: 429,
  CONFIG_INVALID: 500,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;

/** The one error type of the application. Services throw it; the HTTP layer maps it in one place. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly messages: Bilingual;
  readonly details: unknown;

  constructor(code: ErrorCode, messages: Bilingual, details?: unknown) {
    super(messages.en);
    this.name = 'AppError';
    this.code = code;
    this.messages = messages;
    this.details = details;
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export function notFound(entity: Bilingual = { zh: '记录', en: 'Record' }): AppError {
  return new AppError('NOT_FOUND', { zh: `${entity.zh}不存在`, en: `${entity.en} not found` });
}

export function forbidden(): AppError {
  return new AppError('FORBIDDEN', { zh: '您没有执行此操作的权限', en: 'You do not have permission to do this' });
}

/** A validation failure naming the fields at fault. */
export function invalidFields(issues: FieldIssue[]): AppError {
  const first = issues[0];
  return new AppError(
    'VALIDATION_FAILED',
    {
      zh: first ? `字段 ${first.field}：${first.message.zh}` : '输入无效',
      en: first ? `Field ${first.field}: ${first.message.en}` : 'Invalid input',
    },
    issues,
  );
}

/** The record changed since the caller read it (optimistic concurrency): reload, then decide again. */
export function versionConflict(entity: Bilingual, current: number): AppError {
  return new AppError(
    'VERSION_CONFLICT',
    { zh: `${entity.zh}已被他人修改，请重新加载后再保存`, en: `${entity.en} was changed by someone else: reload it, then save again` },
    [{ field: 'version', code: 'VERSION_CONFLICT', message: { zh: `当前版本为 ${current}`, en: `the current version is ${current}` }, currentVersion: current }],
  );
}
