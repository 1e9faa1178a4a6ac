import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { Nullable, withErrors } from '../../platform/http/schemas.ts';
import { actorOf } from '../auth/authenticate.ts';
import { LocalizedText } from '../catalog/schemas.ts';
import { dashboard } from './service.ts';

const Stored = Type.Ref('ObligationBrief');
const DashboardSummary = Type.Object(
  {
    today: Type.String(),
    clients: Type.Object({
      active: Type.Integer({ minimum: 0, description: 'Client companies in use, exact' }),
      archived: Type.Integer({ minimum: 0, description: 'Archived client companies, exact' }),
    }),
    obligations: Type.Object({
      overdue: Type.Integer({ description: 'Red: open and past due' }),
      dueSoon: Type.Integer({ description: 'Amber: open and due within dueSoonDays (today included)' }),
      onTrack: Type.Integer({ description: 'Green: open and due later' }),
      dueSoonDays: Type.Integer(),
    }),
    next30: Type.Object({ items: Type.Array(Stored, { description: 'The first 10 due in the next 30 days' }), total: Type.Integer(), totalIsExact: Type.Boolean() }),
    months: Type.Array(Type.Object({ month: Type.String({ description: 'YYYY-MM' }), total: Type.Integer(), byKind: Type.Record(Type.String(), Type.Integer()) }), { description: 'Open obligations falling due in each of the next 12 months, this one first' }),
    scores: Type.Object({
      formula: LocalizedText,
      months: Type.Integer(),
      overall: Nullable(Type.Integer({ description: 'The portfolio’s on-time share, 0–100; null when nothing fell due' })),
      clients: Type.Integer({ description: 'Client companies with a score' }),
      lowest: Type.Array(Type.Object({ clientId: Type.String(), clientName: Type.String(), due: Type.Integer(), onTime: Type.Integer(), score: Nullable(Type.Integer()) }), { description: 'The ten lowest scores' }),
    }),
    season: Type.Object({
      phase: Type.Union([Type.Literal('filing'), Type.Literal('catch-up'), Type.Literal('closed')], { description: 'filing: 1 Jan – 31 Mar; catch-up: April; closed: May – December' }),
      year: Type.Integer(),
      dueOn: Type.String(),
      warning: Nullable(LocalizedText),
      missing: Type.Integer({ description: 'Licences still missing this year’s annual report' }),
      missingIsExact: Type.Boolean(),
      items: Type.Array(Stored, { description: 'The first 20 of them' }),
    }),
    applications: Type.Object({ total: Type.Integer(), byState: Type.Array(Type.Object({ state: Type.String(), count: Type.Integer() })) }),
  },
  { title: 'DashboardSummary' },
);

/** The dashboard in one call: counts the database keeps, the next 30 days, the year ahead, scores and the report season. */
export async function dashboardRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get(
    '/api/dashboard',
    { config: { access: 'clients:read' }, schema: { tags: ['dashboard'], summary: 'The dashboard: red/amber/green counts, the next 30 days, 12 months ahead, compliance scores, the annual-report season, applications by state', response: withErrors({ 200: DashboardSummary }) } },
    async (request) => dashboard(ctx, actorOf(request)),
  );
}
