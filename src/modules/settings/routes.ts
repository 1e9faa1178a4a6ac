import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { withErrors } from '../../platform/http/schemas.ts';
import { actorOf } from '../auth/authenticate.ts';
import { addSharedSchemas } from '../catalog/schemas.ts';
import { RuleOverridesUpdate, RuleSetting } from './schemas.ts';
import * as service from './service.ts';

export async function settingsRoutes(app: FastifyInstance, ctx: AppContext) {
  addSharedSchemas(app);
  app.addSchema(RuleSetting);
  const tags = ['settings'];
  const RuleSettings = Type.Object({ items: Type.Array(Type.Ref('RuleSetting')), version: Type.Integer({ description: 'Send back with a change' }) }, { title: 'RuleSettings' });

  app.get(
    '/api/settings/rules',
    { config: { access: 'rules:read' }, schema: { tags, summary: 'Rule overrides: every configurable deadline, estimate and threshold, with the organisation’s value', response: withErrors({ 200: RuleSettings }) } },
    async (request) => service.listRuleSettings(ctx, actorOf(request)),
  );

  app.put(
    '/api/settings/rules',
    { config: { access: 'settings:manage' }, schema: { tags, summary: 'Change rule overrides (null resets a key to the default); audited', body: RuleOverridesUpdate, response: withErrors({ 200: RuleSettings }) } },
    async (request) => service.updateRuleOverrides(ctx, actorOf(request), request.body as RuleOverridesUpdate),
  );
}
