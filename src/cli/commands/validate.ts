import type { Command } from 'commander';
import { AppError } from '../../platform/errors/app-error.ts';
import { systemClock } from '../../platform/clock.ts';
import { checkAccessNumberFor, checkIdCard, checkLicenceNumber, checkUscc } from '../../modules/validate/service.ts';
import { requireScope } from '../../modules/catalog/require-catalog-input.ts';
import { CliExit } from '../cli-context.ts';
import { exitWithError } from './read-json-input.ts';

interface Named { code: string; zh: string; en: string }
interface Checked {
  valid: boolean;
  normalized: string;
  reason?: { code: string; zh: string; en: string };
  parsed?: Record<string, unknown>;
}

const write = (text: string): void => void process.stdout.write(`${text}\n`);
const named = (n: unknown) => (n ? `${(n as Named).zh} ${(n as Named).en}` : '—');

/** Readable lines about a valid value's parts, per kind. */
const describers: Record<string, (p: Record<string, unknown>) => string[]> = {
  uscc: (p) => [
    `登记管理部门 Department: ${named(p.department)}`,
    `机构类别 Category: ${named(p.category)}`,
    `行政区划 Region: ${p.regionCode} ${named(p.province)}`,
    `主体标识码 Organisation code: ${p.organisationCode}`,
  ],
  idcard: (p) => [`${p.format} 位 digits, ${named(p.province)}, ${p.sex === 'male' ? '男 male' : '女 female'}`, ...(p.format === 15 ? [`18 位 form: ${p.maskedId18}`] : [])],
  'licence-no': (p) => [
    `发证机关 Issuer: ${(p.issuerName as Named).zh} ${(p.issuerName as Named).en}${p.foreignInvested ? '（合字 foreign-invested）' : ''}`,
    `类别 Categories: ${(p.categories as string[]).join('.')}  年份 Year: ${p.year}  序号 Serial: ${String(p.serial).padStart(4, '0')}`,
  ],
  'access-number': (p) => [`${p.prefix} 号码 number, 分配机关 allocated by ${named(p.allocator)}`],
};

/** Prints the result (JSON or text) and ends with exit code 1 when the value is invalid. */
function report(kind: string, result: Checked, json: boolean | undefined): void {
  if (json) write(JSON.stringify(result));
  else if (result.valid) {
    write(`✓ 有效 valid: ${result.normalized}`);
    for (const line of describers[kind](result.parsed ?? {})) write(`  ${line}`);
  } else {
    write(`✗ 无效 invalid: ${result.normalized}`);
    write(`  原因：${result.reason!.zh}`);
    write(`  Reason: ${result.reason!.en}`);
  }
  if (!result.valid) throw new CliExit(1);
}

// A usage error must not look like "invalid" (exit 1) to a script, so it ends with exit code 2.
function usageExit2(command: Command): Command {
  return command.exitOverride((err) => {
    if (err.exitCode === 0) throw err;
    throw new CliExit(2);
  });
}

export function registerValidateCommands(program: Command): void {
  const validate = usageExit2(program.command('validate').description('Check an identifier: exit 0 valid, 1 invalid (reason printed in Chinese and English), 2 usage error'));
  const kinds: Array<[string, string, (value: string) => Checked]> = [
    ['uscc', 'Unified Social Credit Code 统一社会信用代码 (GB 32100-2015)', checkUscc],
    ['idcard', 'Resident ID number 居民身份证号码 (GB 11643-1999); prints the masked number only', (v) => checkIdCard(v, { today: systemClock.today() })],
    ['licence-no', 'Licence number 经营许可证编号, e.g. 京B2-20191218 (an ICP filing number is explained)', checkLicenceNumber],
  ];
  for (const [kind, description, check] of kinds) {
    usageExit2(validate.command(kind).description(description).argument('<value>', 'the value to check').option('--json', 'print JSON'))
      .action((value: string, o: { json?: boolean }) => report(kind, check(value), o.json));
  }
  usageExit2(validate.command('access-number').description('95/96 call-centre access number 呼叫中心接入号, checked against a licence scope'))
    .argument('<value>', 'the number')
    .requiredOption('--scope <scope>', 'cross-regional or a province code (BJ, SH, …)')
    .option('--json', 'print JSON')
    .action((value: string, o: { scope: string; json?: boolean }) => {
      try {
        requireScope('--scope', o.scope);
      } catch (error) {
        if (error instanceof AppError) exitWithError(error, { code: 2 });
        throw error;
      }
      report('access-number', checkAccessNumberFor({ value, scope: o.scope }), o.json);
    });
}
