import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { provinces } from '../../domain/geo/provinces.ts';

const Province = Type.Object({ code: Type.String(), zh: Type.String(), en: Type.String(), abbr: Type.String(), hasCommsAdministration: Type.Boolean() }, { title: 'Province' });

export async function metaRoutes(app: FastifyInstance) {
  app.get(
    '/api/meta/provinces',
    { config: { access: 'public' }, schema: { tags: ['reference'], summary: 'Provincial-level divisions (ISO 3166-2:CN codes)', response: { 200: Type.Object({ items: Type.Array(Province) }) } } },
    async () => ({ items: provinces.map(({ gbPrefix: _gb, ...p }) => p) }),
  );
}
