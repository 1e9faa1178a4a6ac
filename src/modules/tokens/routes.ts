import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { IdParams, NoContent, Nullable, PageQuery, Paged, withErrors } from '../../platform/http/schemas.ts';
import type { PageRequest } from '../../platform/db/list-page.ts';
import { Text } from '../../platform/http/text.ts';
import { actorOf } from '../auth/authenticate.ts';
import * as service from './service.ts';

const ApiToken = Type.Object(
  { id: Type.String(), name: Type.String(), createdAt: Type.String(), lastUsedAt: Nullable(Type.String()), revokedAt: Nullable(Type.String()) },
  { $id: 'ApiToken', title: 'ApiToken' },
);

export async function tokenRoutes(app: FastifyInstance, ctx: AppContext) {
  app.addSchema(ApiToken);
  const Ref = Type.Ref('ApiToken');
  const tags = ['tokens'];
  const config = { access: 'tokens:own' as const };

  app.get(
    '/api/tokens',
    { config, schema: { tags, summary: 'My API tokens, newest first', querystring: Type.Object(PageQuery), response: withErrors({ 200: Paged(Ref, 'ApiTokenPage') }) } },
    async (request) => service.listTokens(ctx, actorOf(request), request.query as PageRequest),
  );

  app.post(
    '/api/tokens',
    {
      config,
      schema: {
        tags,
        summary: 'Create an API token for scripts (the secret is shown once)',
        body: Type.Object({ name: Text({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false }),
        response: withErrors({ 201: Type.Object({ token: Ref, secret: Type.String({ description: 'Send as Authorization: Bearer <secret>' }) }) }),
      },
    },
    async (request, reply) => reply.status(201).send(await service.createToken(ctx, actorOf(request), request.body as { name: string })),
  );

  app.delete('/api/tokens/:id', { config, schema: { tags, summary: 'Revoke an API token', params: IdParams, response: withErrors({ 204: NoContent }) } }, async (request, reply) => {
    await service.revokeToken(ctx, actorOf(request), (request.params as { id: string }).id);
    return reply.status(204).send();
  });
}
