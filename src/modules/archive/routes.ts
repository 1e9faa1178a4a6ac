import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { contentDisposition } from '../../platform/http/content-disposition.ts';
import { fileResponse, withErrors } from '../../platform/http/schemas.ts';
import { actorOf } from '../auth/authenticate.ts';
import { archiveFileName, beginArchiveExport } from './export-archive.ts';

export async function archiveRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get(
    '/api/exports/archive',
    {
      config: { access: 'settings:manage' },
      schema: {
        tags: ['exports'],
        summary: 'Everything of your organisation as one ZIP, streamed (records/<table>.jsonl, files/<sha256>, manifest.json with each entry’s SHA-256); audited. Secrets (password and token hashes, sessions, webhook secrets, feed tokens) are never included',
        response: withErrors({ 200: fileResponse('A ZIP archive, streamed', ['application/zip']) }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const headers = (fileName: string) => reply.type('application/zip').header('content-disposition', contentDisposition(fileName)).header('cache-control', 'private, no-store');
      // HEAD would read (and audit) the whole organisation only for Fastify to throw the body away.
      if (request.method === 'HEAD') return headers(await archiveFileName(ctx, actor.orgId)).send();
      const archive = await beginArchiveExport(ctx, { orgId: actor.orgId, actor });
      const body = new PassThrough();
      // Headers are gone by the time a read fails: the download then ends with an error instead of a ZIP that looks whole.
      archive.writeTo(body).catch((error: unknown) => {
        // The reader went away (a closed tab): nothing failed here.
        if (body.destroyed) return request.log.info({ err: error }, 'archive download ended by the client');
        request.log.error({ err: error }, 'archive export failed');
        body.destroy(error instanceof Error ? error : new Error(String(error)));
      });
      return headers(archive.fileName).send(body);
    },
  );
}
