import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { AppError, forbidden } from '../../platform/errors/app-error.ts';
import { actorHas, type Permission } from '../access/permissions.ts';
import type { Actor } from '../access/actor.ts';
import { resolveApiToken, resolveSession, sessionCookie } from './service.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The permission this route requires; routes without one require a signed-in user. */
    access?: Permission;
    /** For a public route that still changes state (logout): a caller with a session must send its CSRF token. */
    csrfWhenSignedIn?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
    csrfToken: string | null;
  }
}

const unauthenticated = () => new AppError('UNAUTHENTICATED', { zh: '请先登录', en: 'Please sign in first' });
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);
// Documentation is public so integrators can read it before they have an account.
const publicPrefixes = ['/api/docs', '/api/openapi.json'];

async function identify(ctx: AppContext, request: FastifyRequest): Promise<void> {
  const auth = request.headers.authorization;
  if (auth) {
    const match = /^Bearer\s+(\S+)$/i.exec(auth);
    const actor = match ? await resolveApiToken(ctx, match[1]) : null;
    if (!actor) throw new AppError('UNAUTHENTICATED', { zh: 'API 令牌无效或已撤销', en: 'The API token is invalid or revoked' });
    request.actor = actor;
    return;
  }
  const cookie = request.cookies[sessionCookie];
  if (!cookie) return;
  const session = await resolveSession(ctx, cookie);
  if (!session) return;
  request.actor = session.actor;
  request.csrfToken = session.csrfToken;
}

/** Cookie-authenticated writes must echo the session's CSRF token; API tokens and callers without a session need none. */
function checkCsrf(request: FastifyRequest): void {
  if (request.actor?.via !== 'session' || safeMethods.has(request.method)) return;
  const sent = request.headers['x-csrf-token'];
  if (typeof sent !== 'string' || sent !== request.csrfToken) {
    throw new AppError('CSRF_TOKEN_INVALID', { zh: '缺少或错误的 CSRF 令牌，请刷新页面后重试', en: 'Missing or wrong CSRF token: reload the page and try again' });
  }
}

/**
 * The one access check: identifies the caller, enforces CSRF on cookie-authenticated writes,
 * and checks the route's declared permission. Tenant scoping then happens in repositories via `withinScope`.
 */
export function installAuthentication(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('csrfToken', null);
  app.addHook('onRequest', async (request) => {
    // Only API routes are guarded; the web app's files and unknown paths are not.
    const route = request.routeOptions.url;
    if (!route || !route.startsWith('/api/') || publicPrefixes.some((p) => route.startsWith(p))) return;
    const access: Permission = request.routeOptions.config?.access ?? 'authenticated';
    await identify(ctx, request);
    if (access === 'public') {
      if (request.routeOptions.config?.csrfWhenSignedIn) checkCsrf(request);
      return;
    }
    const actor = request.actor;
    if (!actor) throw unauthenticated();
    checkCsrf(request);
    if (!actorHas(actor, access)) throw forbidden();
  });
}

/** The caller of an authenticated route (the hook guarantees it is set). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthenticated();
  return request.actor;
}
