import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { withErrors } from '../../platform/http/schemas.ts';
import { actorOf } from '../auth/authenticate.ts';
import { loadRuleOverrides } from '../settings/load-rule-overrides.ts';
import { addSharedSchemas, CatalogScope, CatalogServiceDetail, CatalogServiceSummary } from './schemas.ts';
import * as service from './service.ts';
import { Text } from '../../platform/http/text.ts';

export async function catalogRoutes(app: FastifyInstance, ctx: AppContext) {
  addSharedSchemas(app);
  app.addSchema(CatalogServiceSummary);
  app.addSchema(CatalogServiceDetail);
  app.addSchema(CatalogScope);
  const tags = ['catalog'];

  app.get(
    '/api/catalog/services',
    { schema: { tags, summary: 'Value-added telecom services (电信业务分类目录 2015)', response: withErrors({ 200: Type.Object({ items: Type.Array(Type.Ref('CatalogServiceSummary')) }) }) } },
    async () => ({ items: service.listCatalogServices() }),
  );

  app.get(
    '/api/catalog/services/:code',
    {
      schema: {
        tags,
        summary: 'One service with authorities, eligibility, materials, process stages and obligation rules, with the organisation’s overrides applied',
        params: Type.Object({ code: Text({ minLength: 1, maxLength: 20, description: 'Service code, e.g. B24-1 (case-insensitive)' }) }),
        response: withErrors({ 200: Type.Ref('CatalogServiceDetail') }),
      },
    },
    async (request) => {
      const overrides = await loadRuleOverrides(ctx.db, actorOf(request).orgId);
      return service.getCatalogService({ code: (request.params as { code: string }).code, overrides });
    },
  );

  app.get(
    '/api/catalog/scopes',
    { schema: { tags, summary: 'Every valid licence scope with its issuing authority', response: withErrors({ 200: Type.Object({ items: Type.Array(Type.Ref('CatalogScope')) }) }) } },
    async () => ({ items: service.listCatalogScopes() }),
  );
}
