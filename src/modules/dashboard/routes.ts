import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { withErrors } from '../../platform/http/schemas.ts';
import { actorOf } from '../auth/authenticate.ts';
import { scopeOf } from '../access/actor.ts';
import { countClients } from '../clients/repository.ts';

const DashboardSummary = Type.Object(
  {
    clients: Type.Object({
      active: Type.Integer({ minimum: 0, description: 'Client companies in use, exact' }),
      archived: Type.Integer({ minimum: 0, description: 'Archived client companies, exact' }),
    }),
  },
  { title: 'DashboardSummary' },
);

/** The dashboard's figures in one cheap call: each is a counter the database keeps, read in one row. */
export async function dashboardRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get(
    '/api/dashboard',
    { config: { access: 'clients:read' }, schema: { tags: ['dashboard'], summary: 'The dashboard’s counts, exact, in one call', response: withErrors({ 200: DashboardSummary }) } },
    async (request) => ({ clients: await countClients(ctx.db, scopeOf(actorOf(request))) }),
  );
}
