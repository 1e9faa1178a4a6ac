import type { Command } from 'commander';
import { describeScope } from '../../domain/catalog/authorities.ts';
import { ObligationsPreviewRequest } from '../../modules/obligations/schemas.ts';
import { previewObligations } from '../../modules/obligations/service.ts';
import type { Obligation } from '../../domain/obligations/types.ts';
import { withContext } from '../cli-context.ts';
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

export function registerObligationsCommands(program: Command): void {
  const obligations = program.command('obligations').description('Obligations of a licence after issue 取证后义务');
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
