import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import type { PageRequest } from '../../platform/db/list-page.ts';
import { notFound } from '../../platform/errors/app-error.ts';
import { IdParams, NoContent, PageQuery, Paged, fileResponse, withErrors } from '../../platform/http/schemas.ts';
import { actorOf } from '../auth/authenticate.ts';
import { CalendarFeed, CalendarFeedCreate, CalendarFeedCreated, FeedTokenParams } from './schemas.ts';
import * as service from './service.ts';

export async function calendarFeedRoutes(app: FastifyInstance, ctx: AppContext) {
  app.addSchema(CalendarFeed);
  const Ref = Type.Ref('CalendarFeed');
  const tags = ['calendar-feeds'];

  app.post(
    '/api/calendar-feeds',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Subscribe a calendar app (Outlook, Apple, Google…) to obligations: mine, or the whole organisation’s (staff). The address is shown once',
        body: CalendarFeedCreate,
        response: withErrors({ 201: CalendarFeedCreated }),
      },
    },
    async (request, reply) => {
      const feed = await service.createFeed(ctx, actorOf(request), request.body as CalendarFeedCreate);
      return reply.status(201).send({ id: feed.id, scope: feed.scope, path: feed.path, url: `${ctx.config.publicUrlSet ? ctx.config.publicUrl : `${request.protocol}://${request.host}`}${feed.path}`, createdAt: feed.createdAt });
    },
  );

  app.get(
    '/api/calendar-feeds',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'My calendar feeds in use, newest first (their addresses are never shown again)', querystring: Type.Object(PageQuery), response: withErrors({ 200: Paged(Ref, 'CalendarFeedPage') }) } },
    async (request) => service.listFeeds(ctx, actorOf(request), request.query as PageRequest),
  );

  app.delete(
    '/api/calendar-feeds/:id',
    { config: { access: 'authenticated' }, schema: { tags, summary: 'Revoke one of my calendar feeds: its address stops answering', params: IdParams, response: withErrors({ 204: NoContent }) } },
    async (request, reply) => {
      await service.revokeFeed(ctx, actorOf(request), (request.params as { id: string }).id);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/calendar-feeds/:token.ics',
    {
      config: { access: 'public' },
      // A malformed token answers exactly as an unknown one does (404), so the handler sees the validation result.
      attachValidation: true,
      schema: {
        tags,
        summary: 'The feed itself (iCalendar): one all-day event per open obligation, and per done one due in the last 90 days, soonest first, at most 5,000. The token in the address is the only key',
        security: [],
        params: FeedTokenParams,
        response: withErrors({ 200: fileResponse('The calendar (text/calendar, UTF-8)', ['text/calendar']) }),
      },
    },
    async (request, reply) => {
      if (request.validationError) throw notFound({ zh: '日历订阅', en: 'Calendar feed' });
      const body = await service.renderFeed(ctx, (request.params as { token: string }).token);
      return reply.type('text/calendar; charset=utf-8').header('cache-control', 'private, no-cache').send(body);
    },
  );
}
