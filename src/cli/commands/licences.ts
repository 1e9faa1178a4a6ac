import type { Command } from 'commander';
import { licenceStatuses, licenceStatusTitles, type LicenceStatus } from '../../domain/licences/licence-status.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { operatorActor } from '../../modules/access/actor.ts';
import { listLicences } from '../../modules/licences/service.ts';
import type { Licence } from '../../modules/licences/schemas.ts';
import { resolveOrg, withContext } from '../cli-context.ts';
import { formatTable } from './format-table.ts';

const write = (text: string) => process.stdout.write(`${text}\n`);

async function list(o: { org?: string; status?: string; json?: boolean }): Promise<void> {
  if (o.status !== undefined && !(licenceStatuses as readonly string[]).includes(o.status)) {
    throw new AppError('BAD_REQUEST', { zh: `--status 无效：${o.status}`, en: `--status must be one of ${licenceStatuses.join(', ')}; got "${o.status}"` });
  }
  await withContext(async (ctx) => {
    const actor = operatorActor(await resolveOrg(ctx, o.org));
    const items: Licence[] = [];
    let cursor: string | undefined;
    do {
      const page = await listLicences(ctx, actor, { status: o.status as LicenceStatus | undefined, cursor, pageSize: 200 });
      items.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    if (o.json) return write(JSON.stringify(items));
    if (items.length === 0) return write('No licences registered. 暂无登记的许可证。');
    const rows = items.map((l) => [l.number, l.clientName, l.services.map((s) => s.serviceCode).join(','), l.issuedOn, l.expiresOn, `${l.status} ${licenceStatusTitles[l.status].zh}`]);
    write(formatTable({ head: ['number', 'holder', 'services', 'issued', 'expires', 'status'], rows }));
  });
}

export function registerLicenceCommands(program: Command): void {
  const licences = program.command('licences').description('The licence registry (许可证)');
  licences
    .command('list')
    .description("An organisation's licences, soonest expiry first")
    .option('--org <id>', 'organisation id (needed when there are several)')
    .option('--status <status>', `only licences in this status (${licenceStatuses.join(', ')})`)
    .option('--json', 'print JSON')
    .action((o: { org?: string; status?: string; json?: boolean }) => list(o));
}
