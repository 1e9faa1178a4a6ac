import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { IdParams, fileResponse, multipartFileBody, withErrors } from '../../platform/http/schemas.ts';
import { contentDisposition } from '../../platform/http/content-disposition.ts';
import { actorOf } from '../auth/authenticate.ts';
import { CustomItemRequest, MaterialChecklistItem, MaterialFileQuery, MaterialParams, MaterialReviewRequest } from './materials-schemas.ts';
import * as service from './materials-service.ts';
import { buildPackage, docxMime, generateDocument } from './documents-service.ts';

const ItemRef = Type.Ref('MaterialChecklistItem');
type Params = { id: string; key: string };

export async function materialRoutes(app: FastifyInstance, ctx: AppContext) {
  app.addSchema(MaterialChecklistItem);
  const tags = ['applications'];

  app.get(
    '/api/applications/:id/materials',
    { config: { access: 'applications:read' }, schema: { tags, summary: 'The checklist: each item with its status and every uploaded version', params: IdParams, response: withErrors({ 200: Type.Array(ItemRef) }) } },
    async (request) => service.listApplicationMaterials(ctx, actorOf(request), (request.params as { id: string }).id),
  );

  app.post(
    '/api/applications/:id/materials',
    { config: { access: 'applications:write' }, schema: { tags, summary: 'Add an item of your own to the checklist (key custom-…)', params: IdParams, body: CustomItemRequest, response: withErrors({ 201: ItemRef }) } },
    async (request, reply) => reply.status(201).send(await service.addCustomItem(ctx, actorOf(request), { id: (request.params as { id: string }).id, item: request.body as CustomItemRequest })),
  );

  app.delete(
    '/api/applications/:id/materials/:key',
    { config: { access: 'applications:write' }, schema: { tags, summary: 'Remove an item you added, while nothing has been uploaded for it', params: MaterialParams, response: withErrors({ 204: Type.Null() }) } },
    async (request, reply) => {
      const { id, key } = request.params as Params;
      await service.removeCustomItem(ctx, actorOf(request), { id, key });
      return reply.status(204).send();
    },
  );

  app.put(
    '/api/applications/:id/materials/:key',
    {
      config: { access: 'applications:upload' },
      schema: {
        tags,
        summary: 'Upload a file as the item’s next version (multipart/form-data, one field named file); its type is read from its content',
        params: MaterialParams,
        body: multipartFileBody('PDF, JPG or PNG (DOCX/XLSX where the item accepts them), up to LICENSEDESK_UPLOAD_MAX_MB (20 MB by default); the type is read from the content, never the name'),
        response: withErrors({ 201: ItemRef }),
      },
    },
    async (request, reply) => {
      const { id, key } = request.params as Params;
      return reply.status(201).send(await service.uploadMaterial(ctx, actorOf(request), { id, key, request }));
    },
  );

  app.get(
    '/api/applications/:id/materials/:key/file',
    { config: { access: 'applications:read' }, schema: { tags, summary: 'Download a version of an item (the latest by default); every download is audited', params: MaterialParams, querystring: MaterialFileQuery, response: withErrors({ 200: fileResponse('The file as uploaded (its type as read from its content)', Object.values(service.mimeOf)) }) } },
    async (request, reply) => {
      const { id, key } = request.params as Params;
      const file = await service.downloadMaterial(ctx, actorOf(request), { id, key, version: (request.query as { version?: number }).version, headOnly: request.method === 'HEAD' });
      return reply.type(file.mime).header('content-length', file.size).header('content-disposition', contentDisposition(file.fileName)).header('cache-control', 'private, no-store').send(file.stream);
    },
  );

  app.post(
    '/api/applications/:id/materials/:key/review',
    { config: { access: 'applications:write' }, schema: { tags, summary: 'Accept or reject the item’s latest version (a rejection needs a reason)', params: MaterialParams, body: MaterialReviewRequest, response: withErrors({ 200: ItemRef }) } },
    async (request) => {
      const { id, key } = request.params as Params;
      return service.reviewMaterial(ctx, actorOf(request), { id, key, review: request.body as MaterialReviewRequest });
    },
  );

  app.post(
    '/api/applications/:id/documents/:key',
    {
      config: { access: 'applications:write' },
      schema: {
        tags,
        summary: 'Generate a document as DOCX (application-letter, business-description, commitment-letter: stored as the item’s next version; materials-index: returned only). Header x-document-missing lists facts still to fill in',
        params: MaterialParams,
        response: withErrors({ 200: fileResponse('The generated document (DOCX)', [docxMime]) }),
      },
    },
    async (request, reply) => {
      const { id, key } = request.params as Params;
      const doc = await generateDocument(ctx, actorOf(request), { id, key });
      return reply
        .type(docxMime)
        .header('content-disposition', contentDisposition(doc.fileName))
        .header('x-document-missing', encodeURIComponent(JSON.stringify(doc.missing)))
        .header('cache-control', 'private, no-store')
        .send(doc.content);
    },
  );

  app.get(
    '/api/applications/:id/package',
    { config: { access: 'applications:package' }, schema: { tags, summary: 'The submission package (ZIP, streamed): the latest version of every item, the materials index and manifest.json with SHA-256s', params: IdParams, response: withErrors({ 200: fileResponse('A ZIP archive, streamed', ['application/zip']) }) } },
    async (request, reply) => {
      const pkg = await buildPackage(ctx, actorOf(request), (request.params as { id: string }).id);
      return reply.type('application/zip').header('content-disposition', contentDisposition(pkg.fileName)).header('cache-control', 'private, no-store').send(pkg.stream);
    },
  );
}
