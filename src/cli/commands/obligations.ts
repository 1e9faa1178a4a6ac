import type { Command } from 'commander';
import { describeScope } from '../../domain/catalog/authorities.ts';
import { obligationStatuses, ObligationsPreviewRequest, type ObligationListQuery, type StoredObligation } from '../../modules/obligations/schemas.ts';
import { listStoredObligations } from '../../modules/obligations/stored-service.ts';
import { refreshAllObligations } from '../../modules/obligations/refresh.ts';
import { operatorActor } from '../../modules/access/actor.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { previewObligations } from '../../modules/obligations/service.ts';
import type { Obligation } from '../../domain/obligations/types.ts';
import { resolveOrg, withContext } from '../cli-context.ts';
import { formatTable } from './format-table.ts';
import { overridesFor } from './load-cli-overrides.ts';
import { assertMatchesSchema, exitWithError, readJsonFile } from './read-json-input.ts';

const write = (text: string): void => void process.stdout.write(`${text}\n`);
const statuses: Record<string, string> = { upcoming: '未到期 upcoming', 'due-soon': '! 即将到期 due soon', overdue: '✗ 已逾期 overdue', done: '✓ 已完成 done', 'not-applicable': '— 不适用 n/a' };

interface Options { service: string[]; scope: string; issued: string; expires?: string; today?: string; facts?: string; org?: string; json?: boolean }

const flags: Record<string, string> = { issuedOn: '--issued', expiresOn: '--expires', today: '--today', scope: '--scope', service: '--service' };

/** Names a field by the flag that set it, or by its key in the facts file. */
const labelFor = (factsFile: string | undefined) => (field: string) => flags[field] ?? (field.startsWith('services') ? '--service' : `${factsFile ?? 'input'}: ${field}`);

type Preview = ReturnType<typeof previewObligations>;

function formatPreview(p: Preview): string {
  const scope = describeScope(p.scope);
  const items = p.items as Obligation[];
  const rows = items.map((o) => {
    const detail = o.id.includes(':') ? ` [${o.id.slice(o.id.indexOf(':') + 1)}]` : '';
    return [o.dueDate, statuses[o.status], `${o.title.zh} ${o.title.en}${detail}${o.provisional ? '  * 暂定 provisional' : ''}`];
  });
  const reasons = [...new Set(items.filter((o) => o.provisional).map((o) => `${o.provisionalReason?.zh} / ${o.provisionalReason?.en}`))];
  return [
    `${p.services.join(', ')} · ${scope.zh} ${scope.en} · 颁发 issued ${p.issuedOn} · 到期 expires ${p.expiresOn}${p.expiresOnAssumed ? '（按颁发日加5年推算 assumed: 5 years after issue）' : ''} · 今天 today ${p.today}`,
    ...(p.overriddenKeys.length ? [`本机构配置 Organisation overrides: ${p.overriddenKeys.join(', ')}`] : []),
    '',
    formatTable({ head: ['DUE', 'STATUS', 'OBLIGATION'], rows }),
    ...reasons.map((r) => `* ${r}`),
  ].join('\n');
}

const collect = (value: string, previous: string[]) => [...previous, ...value.split(',').map((v) => v.trim()).filter(Boolean)];

const storedStatus: Record<string, string> = { ...statuses, upcoming: '  upcoming 未到期' };

