import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { contentDisposition } from '../../platform/http/content-disposition.ts';
import { fileResponse, withErrors } from '../../platform/http/schemas.ts';
import { actorOf } from '../auth/authenticate.ts';
import type { Permission } from '../access/permissions.ts';
import { exportKinds, exportQueries, type ExportFormat, type ExportKind, type ExportLang } from './schemas.ts';
import { exportFileOf, exportMimeTypes, prepareExport, type ExportInput } from './write-export.ts';

/** Each export needs what reading its list needs. */
const readPermission: Record<ExportKind, Permission> = {
  clients: 'clients:read',
  applications: 'applications:read',
  licences: 'licences:read',
  obligations: 'obligations:read',
};

const summaries: Record<ExportKind, string> = {
  clients: 'Export the client companies the list shows with these filters, as XLSX or CSV (streamed); re-importable',
  applications: 'Export the applications the list shows with these filters, as XLSX or CSV (streamed)',
  licences: 'Export the licences the registry shows with these filters, as XLSX or CSV (streamed); re-importable, annual reports filed included',
  obligations: 'Export the obligations the list shows with these filters, as XLSX or CSV (streamed)',
};

export async function exportRoutes(app: FastifyInstance, ctx: AppContext) {
  const tags = ['exports'];
  const file = fileResponse('The spreadsheet, streamed: every matching row (not one page), headings in the chosen language', Object.values(exportMimeTypes));

  for (const kind of exportKinds) {
    app.get(
      `/api/exports/${kind}`,
      { config: { access: readPermission[kind] }, schema: { tags, summary: summaries[kind], querystring: exportQueries[kind], response: withErrors({ 200: file }) } },
      async (request, reply) => {
        const { format, lang, ...filters } = request.query as { format?: ExportFormat; lang?: ExportLang } & Record<string, unknown>;
        const headers = (target: { fileName: string; contentType: string }) => reply.type(target.contentType).header('content-disposition', contentDisposition(target.fileName)).header('cache-control', 'private, no-store');
        // HEAD would read (and audit) the whole export only for Fastify to throw the body away.
        if (request.method === 'HEAD') return headers(exportFileOf({ kind, format, lang, today: ctx.clock.today() })).send();
        const prepared = await prepareExport(ctx, { kind, filters, actor: actorOf(request), format, lang } as ExportInput);
        const body = new PassThrough();
        // Written while it is sent, waiting whenever the reader is slower; a failure ends the download unfinished.
        prepared.write(body).catch((err: unknown) => request.log.warn({ err }, 'export ended before it was complete'));
        return headers(prepared).send(body);
      },
    );
  }
}
