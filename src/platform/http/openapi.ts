import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { streamedBody } from './schemas.ts';

/** Generates the OpenAPI 3.1 document from the route schemas, with interactive docs at /api/docs. */
export async function registerOpenApi(app: FastifyInstance, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'LicenseDesk API',
        version,
        description:
          '增值电信业务经营许可证（呼叫中心许可证）申请与合规管理 API. Sign in with POST /api/auth/login (session cookie; send x-csrf-token from GET /api/me on writes) or use an API token: Authorization: Bearer ldt_…',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'ld_session' },
          bearer: { type: 'http', scheme: 'bearer', description: 'API token created under Settings → API tokens' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    // The validator's marker on streamed upload bodies is not part of the published schema.
    transformObject: (documents) => {
      const document = 'openapiObject' in documents ? documents.openapiObject : documents.swaggerObject;
      for (const methods of Object.values((document as { paths?: Record<string, Record<string, any>> }).paths ?? {})) {
        for (const operation of Object.values(methods)) {
          for (const media of Object.values<{ schema?: Record<string, unknown> }>(operation?.requestBody?.content ?? {})) delete media.schema?.[streamedBody];
        }
      }
      return document;
    },
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`) },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list', deepLinking: true } });
  app.get('/api/openapi.json', { schema: { hide: true }, config: { access: 'public' } }, async () => app.swagger());
}
