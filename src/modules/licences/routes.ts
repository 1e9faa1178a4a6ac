import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { IdParams, Paged, withErrors } from '../../platform/http/schemas.ts';
import { actorOf } from '../auth/authenticate.ts';
import { licenceStoredObligations } from '../obligations/stored-service.ts';
import { Licence, LicenceCreate, LicenceEvent, LicenceEventParams, LicenceEventRequest, LicenceListQuery, LicencePatch } from './schemas.ts';
import * as events from './events-service.ts';
import * as service from './service.ts';
import { requireLicence } from './service.ts';

const LicenceRef = Type.Ref('Licence');

export async function licenceRoutes(app: FastifyInstance, ctx: AppContext) {
  app.addSchema(Licence);
  app.addSchema(LicenceEvent);
  const tags = ['licences'];
  const EventRef = Type.Ref('LicenceEvent');

  app.get(
    '/api/licences',
    { config: { access: 'licences:read' }, schema: { tags, summary: 'The licence registry, soonest expiry first: by number (or its beginning), holder and status', querystring: LicenceListQuery, response: withErrors({ 200: Paged(LicenceRef, 'LicencePage') }) } },
    async (request) => service.listLicences(ctx, actorOf(request), request.query as LicenceListQuery),
  );

  app.post(
    '/api/licences',
    { config: { access: 'licences:write' }, schema: { tags, summary: 'Enter a licence obtained elsewhere: number, holder, services with their scope, issue and expiry', body: LicenceCreate, response: withErrors({ 201: LicenceRef }) } },
    async (request, reply) => reply.status(201).send(await service.createLicence(ctx, actorOf(request), request.body as LicenceCreate)),
  );

  app.get(
    '/api/licences/:id',
    { config: { access: 'licences:read' }, schema: { tags, summary: 'One licence: its number read (authority, year), services, dates and status', params: IdParams, response: withErrors({ 200: LicenceRef }) } },
    async (request) => service.getLicence(ctx, actorOf(request), (request.params as { id: string }).id),
  );

  app.patch(
    '/api/licences/:id',
    { config: { access: 'licences:write' }, schema: { tags, summary: 'Correct a licence’s number, services, dates or notes (carries the version read)', params: IdParams, body: LicencePatch, response: withErrors({ 200: LicenceRef }) } },
    async (request) => service.updateLicence(ctx, actorOf(request), (request.params as { id: string }).id, request.body as LicencePatch),
  );

  app.get(
    '/api/licences/:id/events',
    { config: { access: 'licences:read' }, schema: { tags, summary: 'The licence’s history in date order: services opened, registration changes, reports filed, numbers, renewals, cancellation', params: IdParams, response: withErrors({ 200: Type.Array(EventRef) }) } },
    async (request) => events.listLicenceEvents(ctx, actorOf(request), (request.params as { id: string }).id),
  );

  app.post(
    '/api/licences/:id/events',
    { config: { access: 'licences:write' }, schema: { tags, summary: 'Record an event of the licence’s history; its obligations follow (a renewal sets the new expiry, a cancellation ends the licence)', params: IdParams, body: LicenceEventRequest, response: withErrors({ 201: EventRef }) } },
    async (request, reply) => reply.status(201).send(await events.recordLicenceEvent(ctx, actorOf(request), (request.params as { id: string }).id, request.body as LicenceEventRequest)),
  );

  app.delete(
    '/api/licences/:id/events/:eventId',
    { config: { access: 'licences:write' }, schema: { tags, summary: 'Remove an event recorded by mistake (a renewal restores the expiry before it; only the latest renewal)', params: LicenceEventParams, response: withErrors({ 204: Type.Null() }) } },
    async (request, reply) => {
      await events.removeLicenceEvent(ctx, actorOf(request), request.params as { id: string; eventId: string });
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/licences/:id/obligations',
    { config: { access: 'licences:read' }, schema: { tags, summary: 'The licence’s stored obligations, soonest due first (annual reports through expiry, renewal, start of operations…), each with its status today', params: IdParams, response: withErrors({ 200: Type.Array(Type.Ref('StoredObligation')) }) } },
    async (request) => {
      const actor = actorOf(request);
      const id = (request.params as { id: string }).id;
      await requireLicence(ctx, actor, id);
      return licenceStoredObligations(ctx, actor, id);
    },
  );
}
