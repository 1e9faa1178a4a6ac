import { PassThrough } from 'node:stream';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { contentDisposition } from '../../platform/http/content-disposition.ts';
import { IdParams, fileResponse, multipartFileBody, withErrors } from '../../platform/http/schemas.ts';
import { actorOf } from '../auth/authenticate.ts';
import { addSharedSchemas } from '../catalog/schemas.ts';
import { writeTemplate } from './files.ts';
import { ImportCheckRequest, ImportCreateQuery, ImportJob, ImportRunRequest, TemplateParams, TemplateQuery, type ImportKind } from './schemas.ts';
import * as service from './service.ts';

const xlsxMime = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const csvMime = 'text/csv; charset=utf-8';

export async function importRoutes(app: FastifyInstance, ctx: AppContext) {
  addSharedSchemas(app);
  app.addSchema(ImportJob);
  const tags = ['imports'];
  const Ref = Type.Ref('ImportJob');
  const idOf = (request: { params: unknown }) => (request.params as { id: string }).id;

  app.get(
    '/api/imports/templates/:kind',
    {
      config: { access: 'imports:run' },
      schema: { tags, summary: 'Download the import template of a kind: Chinese headings, the field names in a hidden row, an example row and notes', params: TemplateParams, querystring: TemplateQuery, response: withErrors({ 200: fileResponse('The template', [xlsxMime, csvMime]) }) },
    },
    async (request, reply) => {
      const { kind } = request.params as { kind: ImportKind };
      const format = (request.query as { format?: 'xlsx' | 'csv' }).format ?? 'xlsx';
      const stream = new PassThrough();
      void writeTemplate({ kind, format, output: stream }).catch((error: unknown) => ctx.logger.warn({ err: error }, 'template stopped'));
      const name = kind === 'clients' ? '客户导入模板' : '许可证导入模板';
      return reply.type(format === 'xlsx' ? xlsxMime : csvMime).header('content-disposition', contentDisposition(`${name}.${format}`)).header('cache-control', 'private, no-store').send(stream);
    },
  );

  app.post(
    '/api/imports',
    {
      config: { access: 'imports:run' },
      schema: {
        tags,
        summary: 'Upload a spreadsheet to import (multipart/form-data, one field named file: XLSX, or CSV in UTF-8 or GB18030); answers with its headings and the guessed column mapping',
        querystring: ImportCreateQuery,
        body: multipartFileBody('The spreadsheet, up to LICENSEDESK_IMPORT_MAX_MB (50 MB)'),
        response: withErrors({ 201: Ref }),
      },
    },
    async (request, reply) => reply.code(201).send(await service.createImport(ctx, actorOf(request), { kind: (request.query as { kind: ImportKind }).kind, request })),
  );

  app.get(
    '/api/imports',
    { config: { access: 'imports:run' }, schema: { tags, summary: 'The organisation’s 20 latest imports, newest first', response: withErrors({ 200: Type.Object({ items: Type.Array(Ref) }) }) } },
    async (request) => ({ items: await service.listImports(ctx, actorOf(request)) }),
  );

  app.get(
    '/api/imports/:id',
    { config: { access: 'imports:run' }, schema: { tags, summary: 'An import: its status, progress, report and result', params: IdParams, response: withErrors({ 200: Ref }) } },
    async (request) => service.getImport(ctx, actorOf(request), idOf(request)),
  );

  app.post(
    '/api/imports/:id/check',
    {
      config: { access: 'imports:run' },
      schema: { tags, summary: 'Check every row with the confirmed column mapping, in the background (a dry run); the report names each problem', params: IdParams, body: ImportCheckRequest, response: withErrors({ 202: Ref }) },
    },
    async (request, reply) => reply.code(202).send(await service.startCheck(ctx, actorOf(request), { id: idOf(request), ...(request.body as ImportCheckRequest) })),
  );

  app.post(
    '/api/imports/:id/run',
    {
      config: { access: 'imports:run' },
      schema: { tags, summary: 'Import the checked file in the background, in one transaction: every row, or only the valid ones', params: IdParams, body: ImportRunRequest, response: withErrors({ 202: Ref }) },
    },
    async (request, reply) => reply.code(202).send(await service.startRun(ctx, actorOf(request), { id: idOf(request), ...(request.body as ImportRunRequest) })),
  );

  app.get(
    '/api/imports/:id/error-report',
    {
      config: { access: 'imports:run' },
      schema: { tags, summary: 'The uploaded sheet with an added 错误 Errors column naming every problem of each row', params: IdParams, response: withErrors({ 200: fileResponse('The error report, in the upload’s format', [xlsxMime, csvMime]) }) },
    },
    async (request, reply) => {
      const file = await service.openErrorReport(ctx, actorOf(request), idOf(request));
      return reply.type(file.mime).header('content-disposition', contentDisposition(file.fileName)).header('cache-control', 'private, no-store').send(file.stream);
    },
  );
}
