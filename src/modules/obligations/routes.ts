import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { withErrors } from '../../platform/http/schemas.ts';
import { actorOf } from '../auth/authenticate.ts';
import { addSharedSchemas } from '../catalog/schemas.ts';
import { loadRuleOverrides } from '../settings/load-rule-overrides.ts';
import { Obligation, ObligationsPreview, ObligationsPreviewRequest } from './schemas.ts';
import * as service from './service.ts';

export async function obligationsRoutes(app: FastifyInstance, ctx: AppContext) {
  addSharedSchemas(app);
  app.addSchema(Obligation);

  app.post(
    '/api/obligations/preview',
    {
      schema: {
        tags: ['obligations'],
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
}
