import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { Nullable, PageQuery, Paged, withErrors } from '../../platform/http/schemas.ts';
import { actorOf } from '../auth/authenticate.ts';
import { scopeOf } from '../access/actor.ts';
import { findAuditEntries } from './repository.ts';
import { readSummary } from './record-audit.ts';
import { requestLang } from '../../platform/http/locale.ts';
import { Text } from '../../platform/http/text.ts';
import { mapPage } from '../../platform/db/list-page.ts';

const AuditEntry = Type.Object(
  {
    id: Type.Integer(),
    at: Type.String(),
    actor: Nullable(Type.Object({ id: Type.String(), email: Type.String(), name: Type.String() })),
    action: Type.String({ description: 'e.g. client.create, user.deactivate' }),
    entityType: Type.String(),
    entityId: Nullable(Type.String()),
    summary: Type.String(),
    changes: Type.Optional(Type.Unknown()),
  },
  { title: 'AuditEntry' },
);

type AuditQuery = Static<typeof AuditQuery>;
const AuditQuery = Type.Object({
  entityType: Type.Optional(Text({ maxLength: 50 })),
  entityId: Type.Optional(Text({ maxLength: 100 })),
  action: Type.Optional(Text({ maxLength: 100 })),
  ...PageQuery,
});

export async function auditRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get(
    '/api/audit',
    { config: { access: 'audit:read' }, schema: { tags: ['audit'], summary: 'The audit log (操作记录), newest first', querystring: AuditQuery, response: withErrors({ 200: Paged(AuditEntry, 'AuditPage') }) } },
    async (request) => {
      const { cursor, page, pageSize, ...filter } = request.query as AuditQuery;
      const lang = requestLang(request);
      const found = await findAuditEntries(ctx.db, scopeOf(actorOf(request)), { ...filter, page: { cursor, page, pageSize } });
      return mapPage(found, (r) => ({
        id: Number(r.id),
        at: r.at,
        actor: r.actorId ? { id: r.actorId, email: r.actorEmail ?? '', name: r.actorName ?? '' } : null,
        action: r.action,
        entityType: r.entityType,
        entityId: r.entityId,
        summary: readSummary(r.summary, lang),
        changes: r.changes ? JSON.parse(r.changes) : undefined,
      }));
    },
  );
}
