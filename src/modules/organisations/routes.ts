import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { IdParams, withErrors } from '../../platform/http/schemas.ts';
import { actorOf } from '../auth/authenticate.ts';
import { AdminOrganisation, OrganisationCreate } from './schemas.ts';
import * as service from './service.ts';

/** /api/admin/organisations: instance administration, for operators only (config.access 'instance:operate'). */
export async function organisationAdminRoutes(app: FastifyInstance, ctx: AppContext) {
  app.addSchema(AdminOrganisation);
  const OrganisationRef = Type.Ref('AdminOrganisation');
  const tags = ['admin'];
  const config = { access: 'instance:operate' as const };

  app.get(
    '/api/admin/organisations',
    { config, schema: { tags, summary: 'Every organisation of this instance, with user and client counts (operators only)', response: withErrors({ 200: Type.Object({ items: Type.Array(OrganisationRef) }) }) } },
    async (request) => ({ items: await service.listOrganisations(ctx, actorOf(request)) }),
  );

  app.post(
    '/api/admin/organisations',
    {
      config,
      schema: {
        tags,
        summary: 'Create an organisation with its first owner (operators only); a generated password is returned once',
        body: OrganisationCreate,
        response: withErrors({ 201: Type.Object({ organisation: OrganisationRef, owner: Type.Ref('User'), initialPassword: Type.Optional(Type.String()) }) }),
      },
    },
    async (request, reply) => reply.status(201).send(await service.createOrganisation(ctx, actorOf(request), request.body as OrganisationCreate)),
  );

  for (const [verb, active] of [['deactivate', false], ['reactivate', true]] as const) {
    app.post(
      `/api/admin/organisations/:id/${verb}`,
      {
        config,
        schema: {
          tags,
          summary: active ? 'Reactivate an organisation: its users can sign in again (operators only)' : 'Deactivate an organisation: its users cannot sign in; nothing is deleted (operators only; not your own)',
          params: IdParams,
          response: withErrors({ 200: OrganisationRef }),
        },
      },
      async (request) => service.setOrganisationActive(ctx, actorOf(request), { id: (request.params as { id: string }).id, active }),
    );
  }
}
