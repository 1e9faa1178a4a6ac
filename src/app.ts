import { archiveRoutes } from './modules/archive/routes.ts';
import { exportRoutes } from './modules/exports/routes.ts';
import { importRoutes } from './modules/imports/routes.ts';
import { failInterruptedImports } from './modules/imports/service.ts';
import { refreshAllObligations } from './modules/obligations/refresh.ts';
import { reminderRoutes } from './modules/reminders/routes.ts';
import { sweepReminders } from './modules/reminders/sweep.ts';
import { installPeriodicTask } from './platform/http/periodic-task.ts';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { repoRoot } from './platform/repo-root.ts';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import type { AppContext } from './app-context.ts';
import { validatorCompiler } from './platform/http/validation.ts';
import { ErrorResponse } from './platform/http/schemas.ts';
import { installErrorHandler } from './platform/http/error-handler.ts';
import { toTrustProxy } from './platform/http/trust-proxy.ts';
import { registerOpenApi } from './platform/http/openapi.ts';
import { registerWebApp } from './platform/http/web-app.ts';
import { registerSecurityHeaders } from './platform/http/security-headers.ts';
import { registerCompression } from './platform/http/compression.ts';
import { installAuthentication } from './modules/auth/authenticate.ts';
import { installAuthMaintenance } from './modules/auth/auth-maintenance.ts';
import { installCounterCompaction } from './platform/db/org-counters.ts';
import { authRoutes } from './modules/auth/routes.ts';
import { clientRoutes } from './modules/clients/routes.ts';
import { dashboardRoutes } from './modules/dashboard/routes.ts';
import { userRoutes } from './modules/users/routes.ts';
import { tokenRoutes } from './modules/tokens/routes.ts';
import { auditRoutes } from './modules/audit/routes.ts';
import { healthRoutes } from './modules/health/routes.ts';
import { metaRoutes } from './modules/meta/routes.ts';
import { calendarRoutes } from './modules/calendar/routes.ts';
import { catalogRoutes } from './modules/catalog/routes.ts';
import { validateRoutes } from './modules/validate/routes.ts';
import { eligibilityRoutes } from './modules/eligibility/routes.ts';
import { obligationsRoutes } from './modules/obligations/routes.ts';
import { settingsRoutes } from './modules/settings/routes.ts';
import { organisationAdminRoutes } from './modules/organisations/routes.ts';
import { applicationRoutes } from './modules/applications/routes.ts';
import { materialRoutes } from './modules/applications/materials-routes.ts';
import { licenceRoutes } from './modules/licences/routes.ts';
import { calendarFeedRoutes } from './modules/calendar-feeds/routes.ts';
import { registerMultipart } from './platform/http/receive-upload.ts';
import { startCalendarSync } from './modules/calendar/calendar-sync.ts';
import { refreshOpenDueDates } from './modules/applications/due-dates.ts';

export const defaultWebDist = path.join(repoRoot, 'web', 'dist');

/** Largest JSON body accepted; anything larger is refused with 413 before it is parsed. */
export const bodyLimitBytes = 1024 * 1024;

/** The whole application as one Fastify instance; `server.ts` only starts it. */
export async function buildApp(ctx: AppContext, options: { webDist?: string } = {}): Promise<FastifyInstance> {
  const app: FastifyInstance = Fastify({
    loggerInstance: ctx.logger as FastifyBaseLogger,
    bodyLimit: bodyLimitBytes,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
    },
    requestIdHeader: false,
    // A request that stalls (a client that stops sending mid-upload, or never finishes its headers' body) is cut off
    // after 5 minutes, enough for a 20 MB file on a slow line, rather than held open for ever.
    requestTimeout: 5 * 60 * 1000,
    ajv: { customOptions: { removeAdditional: false } },
    routerOptions: { maxParamLength: 200 },
    // Off unless configured: only a trusted proxy may name the client address that sign-in throttling keys on.
    trustProxy: toTrustProxy(ctx.config.trustProxy),
  });
  app.setValidatorCompiler(validatorCompiler);
  // The API speaks JSON only; other bodies get 415 rather than being parsed as text.
  app.removeContentTypeParser('text/plain');
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.addSchema(ErrorResponse);
  installErrorHandler(app);
  await registerSecurityHeaders(app, { https: ctx.config.cookieSecure });
  await registerCompression(app);
  await app.register(cookie);
  await registerMultipart(app, ctx.config.uploadMaxBytes);
  await registerOpenApi(app, ctx.config.version);
  installAuthentication(app, ctx);
  installAuthMaintenance(app, ctx);
  installCounterCompaction(app, ctx);

  await healthRoutes(app, ctx);
  await metaRoutes(app);
  await authRoutes(app, ctx);
  await clientRoutes(app, ctx);
  await dashboardRoutes(app, ctx);
  await userRoutes(app, ctx);
  await tokenRoutes(app, ctx);
  await auditRoutes(app, ctx);
  await calendarRoutes(app, ctx);
  await catalogRoutes(app, ctx);
  await validateRoutes(app, ctx);
  await eligibilityRoutes(app, ctx);
  await obligationsRoutes(app, ctx);
  await settingsRoutes(app, ctx);
  await organisationAdminRoutes(app, ctx);
  await applicationRoutes(app, ctx);
  await materialRoutes(app, ctx);
  await licenceRoutes(app, ctx);
  await reminderRoutes(app, ctx);
  await calendarFeedRoutes(app, ctx);
  await importRoutes(app, ctx);
  await exportRoutes(app, ctx);
  await archiveRoutes(app, ctx);

  // Due dates of applications stored before they were kept, or under a calendar this instance has not seen change.
  await refreshOpenDueDates(ctx, ctx.db);
  // Licences whose obligations were derived under other rules (a release) or another calendar: brought up to date.
  await refreshAllObligations(ctx, ctx.db, { inTransactions: true });
  // Imports a stopped process left running wrote nothing (one transaction): they are marked failed, to start again.
  await failInterruptedImports(ctx);
  await registerWebApp(app, options.webDist ?? defaultWebDist);
  // A calendar change made by the CLI or another instance reaches this one within seconds; stopped with the app.
  const calendarSync = startCalendarSync(ctx);
  app.addHook('onClose', () => calendarSync.stop());
  // Reminders: planned and delivered every LICENSEDESK_SWEEP_SECONDS (0: the CLI's `reminders sweep` does it).
  if (ctx.config.sweepSeconds > 0) {
    // Once at start too: what fell due while the server was down is sent now, not a sweep interval later.
    installPeriodicTask(app, { intervalMs: ctx.config.sweepSeconds * 1000, task: () => sweepReminders(ctx), onError: (err) => ctx.logger.error({ err }, 'reminder sweep failed'), runAtStart: true });
  }
  app.addHook('onClose', async () => ctx.mailer.close());
  return app;
}