async function listStored(o: { org?: string; dueWithin?: string; status?: string; json?: boolean }): Promise<void> {
  const dueWithinDays = o.dueWithin === undefined ? undefined : Number(o.dueWithin);
  if (dueWithinDays !== undefined && (!Number.isInteger(dueWithinDays) || dueWithinDays < 0 || dueWithinDays > 3660)) {
    throw new AppError('BAD_REQUEST', { zh: `--due-within 须为 0–3660 的整数，收到 ${o.dueWithin}`, en: `--due-within must be a whole number of days, 0–3660; got "${o.dueWithin}"` });
  }
  if (o.status !== undefined && !(obligationStatuses as readonly string[]).includes(o.status)) {
    throw new AppError('BAD_REQUEST', { zh: `--status 无效：${o.status}`, en: `--status must be one of ${obligationStatuses.join(', ')}; got "${o.status}"` });
  }
  await withContext(async (ctx) => {
    const actor = operatorActor(await resolveOrg(ctx, o.org));
    // Rows derived under other rules or another calendar are brought up to date first (a no-op when none are).
    await refreshAllObligations(ctx, ctx.db, { orgId: actor.orgId, inTransactions: true });
    const items: StoredObligation[] = [];
    let cursor: string | undefined;
    do {
      const page = await listStoredObligations(ctx, actor, { dueWithinDays, status: o.status as ObligationListQuery['status'], cursor, pageSize: 200 });
      items.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    if (o.json) return write(JSON.stringify(items));
    if (items.length === 0) return write(dueWithinDays === undefined ? 'No obligations. 暂无合规事项。' : `Nothing due within ${dueWithinDays} days. ${dueWithinDays} 天内没有到期事项。`);
    const rows = items.map((i) => [i.dueOn, storedStatus[i.status], `${i.title.zh} ${i.title.en}`, i.key, i.licenceNumber, i.clientName, i.assignee?.name ?? '']);
    write(formatTable({ head: ['due', 'status', 'obligation', 'key', 'licence', 'client', 'assignee'], rows }));
  });
}

export function registerObligationsCommands(program: Command): void {
  const obligations = program.command('obligations').description('Obligations of a licence after issue 取证后义务');
  obligations
    .command('list')
    .description("The organisation's stored obligations (合规事项), soonest due first")
    .option('--org <id>', 'organisation id (needed when there are several)')
    .option('--due-within <days>', 'only open ones due within this many days (overdue ones included)')
    .option('--status <status>', `only this status (${obligationStatuses.join(', ')})`)
    .option('--json', 'print JSON (as GET /api/obligations items)')
    .action((o: { org?: string; dueWithin?: string; status?: string; json?: boolean }) => listStored(o));
  obligations
    .command('preview')
    .description('Obligations with due dates and status, from the licence facts, on the official calendar')
    .requiredOption('--service <code>', 'licensed service, e.g. B24-1 (repeat or comma-separate for several)', collect, [])
    .requiredOption('--scope <scope>', 'cross-regional or a province code (BJ, SH, …)')
    .requiredOption('--issued <date>', 'issue date YYYY-MM-DD')
    .option('--expires <date>', 'expiry as printed on the licence (default: five years after issue)')
    .option('--today <date>', 'compute statuses for this day (default: today in China)')
    .option('--facts <file>', 'JSON file with more facts: servicesOpenedOn, registrationChanges, annualReportsFiled, numbersHeld, … (as POST /api/obligations/preview)')
    .option('--org <id>', "apply this organisation's rule overrides")
    .option('--json', 'print JSON (the same document as POST /api/obligations/preview)')
    .action(async (o: Options) => {
      const label = labelFor(o.facts);
      await withContext(async (ctx) => {
        try {
          const facts = o.facts ? readJsonFile(o.facts) : {};
          const base = typeof facts === 'object' && facts !== null && !Array.isArray(facts) ? facts : { facts };
          const flagged = { ...(o.service.length ? { services: o.service } : {}), scope: o.scope, issuedOn: o.issued, ...(o.expires ? { expiresOn: o.expires } : {}), ...(o.today ? { today: o.today } : {}) };
          const input = assertMatchesSchema<ObligationsPreviewRequest>(ObligationsPreviewRequest, { ...base, ...flagged });
          const preview = previewObligations({ input, today: ctx.clock.today(), calendar: ctx.calendar.current(), overrides: await overridesFor(ctx, o.org) });
          write(o.json ? JSON.stringify(preview) : formatPreview(preview));
        } catch (error) {
          exitWithError(error, { code: 1, label });
        }
      });
    });
}
