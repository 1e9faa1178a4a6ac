import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { contentDisposition } from '../../platform/http/content-disposition.ts';
import { IdParams, Paged, fileResponse, multipartFileBody, withErrors } from '../../platform/http/schemas.ts';
import { actorOf } from '../auth/authenticate.ts';
import { addSharedSchemas } from '../catalog/schemas.ts';
import { loadRuleOverrides } from '../settings/load-rule-overrides.ts';
import { mimeOf } from '../applications/materials-service.ts';
import { ObligationBrief, ReopenQuery, AssignRequest, BulkRequest, BulkResult, CompleteRequest, Obligation, ObligationDetail, ObligationListQuery, ObligationsPreview, ObligationsPreviewRequest, StoredObligation } from './schemas.ts';
import * as service from './service.ts';
import * as stored from './stored-service.ts';

export async function obligationsRoutes(app: FastifyInstance, ctx: AppContext) {
  addSharedSchemas(app);
  app.addSchema(Obligation);
  app.addSchema(StoredObligation);
  app.addSchema(ObligationBrief);
  const tags = ['obligations'];
  const Ref = Type.Ref('StoredObligation');
  const idOf = (request: { params: unknown }) => (request.params as { id: string }).id;

  app.post(
    '/api/obligations/preview',
    {
      schema: {
        tags,
        summary: 'Preview a licence’s obligations (年报, 续期, 变更, 开通业务…) from its facts, with the organisation’s overrides and the official calendar',
        body: ObligationsPreviewRequest,
        response: withErrors({ 200: ObligationsPreview }),
      },
    },
    async (request) => {
      const overrides = await loadRuleOverrides(ctx.db, actorOf(request).orgId);
      return service.previewObligations({ input: request.body as ObligationsPreviewRequest, today: ctx.clock.today(), calendar: ctx.calendar.current(), overrides });
    },
  );

  app.get(
    '/api/obligations',
    { config: { access: 'obligations:read' }, schema: { tags, summary: 'Every stored obligation across the portfolio, soonest due first: by status, due within N days, client, licence, assignee and kind', querystring: ObligationListQuery, response: withErrors({ 200: Paged(Ref, 'StoredObligationPage') }) } },
    async (request) => stored.listStoredObligations(ctx, actorOf(request), request.query as ObligationListQuery),
  );

  app.get(
    '/api/obligations/:id',
    { config: { access: 'obligations:read' }, schema: { tags, summary: 'One obligation with its history (due dates moved, completed, reopened, assigned)', params: IdParams, response: withErrors({ 200: ObligationDetail }) } },
    async (request) => stored.getObligation(ctx, actorOf(request), idOf(request)),
  );

  app.post(
    '/api/obligations/:id/complete',
    { config: { access: 'obligations:write' }, schema: { tags, summary: 'Mark it done, with a note; a yearly report or a service opening is recorded in the licence’s history too', params: IdParams, body: CompleteRequest, response: withErrors({ 200: Ref }) } },
    async (request) => stored.completeObligation(ctx, actorOf(request), idOf(request), request.body as CompleteRequest),
  );

  app.post(
    '/api/obligations/:id/reopen',
    { config: { access: 'obligations:write' }, schema: { tags, summary: 'Open again what was completed here by mistake (its evidence is detached); ?version= refuses a stale page with 409', params: IdParams, querystring: ReopenQuery, response: withErrors({ 200: Ref }) } },
    async (request) => stored.reopenObligation(ctx, actorOf(request), idOf(request), request.query as { version?: number }),
  );

  app.put(
    '/api/obligations/:id/assignee',
    { config: { access: 'obligations:write' }, schema: { tags, summary: 'Assign it to a staff member (null: nobody)', params: IdParams, body: AssignRequest, response: withErrors({ 200: Ref }) } },
    async (request) => stored.assignObligation(ctx, actorOf(request), idOf(request), request.body as AssignRequest),
  );

  app.post(
    '/api/obligations/bulk',
    { config: { access: 'obligations:write' }, schema: { tags, summary: 'Assign or complete up to 500 at once; each succeeds or fails on its own and failures are named', body: BulkRequest, response: withErrors({ 200: BulkResult }) } },
    async (request) => stored.bulkObligations(ctx, actorOf(request), request.body as BulkRequest),
  );

  app.post(
    '/api/obligations/:id/evidence',
    {
      config: { access: 'obligations:write' },
      schema: {
        tags,
        summary: 'Attach the completion’s evidence (multipart/form-data, one field named file: PDF, JPG, PNG, DOCX or XLSX), replacing any before',
        params: IdParams,
        body: multipartFileBody('The evidence file, up to LICENSEDESK_UPLOAD_MAX_MB; the type is read from the content'),
        response: withErrors({ 200: Ref }),
      },
    },
    async (request) => stored.uploadEvidence(ctx, actorOf(request), { id: idOf(request), request }),
  );

  app.get(
    '/api/obligations/:id/evidence',
    { config: { access: 'obligations:read' }, schema: { tags, summary: 'Download the completion’s evidence', params: IdParams, response: withErrors({ 200: fileResponse('The evidence file as uploaded', Object.values(mimeOf)) }) } },
    async (request, reply) => {
      const file = await stored.downloadEvidence(ctx, actorOf(request), idOf(request));
      return reply.type(file.mime).header('content-length', file.size).header('content-disposition', contentDisposition(file.fileName)).header('cache-control', 'private, no-store').send(file.stream);
    },
  );
}
