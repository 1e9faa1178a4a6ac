import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../../app-context.ts';
import { maskResidentId } from '../../domain/identifiers/mask-resident-id.ts';
import { withErrors } from '../../platform/http/schemas.ts';
import { addSharedSchemas } from '../catalog/schemas.ts';
import { AccessNumberQuery, AccessNumberResult, IdCardResult, LicenceNoResult, UsccResult, ValueQuery } from './schemas.ts';
import * as service from './service.ts';

/** The request URL with the ID number in `value` masked, so request logs never hold a full ID number. */
export function maskIdCardUrl(url: string): string {
  const [path, query] = url.split('?', 2);
  if (query === undefined) return url;
  const params = new URLSearchParams(query);
  const value = params.get('value');
  if (value !== null) params.set('value', maskResidentId(value));
  return `${path}?${params.toString()}`;
}

const maskedRequest = (req: FastifyRequest) => ({ method: req.method, url: maskIdCardUrl(req.url), host: req.host, remoteAddress: req.ip, remotePort: req.socket?.remotePort });

export async function validateRoutes(app: FastifyInstance, ctx: AppContext) {
  addSharedSchemas(app);
  const tags = ['validate'];
  const value = (request: FastifyRequest) => (request.query as { value: string }).value;

  app.get(
    '/api/validate/uscc',
    { schema: { tags, summary: 'Check a Unified Social Credit Code (统一社会信用代码, GB 32100-2015)', querystring: ValueQuery, response: withErrors({ 200: UsccResult }) } },
    async (request) => service.checkUscc(value(request)),
  );

  app.get(
    '/api/validate/idcard',
    {
      // Request logs show the masked number only.
      logSerializers: { req: maskedRequest },
      schema: { tags, summary: 'Check a resident ID number (居民身份证号码, GB 11643-1999); answers with the masked number only', querystring: ValueQuery, response: withErrors({ 200: IdCardResult }) },
    },
    async (request) => service.checkIdCard(value(request), { today: ctx.clock.today() }),
  );

  app.get(
    '/api/validate/licence-no',
    { schema: { tags, summary: 'Check a licence number (经营许可证编号), e.g. 京B2-20191218; explains ICP filing numbers', querystring: ValueQuery, response: withErrors({ 200: LicenceNoResult }) } },
    async (request) => service.checkLicenceNumber(value(request)),
  );

  app.get(
    '/api/validate/access-number',
    { schema: { tags, summary: 'Check a 95/96 call-centre access number against a licence scope', querystring: AccessNumberQuery, response: withErrors({ 200: AccessNumberResult }) } },
    async (request) => service.checkAccessNumberFor(request.query as { value: string; scope: string }),
  );
}
