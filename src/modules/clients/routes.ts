import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { IdParams, Paged, withErrors } from '../../platform/http/schemas.ts';
import { actorOf } from '../auth/authenticate.ts';
import { Client, ClientCreate, ClientListQuery, ClientPatch } from './schemas.ts';
import * as service from './service.ts';

const ClientRef = Type.Ref('Client');

export async function clientRoutes(app: FastifyInstance, ctx: AppContext) {
  app.addSchema(Client);
  const tags = ['clients'];

  app.get(
    '/api/clients',
    { config: { access: 'clients:read' }, schema: { tags, summary: 'List client companies (search, filter, paginate)', querystring: ClientListQuery, response: withErrors({ 200: Paged(ClientRef, 'ClientPage') }) } },
    async (request) => service.listClients(ctx, actorOf(request), request.query as ClientListQuery),
  );

  app.post(
    '/api/clients',
    { config: { access: 'clients:create' }, schema: { tags, summary: 'Create a client company', body: ClientCreate, response: withErrors({ 201: ClientRef }) } },
    async (request, reply) => reply.status(201).send(await service.createClient(ctx, actorOf(request), request.body as ClientCreate)),
  );

  app.get(
    '/api/clients/:id',
    { config: { access: 'clients:read' }, schema: { tags, summary: 'One client company', params: IdParams, response: withErrors({ 200: ClientRef }) } },
    async (request) => service.getClient(ctx, actorOf(request), (request.params as { id: string }).id),
  );

  app.patch(
    '/api/clients/:id',
    { config: { access: 'clients:write' }, schema: { tags, summary: 'Update a client company', params: IdParams, body: ClientPatch, response: withErrors({ 200: ClientRef }) } },
    async (request) => service.updateClient(ctx, actorOf(request), (request.params as { id: string }).id, request.body as ClientPatch),
  );

  for (const [verb, archived] of [['archive', true], ['restore', false]] as const) {
    app.post(
      `/api/clients/:id/${verb}`,
      { config: { access: 'clients:archive' }, schema: { tags, summary: archived ? 'Archive a client company' : 'Restore an archived client company', params: IdParams, response: withErrors({ 200: ClientRef }) } },
      async (request) => service.setClientArchived(ctx, actorOf(request), { id: (request.params as { id: string }).id, archived }),
    );
  }
}
