import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { IdParams, PageQuery, Paged, withErrors } from '../../platform/http/schemas.ts';
import { actorOf } from '../auth/authenticate.ts';
import { Application, ApplicationCreate, ApplicationEvent, ApplicationListQuery, ApplicationPatch, ApplicationTimeline, TransitionRequest } from './schemas.ts';
import { getApplicationTimeline } from './timeline-service.ts';
import * as service from './service.ts';
import { transitionApplication } from './transition-application.ts';

const ApplicationRef = Type.Ref('Application');
const idOf = (request: { params: unknown }) => (request.params as { id: string }).id;

export async function applicationRoutes(app: FastifyInstance, ctx: AppContext) {
  app.addSchema(Application);
  const tags = ['applications'];

  app.get(
    '/api/applications',
    { config: { access: 'applications:read' }, schema: { tags, summary: 'List applications, newest change first (filter by state, client, assignee)', querystring: ApplicationListQuery, response: withErrors({ 200: Paged(ApplicationRef, 'ApplicationPage') }) } },
    async (request) => service.listApplications(ctx, actorOf(request), request.query as ApplicationListQuery),
  );

  app.post(
    '/api/applications',
    { config: { access: 'applications:create' }, schema: { tags, summary: 'Open an application for a client company (state draft)', body: ApplicationCreate, response: withErrors({ 201: ApplicationRef }) } },
    async (request, reply) => reply.status(201).send(await service.createApplication(ctx, actorOf(request), request.body as ApplicationCreate)),
  );

  app.get(
    '/api/applications/assignees',
    {
      config: { access: 'applications:create' },
      schema: { tags, summary: 'Who applications can be assigned to: the active staff, admins and owners', response: withErrors({ 200: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), role: Type.String() })) }) },
    },
    async (request) => service.listAssignees(ctx, actorOf(request)),
  );

  app.get(
    '/api/applications/:id',
    { config: { access: 'applications:read' }, schema: { tags, summary: 'One application', params: IdParams, response: withErrors({ 200: ApplicationRef }) } },
    async (request) => service.getApplication(ctx, actorOf(request), idOf(request)),
  );

  app.patch(
    '/api/applications/:id',
    { config: { access: 'applications:write' }, schema: { tags, summary: 'Change the assignee or the business description', params: IdParams, body: ApplicationPatch, response: withErrors({ 200: ApplicationRef }) } },
    async (request) => service.updateApplication(ctx, actorOf(request), idOf(request), request.body as ApplicationPatch),
  );

  app.post(
    '/api/applications/:id/transitions',
    {
      config: { access: 'applications:write' },
      schema: { tags, summary: 'Move an application to its next state; a refused move answers 409 TRANSITION_REFUSED naming the guard', params: IdParams, body: TransitionRequest, response: withErrors({ 200: ApplicationRef }) },
    },
    async (request) => transitionApplication(ctx, actorOf(request), idOf(request), request.body as TransitionRequest),
  );

  app.get(
    '/api/applications/:id/activity',
    { config: { access: 'applications:read' }, schema: { tags, summary: 'The application’s activity feed, newest first', params: IdParams, querystring: Type.Object(PageQuery), response: withErrors({ 200: Paged(ApplicationEvent, 'ApplicationEventPage') }) } },
    async (request) => service.listApplicationActivity(ctx, actorOf(request), { id: idOf(request), ...(request.query as { cursor?: string; page?: number; pageSize?: number }) }),
  );

  app.get(
    '/api/applications/:id/timeline',
    {
      config: { access: 'applications:read' },
      schema: { tags, summary: 'Every stage with its expected dates (regulation and practice, in official working days), actual date, slippage and overdue flag', params: IdParams, response: withErrors({ 200: ApplicationTimeline }) },
    },
    async (request) => getApplicationTimeline(ctx, actorOf(request), idOf(request)),
  );
}
