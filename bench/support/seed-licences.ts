import { randomUUID } from 'node:crypto';
import type { AppContext } from '../../src/app-context.ts';
import { addDays } from '../../src/domain/dates/civil-date.ts';
import { seededRandom } from '../../test/support/seeded-random.ts';

export interface SeededLicence {
  services: string[];
  scope: string;
  issuedOn: string;
  expiresOn: string;
  events: Array<{ kind: string; date: string; details: Record<string, unknown> }>;
}

/**
 * A portfolio as an agency's looks after years of work: licences issued over the last five years (a fifth of them
 * listing two services), each opened within three months (a few never), and the annual reports of the past filed in
 * March (one in thirty missed). Pure data, for the in-memory benchmark and the database seed alike.
 */
export function portfolio(count: number, today: string): SeededLicence[] {
  const random = seededRandom(20261130);
  const licences: SeededLicence[] = [];
  for (let n = 0; n < count; n++) {
    const issuedOn = addDays(today, -1 - Math.floor(random() * 1820));
    const expiry = `${Number(issuedOn.slice(0, 4)) + 5}${issuedOn.slice(4)}`;
    const expiresOn = expiry.endsWith('02-29') ? `${expiry.slice(0, 8)}28` : expiry;
    const services = random() < 0.2 ? ['B24-1', 'B25-SP'] : ['B24-1'];
    const events: SeededLicence['events'] = [];
    if (random() < 0.97) {
      const opened = addDays(issuedOn, Math.floor(random() * 90));
      if (opened <= today) for (const code of services) events.push({ kind: 'service-opened', date: opened, details: { serviceCode: code } });
    }
    for (let year = Number(issuedOn.slice(0, 4)) + 1; `${year}-03-15` <= today; year++) {
      if (random() < 0.97) events.push({ kind: 'annual-report-filed', date: `${year}-03-15`, details: { year } });
    }
    licences.push({ services, scope: 'BJ', issuedOn, expiresOn, events });
  }
  return licences;
}

/** Writes the portfolio for the organisation's client companies in bulk (their obligations are left to a refresh). */
export async function seedLicences(ctx: AppContext, input: { orgId: string; clientIds: string[]; licences: SeededLicence[] }): Promise<void> {
  const now = ctx.clock.now();
  const batch = 500;
  for (let start = 0; start < input.licences.length; start += batch) {
    const rows = [];
    const events = [];
    for (let n = start; n < Math.min(start + batch, input.licences.length); n++) {
      const l = input.licences[n];
      const id = randomUUID();
      const number = `京B2-${l.issuedOn.slice(0, 4)}${String(n).padStart(6, '0')}`;
      rows.push({
        id, orgId: input.orgId, clientId: input.clientIds[n % input.clientIds.length], applicationId: null, number, serviceCode: l.services[0], scope: l.scope,
        services: JSON.stringify(l.services.map((serviceCode) => ({ serviceCode, scope: l.scope }))), issuedOn: l.issuedOn, expiresOn: l.expiresOn, cancelledOn: null, notes: '',
        obligationsStamp: '', version: 1, createdAt: now, updatedAt: now,
      });
      for (const e of l.events) events.push({ id: randomUUID(), orgId: input.orgId, licenceId: id, kind: e.kind, date: e.date, details: JSON.stringify(e.details), note: '', createdBy: null, createdAt: now });
    }
    await ctx.db.insertInto('licences').values(rows).execute();
    for (let i = 0; i < events.length; i += 1000) await ctx.db.insertInto('licenceEvents').values(events.slice(i, i + 1000)).execute();
  }
}
