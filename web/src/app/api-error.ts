/** One problem with one input field, as the server names it in `details`. */
export interface FieldIssue {
  field: string;
  code: string;
  message: string;
}

interface ApiErrorInit {
  status: number;
  code: string;
  message: string;
  details?: unknown;
  cause?: unknown;
}

/** Every failed API call becomes one of these: HTTP status, the server's code and its localized message. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(init: ApiErrorInit) {
    super(init.message, { cause: init.cause });
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.details = init.details;
  }

  /** Issues that name a field, from `details: [{ field, code, message }]`. */
  get fieldIssues(): FieldIssue[] {
    if (!Array.isArray(this.details)) return [];
    return this.details.flatMap((d: unknown) => {
      if (!d || typeof d !== 'object') return [];
      const { field, code, message } = d as Record<string, unknown>;
      if (typeof field !== 'string' || !field) return [];
      return [{ field, code: typeof code === 'string' ? code : this.code, message: typeof message === 'string' ? message : this.message }];
    });
  }
}

function errorBody(body: unknown): { code?: unknown; message?: unknown; details?: unknown } | null {
  if (!body || typeof body !== 'object' || !('error' in body)) return null;
  const inner = (body as { error: unknown }).error;
  return inner && typeof inner === 'object' ? (inner as Record<string, unknown>) : null;
}

/** Reads the server's `{ error: { code, message, details } }`, tolerating anything else (proxies, HTML pages). */
export function toApiError(status: number, body: unknown): ApiError {
  const inner = errorBody(body);
  return new ApiError({
    status,
    code: typeof inner?.code === 'string' ? inner.code : `HTTP_${status}`,
    message: typeof inner?.message === 'string' ? inner.message : '',
    details: inner?.details,
  });
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}
