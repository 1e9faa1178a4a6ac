import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { IdParams, Nullable, PageQuery, Paged, withErrors } from '../../platform/http/schemas.ts';
import type { PageRequest } from '../../platform/db/list-page.ts';
import { Text } from '../../platform/http/text.ts';
import { actorOf } from '../auth/authenticate.ts';
import * as service from './service.ts';

const Role = Type.Union([Type.Literal('owner'), Type.Literal('admin'), Type.Literal('staff'), Type.Literal('client')]);

export const User = Type.Object(
  {
    id: Type.String(),
    email: Type.String(),
    name: Type.String(),
    role: Role,
    clientId: Nullable(Type.String()),
    isActive: Type.Boolean(),
    createdAt: Type.String(),
    lastLoginAt: Nullable(Type.String()),
    version: Type.Integer({ description: 'Send it back with PATCH: a stale one is refused with 409 VERSION_CONFLICT' }),
  },
  { $id: 'User', title: 'User' },
);

const UserCreate = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: 254 }),
    name: Text({ minLength: 1, maxLength: 100 }),
    role: Role,
    clientId: Type.Optional(Nullable(Type.String({ format: 'uuid' }))),
    password: Type.Optional(Type.String({ format: 'password', minLength: 8, maxLength: 256, description: 'Omit to generate one, returned once as initialPassword' })),
  },
  { additionalProperties: false },
);

const UserPatch = Type.Object(
  {
    version: Type.Integer({ minimum: 1, description: 'The version you read (GET); a stale one answers 409 VERSION_CONFLICT and changes nothing' }),
    name: Type.Optional(Text({ minLength: 1, maxLength: 100 })),
    role: Type.Optional(Role),
    clientId: Type.Optional(Nullable(Type.String({ format: 'uuid' }))),
    isActive: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export async function userRoutes(app: FastifyInstance, ctx: AppContext) {
  app.addSchema(User);
  const UserRef = Type.Ref('User');
  const tags = ['users'];
  const config = { access: 'users:manage' as const };

  app.get(
    '/api/users',
    { config, schema: { tags, summary: 'Users of my organisation, oldest first', querystring: Type.Object(PageQuery), response: withErrors({ 200: Paged(UserRef, 'UserPage') }) } },
    async (request) => service.listUsers(ctx, actorOf(request), request.query as PageRequest),
  );

  app.post(
    '/api/users',
    { config, schema: { tags, summary: 'Create or invite a user', body: UserCreate, response: withErrors({ 201: Type.Object({ user: UserRef, initialPassword: Type.Optional(Type.String()) }) }) } },
    async (request, reply) => reply.status(201).send(await service.createUser(ctx, actorOf(request), request.body as service.CreateUserInput)),
  );

  app.patch(
    '/api/users/:id',
    { config, schema: { tags, summary: 'Change a user: name, role, client link, active (send the version you read)', params: IdParams, body: UserPatch, response: withErrors({ 200: UserRef }) } },
    async (request) => service.updateUser(ctx, actorOf(request), (request.params as { id: string }).id, request.body as service.UpdateUserInput),
  );

  app.post(
    '/api/users/:id/reset-password',
    { config, schema: { tags, summary: 'Generate a new password (shown once), end the user’s sessions and revoke their API tokens', params: IdParams, response: withErrors({ 200: Type.Object({ password: Type.String() }) }) } },
    async (request) => service.resetPassword(ctx, actorOf(request), (request.params as { id: string }).id),
  );
}
