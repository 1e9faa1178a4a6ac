import createClient, { type ClientPathsWithMethod, type MethodResponse, type Middleware } from 'openapi-fetch';
import type { paths } from './api-types';
import { ApiError, toApiError } from './api-error';
import { getLanguage } from './i18n';

/** The typed client for the LicenseDesk API; the types come from the server's OpenAPI document. */
export const api = createClient<paths>({ baseUrl: '' });

type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Route<M extends HttpMethod> = ClientPathsWithMethod<typeof api, M>;

/** JSON body of a route's success response, e.g. `ApiResult<'get', '/api/clients/{id}'>`. */
export type ApiResult<M extends HttpMethod, P extends Route<M>> = MethodResponse<typeof api, M, P>;

type JsonContent<B> = NonNullable<B> extends { content: { 'application/json': infer T } } ? T : never;

/** JSON request body a route accepts. */
export type ApiBody<M extends HttpMethod, P extends Route<M>> = P extends keyof paths
  ? M extends keyof paths[P]
    ? paths[P][M] extends { requestBody?: infer B }
      ? JsonContent<B>
      : never
    : never
  : never;

/** Query parameters a route accepts. */
export type ApiQuery<M extends HttpMethod, P extends Route<M>> = P extends keyof paths
  ? M extends keyof paths[P]
    ? paths[P][M] extends { parameters: { query?: infer Q } }
      ? NonNullable<Q>
      : never
    : never
  : never;

let csrfToken: string | null = null;

/** Set from GET /api/me; every cookie-authenticated write must echo it. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

const headersMiddleware: Middleware = {
  onRequest({ request }) {
    request.headers.set('Accept-Language', getLanguage());
    if (csrfToken && !safeMethods.has(request.method)) request.headers.set('x-csrf-token', csrfToken);
    return request;
  },
};
api.use(headersMiddleware);

type Settled = { data?: unknown; error?: unknown; response: Response };
type DataOf<R extends Settled> = [Exclude<R['data'], undefined>] extends [never] ? void : Exclude<R['data'], undefined>;

/** Awaits an openapi-fetch call and returns its data, or throws one ApiError for any failure. */
export async function unwrap<R extends Settled>(pending: Promise<R>): Promise<DataOf<R>> {
  let settled: R;
  try {
    settled = await pending;
  } catch (cause) {
    throw new ApiError({ status: 0, code: 'NETWORK_ERROR', message: '', cause });
  }
  if (settled.error !== undefined || !settled.response.ok) {
    throw toApiError(settled.response.status, settled.error);
  }
  return settled.data as DataOf<R>;
}
