import { Type, type TSchema } from '@sinclair/typebox';

/** The JSON shape of every error LicenseDesk returns. */
export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'Stable machine-readable code, e.g. VALIDATION_FAILED' }),
      message: Type.String({ description: 'Human message in the request language (Accept-Language)' }),
      details: Type.Optional(Type.Unknown({ description: 'For validation errors: [{ field, code, message }], at most the first 50' })),
      detailsTotal: Type.Optional(Type.Integer({ minimum: 51, description: 'Present only when details was cut to its first 50: how many there were in all' })),
    }),
  },
  { $id: 'ErrorResponse', title: 'ErrorResponse' },
);

const errorRef = Type.Ref('ErrorResponse');

/** Route responses plus the standard error responses, so the OpenAPI document lists them all. */
export function withErrors<T extends Record<number, unknown>>(ok: T): T & Record<'4xx' | '5xx', TSchema> {
  return { ...ok, '4xx': errorRef, '5xx': errorRef };
}

/**
 * Marks a body schema that only documents a streamed body (an upload): the route reads the stream itself and checks
 * every byte (`receive-upload.ts`), so the validator lets it through (`validation.ts`).
 */
export const streamedBody = 'x-streamed-body';

/** An upload's body in the OpenAPI document: multipart/form-data with one file field named `file`. */
export function multipartFileBody(description: string) {
  return {
    content: {
      'multipart/form-data': {
        schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary', description } }, [streamedBody]: true },
      },
    },
  };
}

/** A file answer (a download, a generated document, a package) in the OpenAPI document: its media types, as bytes. */
export function fileResponse(description: string, mediaTypes: string[]) {
  return { description, content: Object.fromEntries(mediaTypes.map((type) => [type, { schema: { type: 'string', format: 'binary' } }])) };
}

/** The years a recorded date may fall in: the official calendar's range, so every date can be counted in working days. */
export const calendarDatePattern = '^(19[5-9][0-9]|20[0-9][0-9]|21[0-4][0-9]|2150)-';

/** A date a user records (YYYY-MM-DD, 1950–2150); a year outside the range is named as such (`error-handler.ts`). */
export function CalendarDate(description: string) {
  return Type.String({ format: 'date', pattern: calendarDatePattern, description: `${description} (YYYY-MM-DD, 1950–2150)` });
}

export const IdParams = Type.Object({ id: Type.String({ format: 'uuid', description: 'Record id (UUID)' }) });

/** The query of every list (`platform/db/list-page.ts`): a cursor, or a page number for the first 10,000 rows. */
export const PageQuery = {
  cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 2048, pattern: '^[A-Za-z0-9_-]+$', description: 'Continue after the page that answered this nextCursor (any depth; preferred over page)' })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000, default: 1, description: 'Page number while (page − 1) × pageSize < 10,000; deeper pages continue by cursor. With a cursor it is only echoed back' })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
};

export function Paged<T extends TSchema>(item: T, title: string) {
  return Type.Object(
    {
      items: Type.Array(item),
      total: Type.Integer({ description: 'How many rows match: exact when totalIsExact, otherwise at least this many (10,000+)' }),
      totalIsExact: Type.Boolean(),
      page: Type.Integer(),
      pageSize: Type.Integer(),
      nextCursor: Nullable(Type.String({ description: 'Send as cursor for the next page; null on the last page' })),
    },
    { title },
  );
}

export const NoContent = Type.Null({ description: 'No content' });

/** A nullable value, written the OpenAPI 3.1 way. */
export function Nullable<T extends TSchema>(schema: T) {
  return Type.Union([schema, Type.Null()]);
}
