import type { Command } from 'commander';
import { fixedClock } from '../../platform/clock.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { refreshAllObligations } from '../../modules/obligations/refresh.ts';
import { sweepReminders } from '../../modules/reminders/sweep.ts';
import { withContext } from '../cli-context.ts';

const write = (text: string) => process.stdout.write(`${text}\n`);

/** An ISO instant that names a real moment (no 30 February) in the calendar's years. */
function isInstant(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.exec(text);
  if (!match || Number.isNaN(Date.parse(text))) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1950 && year <= 2150 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day && Number(match[4]) < 24 && Number(match[5]) < 60;
}

async function sweep(o: { now?: string; json?: boolean; allowFuture?: boolean }): Promise<void> {
  if (o.now !== undefined && !isInstant(o.now)) {
    throw new AppError('BAD_REQUEST', { zh: `--now 须为 1950–2150 年间真实存在的 ISO 时间，如 2027-03-01T09:00:00+08:00；收到 ${o.now}`, en: `--now must be a real ISO instant between 1950 and 2150, e.g. 2027-03-01T09:00:00+08:00; got "${o.now}"` });
  }
  // A sweep as of a later day sends that day's reminders now, and moves each obligation's next reminder past it: a
  // real server's reminders until then are used up. Only on purpose (a test database, a rehearsal).
  if (o.now !== undefined && Date.parse(o.now) > Date.now() + 60_000 && !o.allowFuture) {
    throw new AppError('BAD_REQUEST', {
      zh: `--now ${o.now} 晚于当前时间：这会提前发出到那天为止的提醒，此后的提醒不会再发。确有此意请加 --allow-future`,
      en: `--now ${o.now} is in the future: it sends the reminders due by then now, and those reminders are not sent again. Add --allow-future if that is what you want`,
    });
  }
  const clock = o.now ? fixedClock(new Date(o.now).toISOString()) : undefined;
  await withContext(async (ctx) => {
    await refreshAllObligations(ctx, ctx.db, { inTransactions: true });
    const result = await sweepReminders(ctx);
    if (o.json) return write(JSON.stringify(result));
    write(`Reminder sweep as of ${ctx.clock.now()} 提醒扫描：`);
    write(`  obligations planned ${result.planned} 个事项到达提醒时点`);
    write(`  in-app ${result.notified} 站内通知 · queued ${result.queued} 待发送 · skipped ${result.skipped} 已跳过的较早提醒`);
    write(`  sent ${result.sent} 已发送 · retrying ${result.retrying} 将重试 · failed ${result.failed} 失败`);
  }, { clock });
}

export function registerReminderCommands(program: Command): void {
  const reminders = program.command('reminders').description('Reminders of obligations (提醒): in-app, email, webhooks');
  reminders
    .command('sweep')
    .description('Plan every reminder whose lead time has passed and deliver what is due, once (safe beside a running server)')
    .option('--now <instant>', 'sweep as of this ISO instant instead of now, e.g. 2027-03-01T09:00:00+08:00')
    .option('--allow-future', 'allow a --now later than the present (its reminders are then used up)')
    .option('--json', 'print the counts as JSON')
    .action((o: { now?: string; json?: boolean; allowFuture?: boolean }) => sweep(o));
}
