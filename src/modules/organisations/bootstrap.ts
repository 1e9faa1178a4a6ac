import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../app-context.ts';
import { generatePassword, hashPassword } from '../../platform/crypto.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { countUsers, insertOrganisation } from './repository.ts';
import { demoClients, demoLicences, demoOrganisation } from './demo-data.ts';
import { addDays, addMonths } from '../../domain/dates/civil-date.ts';
import { operatorActor } from '../access/actor.ts';
import { recordLicenceEvent } from '../licences/events-service.ts';
import { createLicence } from '../licences/service.ts';
import { insertClientsBulk } from '../clients/repository.ts';

export const defaultAdminEmail = 'admin@licensedesk.local';

export interface BootstrapResult {
  created: boolean;
  email?: string;
  /** Present only when the password was generated: print it once, it is not stored in clear. */
  generatedPassword?: string;
  demo?: boolean;
}

/**
 * First start: with no users, creates the owner (and, unless disabled, the demo workspace) in one transaction.
 * That first owner is the instance's operator: the one who loads the official calendar and manages organisations.
 */
export async function bootstrapIfEmpty(ctx: AppContext): Promise<BootstrapResult> {
  if ((await countUsers(ctx.db)) > 0) return { created: false };
  const email = (ctx.config.adminEmail ?? defaultAdminEmail).toLowerCase();
  const generatedPassword = ctx.config.adminPassword ? undefined : generatePassword();
  const passwordHash = await hashPassword(ctx.config.adminPassword ?? generatedPassword!);
  const now = ctx.clock.now();
  const orgId = randomUUID();
  const userId = randomUUID();
  const demo = ctx.config.demo;
  const demoClientIds = demoClients.map(() => randomUUID());
  await ctx.db.transaction().execute(async (trx) => {
    await insertOrganisation(trx, { id: orgId, name: demo ? demoOrganisation.name : '我的机构 My organisation', kind: 'agency', isDemo: demo ? 1 : 0, createdAt: now });
    await trx.insertInto('users').values({ id: userId, orgId, email, name: '管理员 Administrator', passwordHash, role: 'owner', clientId: null, isActive: 1, isOperator: 1, createdAt: now, updatedAt: now, lastLoginAt: null }).execute();
    const actor = { userId: '', orgId };
    await recordAudit(trx, { actor, clock: ctx.clock, action: 'system.bootstrap', entityType: 'organisation', entityId: orgId, summary: { zh: `首次启动：创建所有者 ${email}`, en: `First start: created owner ${email}` } });
    if (!demo) return;
    // Through the clients repository, which keeps each row's search columns.
    await insertClientsBulk(trx, demoClients.map((c, i) => ({ ...c, id: demoClientIds[i], orgId, usccOverride: 0, archivedAt: null, version: 1, createdAt: now, updatedAt: now })));
    await recordAudit(trx, { actor, clock: ctx.clock, action: 'system.demo', entityType: 'organisation', entityId: orgId, summary: { zh: `已载入演示数据（${demoClients.length} 家客户）`, en: `Demo workspace loaded (${demoClients.length} clients)` } });
  });
  if (demo) await seedDemoLicences(ctx, orgId, demoClientIds);
  return { created: true, email, generatedPassword, demo };
}

/** The demo licences, entered and given their history through the services a user's requests go through. */
async function seedDemoLicences(ctx: AppContext, orgId: string, clientIds: string[]): Promise<void> {
  const actor = operatorActor(orgId);
  const today = ctx.clock.today();
  for (const [n, demo] of demoLicences.entries()) {
    const issuedOn = addMonths(today, -demo.monthsAgo);
    const licence = await createLicence(ctx, actor, {
      clientId: clientIds[demo.client], licenceNumber: `${demo.prefix}-${issuedOn.slice(0, 4)}${String(8001 + n).padStart(4, '0')}`, services: demo.services.map((s) => ({ ...s })), issuedOn,
      notes: '演示数据 Demo data',
    });
    for (const event of demo.events) {
      if (event.kind === 'service-opened') await recordLicenceEvent(ctx, actor, licence.id, { kind: 'service-opened', date: addDays(issuedOn, event.afterIssueDays), serviceCode: event.serviceCode });
      if (event.kind === 'annual-report-filed') {
        const year = Number(issuedOn.slice(0, 4)) + event.reportOfIssueYear;
        const date = `${year}-03-15`;
        if (date <= today) await recordLicenceEvent(ctx, actor, licence.id, { kind: 'annual-report-filed', date, year });
      }
      if (event.kind === 'registration-change') await recordLicenceEvent(ctx, actor, licence.id, { kind: 'registration-change', date: addDays(today, -event.daysAgo), field: event.field });
    }
  }
}
