import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { withErrors, NoContent } from '../../platform/http/schemas.ts';
import { actorOf } from './authenticate.ts';
import { login, logout, sessionCookie } from './service.ts';
import { findOrganisation } from '../organisations/repository.ts';
import { AppError } from '../../platform/errors/app-error.ts';

export const MeUser = Type.Object(
  {
    id: Type.String(),
    email: Type.String(),
    name: Type.String(),
    role: Type.Union([Type.Literal('owner'), Type.Literal('admin'), Type.Literal('staff'), Type.Literal('client')]),
    clientId: Type.Union([Type.String(), Type.Null()]),
    isOperator: Type.Boolean({ description: 'An instance operator: loads the official calendar and manages organisations (/api/admin)' }),
  },
  { title: 'MeUser' },
);

const LoginBody = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: 254 }),
    password: Type.String({ format: 'password', minLength: 1, maxLength: 256, description: 'Taken exactly as typed (never trimmed)' }),
  },
  { additionalProperties: false },
);

const MeResponse = Type.Object(
  {
    user: MeUser,
    organisation: Type.Object({ id: Type.String(), name: Type.String(), kind: Type.String(), isDemo: Type.Boolean() }),
    csrfToken: Type.Union([Type.String(), Type.Null()], { description: 'Send as x-csrf-token on cookie-authenticated writes; null for API tokens' }),
  },
  { title: 'Me' },
);

export async function authRoutes(app: FastifyInstance, ctx: AppContext) {
  app.post(
    '/api/auth/login',
    {
      config: { access: 'public' },
      schema: { tags: ['auth'], summary: 'Sign in with email and password (sets the session cookie)', body: LoginBody, response: withErrors({ 200: Type.Object({ user: MeUser }) }) },
    },
    async (request, reply) => {
      const body = request.body as { email: string; password: string };
      const result = await login(ctx, { ...body, ip: request.ip });
      reply.setCookie(sessionCookie, result.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: ctx.config.cookieSecure,
        expires: new Date(result.expiresAt),
      });
      const a = result.actor;
      return { user: { id: a.userId, email: a.email, name: a.name, role: a.role, clientId: a.clientId, isOperator: a.isOperator } };
    },
  );

  app.post(
    '/api/auth/logout',
    {
      // Harmless without a session; with one, it is a cookie-authenticated write like any other and needs the CSRF token.
      config: { access: 'public', csrfWhenSignedIn: true },
      schema: { tags: ['auth'], summary: 'Sign out (ends the session; send x-csrf-token when signed in)', response: withErrors({ 204: NoContent }) },
    },
    async (request, reply) => {
      await logout(ctx, request.cookies[sessionCookie]);
      reply.clearCookie(sessionCookie, { path: '/' });
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/me',
    { schema: { tags: ['auth'], summary: 'The signed-in user, their organisation and the CSRF token', response: withErrors({ 200: MeResponse }) } },
    async (request) => {
      const actor = actorOf(request);
      const org = await findOrganisation(ctx.db, actor.orgId);
      if (!org) throw new AppError('UNAUTHENTICATED', { zh: '请先登录', en: 'Please sign in first' });
      return {
        user: { id: actor.userId, email: actor.email, name: actor.name, role: actor.role, clientId: actor.clientId, isOperator: actor.isOperator },
        organisation: { id: org.id, name: org.name, kind: org.kind, isDemo: org.isDemo === 1 },
        csrfToken: request.csrfToken,
      };
    },
  );
}
