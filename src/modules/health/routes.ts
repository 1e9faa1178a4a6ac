import { Type } from '@sinclair/typebox';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app-context.ts';

const Health = Type.Object(
  {
    status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
    database: Type.Object({ dialect: Type.String(), status: Type.Union([Type.Literal('ok'), Type.Literal('unreachable')]) }),
    version: Type.String(),
  },
  { title: 'Health' },
);

export async function healthRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get(
    '/api/health',
    { config: { access: 'public' }, schema: { tags: ['system'], summary: 'Liveness: status, database and version', response: { 200: Health, 503: Health } } },
    async (_request, reply) => {
      const ok = await sql`select 1`.execute(ctx.db).then(() => true, () => false);
      const body = { status: ok ? ('ok' as const) : ('degraded' as const), database: { dialect: ctx.database.dialect, status: ok ? ('ok' as const) : ('unreachable' as const) }, version: ctx.config.version };
      return reply.status(ok ? 200 : 503).send(body);
    },
  );
}
