import type { Command } from 'commander';
import { AppError } from '../../platform/errors/app-error.ts';
import { operatorActor } from '../../modules/access/actor.ts';
import { assertCalendarDate, computeWithin, loadYear, unloadYear, listYears } from '../../modules/calendar/service.ts';
import { runAddBatch } from '../../modules/calendar/batch.ts';
import type { DateResult, Provisionality } from '../../domain/calendar/types.ts';
import { ArrangementInput, HolidayCnInput } from '../../modules/calendar/schemas.ts';
import { CliExit, withContext } from '../cli-context.ts';
import { assertMatchesSchema, formatIssue, issuesOf, readJsonFile } from './read-json-input.ts';

const write = (text: string) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
// The command line acts as the machine's operator, for no one organisation: the change is audited in each.
const cliOperator = () => operatorActor('');
// Schema fields read days.0.name; the calendar rules write days[0].name.
const bracketIndexes = (field: string) => field.replace(/\.(\d+)/g, '[$1]');
const reasonOf = (p: Provisionality) => (p.provisional ? `  (provisional: ${p.provisionalReason?.zh} / ${p.provisionalReason?.en})` : '');

function parseCount(raw: string): number {
  if (!/^[+-]?\d{1,6}$/.test(raw)) throw new AppError('BAD_REQUEST', { zh: `天数应为整数：${raw}`, en: `n must be a whole number, got "${raw}"` });
  return Number(raw);
}

/** `add` prints `YYYY-MM-DD`, then ` provisional` when it is, exactly like each line of `add --batch`. */
function formatAdd(result: DateResult): string {
  return result.provisional ? `${result.date} provisional` : result.date;
}

function registerQueries(calendar: Command): void {
  calendar
    .command('info')
    .description('What kind of day a date is: working day, weekend, holiday or adjusted working day')
    .argument('<date>', 'YYYY-MM-DD')
    .option('--json', 'print JSON')
    .action(async (date: string, o: { json?: boolean }) => {
      assertCalendarDate('date', date);
      await withContext(async (ctx) => {
        const info = ctx.calendar.current().dayInfo(date);
        if (o.json) return write(JSON.stringify(info));
        const name = info.holidayName ? ` ${info.holidayName.zh} ${info.holidayName.en}` : '';
        write(`${info.date} ${info.kind}${name} ${info.isWorkingDay ? 'working day 工作日' : 'day off 休息日'}${reasonOf(info)}`);
      });
    });

  calendar
    .command('add')
    .description('The n-th working day after (n < 0: before) a date; --batch reads "YYYY-MM-DD N" lines from stdin')
    .argument('[date]', 'YYYY-MM-DD')
    .argument('[n]', 'working days (negative counts back; 0: the date, or the next working day)')
    .option('--batch', 'read lines "YYYY-MM-DD N" from stdin and write one answer per line')
    .option('--json', 'print JSON')
    .allowUnknownOption()
    .action(async (date: string | undefined, n: string | undefined, o: { batch?: boolean; json?: boolean }) => {
      if (o.batch) return addBatch();
      if (!date || n === undefined) throw new AppError('BAD_REQUEST', { zh: '用法：calendar add <date> <n>', en: 'usage: calendar add <date> <n>  (or --batch)' });
      assertCalendarDate('date', date);
      const count = parseCount(n);
      await withContext(async (ctx) => {
        const result = computeWithin('n', () => ctx.calendar.current().addWorkingDays(date, count));
        write(o.json ? JSON.stringify({ from: date, days: count, ...result }) : formatAdd(result));
      });
    });

  calendar
    .command('between')
    .description('Working days in (from, to]; negative when to is before from')
    .argument('<from>', 'YYYY-MM-DD (excluded)')
    .argument('<to>', 'YYYY-MM-DD (included)')
    .option('--json', 'print JSON')
    .action(async (from: string, to: string, o: { json?: boolean }) => {
      assertCalendarDate('from', from);
      assertCalendarDate('to', to);
      await withContext(async (ctx) => {
        const result = ctx.calendar.current().workingDaysBetween(from, to);
        write(o.json ? JSON.stringify({ from, to, ...result }) : `${result.days}${result.provisional ? ' provisional' : ''}`);
      });
    });
}

async function addBatch(): Promise<void> {
  const summary = await withContext((ctx) => runAddBatch({ input: process.stdin, output: process.stdout, calendar: ctx.calendar.current() }));
  if (summary.errors > 0) {
    process.stderr.write(`${summary.errors} of ${summary.lines} lines could not be answered (ERROR lines)\n`);
    throw new CliExit(1);
  }
}

function registerAdmin(calendar: Command): void {
  calendar
    .command('years')
    .description('Years with an official arrangement, and which are not yet published')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }) => {
      await withContext(async (ctx) => {
        const list = await listYears(ctx, { today: ctx.clock.today() });
        if (o.json) return write(JSON.stringify(list));
        for (const y of list.years) write(`${y.year}  ${y.origin.padEnd(7)}  ${String(y.days).padStart(3)} days  ${y.source}`);
        if (list.notice) write(`! ${list.notice.zh} / ${list.notice.en}`);
      });
    });

  calendar
    .command('load')
    .description("Load or replace a year's arrangement for every organisation from a JSON file (holiday-cn format, or {year, source, papers, days}); audited in each organisation")
    .argument('<file>', 'the JSON file (UTF-8, with or without a byte-order mark)')
    .action(async (file: string) => {
      const json = readJsonFile(file);
      const isOwnShape = typeof json === 'object' && json !== null && 'source' in json;
      try {
        // The API's own schema: the same limits and text rules as a load through the web app.
        assertMatchesSchema(isOwnShape ? ArrangementInput : HolidayCnInput, json);
        await withContext(async (ctx) => {
          const r = await loadYear(ctx, cliOperator(), isOwnShape ? { arrangement: json } : { holidayCn: json });
          write(`${r.replaced ? 'Replaced' : 'Loaded'} ${r.year}: ${r.days} days. ${r.year}年节假日安排已${r.replaced ? '替换' : '载入'}。`);
        });
      } catch (error) {
        if (!(error instanceof AppError) || issuesOf(error).length === 0) throw error;
        for (const issue of issuesOf(error)) process.stderr.write(`${formatIssue(issue, bracketIndexes)}\n`);
        throw new CliExit(1);
      }
    });

  calendar
    .command('unload')
    .description('Remove a loaded arrangement for every organisation (built-in years stay); audited in each organisation')
    .argument('<year>', 'the year')
    .action(async (year: string) => {
      if (!/^\d{4}$/.test(year)) throw new AppError('BAD_REQUEST', { zh: '年份应为四位数字', en: `year must be four digits, got "${year}"` });
      await withContext(async (ctx) => {
        await unloadYear(ctx, cliOperator(), Number(year));
        write(`Removed the loaded ${year} arrangement. 已移除 ${year} 年载入的节假日安排。`);
      });
    });
}

export function registerCalendarCommands(program: Command): void {
  const calendar = program.command('calendar').description('Official working-day calendar (工作日历)');
  registerQueries(calendar);
  registerAdmin(calendar);
}
