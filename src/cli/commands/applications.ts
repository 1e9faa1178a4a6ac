import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Command } from 'commander';
import { describeApplicationState, isApplicationState } from '../../domain/workflow/application-states.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { operatorActor } from '../../modules/access/actor.ts';
import { listApplications } from '../../modules/applications/service.ts';
import { buildPackage } from '../../modules/applications/documents-service.ts';
import type { Application } from '../../modules/applications/schemas.ts';
import { resolveOrg, withContext } from '../cli-context.ts';
import { formatTable } from './format-table.ts';

const write = (text: string) => process.stdout.write(`${text}\n`);

async function list(o: { org?: string; state?: string; json?: boolean }): Promise<void> {
  if (o.state !== undefined && !isApplicationState(o.state)) {
    throw new AppError('BAD_REQUEST', { zh: `--state 无效：${o.state}`, en: `--state must be one of draft, collecting, drafting, submitted, correction_requested, accepted, issued, rejected, withdrawn, on_hold; got "${o.state}"` });
  }
  await withContext(async (ctx) => {
    const actor = operatorActor(await resolveOrg(ctx, o.org));
    const items: Application[] = [];
    let cursor: string | undefined;
    do {
      const page = await listApplications(ctx, actor, { state: o.state as Application['state'] | undefined, cursor, pageSize: 200 });
      items.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    if (o.json) return write(JSON.stringify(items));
    if (items.length === 0) return write('No applications yet. 暂无申请。');
    const rows = items.map((a) => [a.id, a.clientName, a.serviceCode, a.scope, `${a.state} ${describeApplicationState(a.state).title.zh}`, a.updatedAt.slice(0, 10)]);
    write(formatTable({ head: ['id', 'client', 'service', 'scope', 'state', 'updated'], rows }));
  });
}

/** Writes the package next to its target first and renames it into place, so a failure leaves no half-written ZIP. */
async function writePackage(id: string, file: string): Promise<void> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError('BAD_REQUEST', { zh: '申请 ID 应为 UUID', en: `id must be an application UUID, got "${id}"` });
  await withContext(async (ctx) => {
    const row = await ctx.db.selectFrom('applications').select('orgId').where('id', '=', id).executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', { zh: `申请 ${id} 不存在`, en: `No application ${id}` });
    const pkg = await buildPackage(ctx, operatorActor(row.orgId), id);
    const target = path.resolve(file);
    const partial = `${target}.part`;
    try {
      await pipeline(pkg.stream, fs.createWriteStream(partial, { flags: 'wx' }));
      await fs.promises.rename(partial, target);
    } catch (error) {
      await fs.promises.rm(partial, { force: true });
      throw error;
    }
    write(`Wrote ${target} (${fs.statSync(target).size} bytes). 已导出申请材料包。`);
  });
}

export function registerApplicationCommands(program: Command): void {
  const applications = program.command('applications').description('Licence applications (申请)');
  applications
    .command('list')
    .description("An organisation's applications, newest change first")
    .option('--org <id>', 'organisation id (needed when there are several)')
    .option('--state <state>', 'only applications in this state')
    .option('--json', 'print JSON')
    .action((o: { org?: string; state?: string; json?: boolean }) => list(o));
  applications
    .command('package')
    .description('Write the submission package (ZIP: the latest version of every item, the materials index, manifest.json)')
    .argument('<id>', 'application id (see `applications list`)')
    .argument('<file.zip>', 'where to write it')
    .action((id: string, file: string) => writePackage(id, file));
}
