import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { AppContext } from '../../app-context.ts';
import { withErrors } from '../../platform/http/schemas.ts';
import { actorOf } from '../auth/authenticate.ts';
import { addSharedSchemas } from '../catalog/schemas.ts';
import { EligibilityRequest, EligibilityResult } from './schemas.ts';
import * as service from './service.ts';

export async function eligibilityRoutes(app: FastifyInstance, ctx: AppContext) {
  addSharedSchemas(app);
  app.addSchema(EligibilityResult);

  app.post(
    '/api/eligibility',
    {
      schema: {
        tags: ['eligibility'],
        summary: 'Check a company against the criteria for a service and scope (申请条件), typed in or prefilled from a client company',
        body: EligibilityRequest,
        response: withErrors({ 200: Type.Ref('EligibilityResult') }),
      },
    },
    async (request) => service.checkEligibilityFor(ctx, actorOf(request), request.body as EligibilityRequest),
  );
}
