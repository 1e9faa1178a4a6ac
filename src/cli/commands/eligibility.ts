import type { Command } from 'commander';
import { describeScope } from '../../domain/catalog/authorities.ts';
import { requireScope, requireService } from '../../modules/catalog/require-catalog-input.ts';
import { CompanyInput, type EligibilityResult } from '../../modules/eligibility/schemas.ts';
import { evaluateEligibility, factsFromCompany } from '../../modules/eligibility/service.ts';
import { CliExit } from '../cli-context.ts';
import { formatTable } from './format-table.ts';
import { withCliOverrides } from './load-cli-overrides.ts';
import { assertMatchesSchema, exitWithError, readJsonFile } from './read-json-input.ts';

const write = (text: string): void => void process.stdout.write(`${text}\n`);
const results: Record<string, string> = { pass: '✓ PASS 通过', fail: '✗ FAIL 不通过', warn: '! WARN 注意', unknown: '? UNKNOWN 待确认' };

function formatResult(r: EligibilityResult): string {
  const service = requireService('service', r.service);
  const scope = describeScope(r.scope);
  const unknowns = r.rows.filter((x) => x.result === 'unknown').length;
  const verdict = r.eligible ? '✓ 符合申请条件 Eligible' : '✗ 不符合申请条件 Not eligible: a blocking criterion fails';
  const rows = r.rows.map((x) => [results[x.result], `${x.title.zh}\n${x.title.en}`, `${x.explanation.zh}\n${x.explanation.en}`, `${x.confidence} · ${(x.source as { ref: string }).ref}`]);
  return [
    `${service.code} ${service.zh} ${service.en} · ${scope.zh} ${scope.en}`,
    verdict + (unknowns ? `（${unknowns} 项待确认 ${unknowns} unknown: declare them under "declarations"）` : ''),
    '',
    formatTable({ head: ['RESULT', 'CRITERION', 'EXPLANATION', 'SOURCE'], rows, maxWidths: [undefined, 26, 60, 40] }),
  ].join('\n');
}

/** Reads and checks the company file with the API's schema; problems are named by their key in the file. */
function readCompany(file: string) {
  try {
    return factsFromCompany(assertMatchesSchema<CompanyInput>(CompanyInput, readJsonFile(file)));
  } catch (error) {
    return exitWithError(error, { code: 2, label: (field) => `${file}: ${field.replace(/^company\.?/, '') || 'company'}` });
  }
}

export function registerEligibilityCommand(program: Command): void {
  program
    .command('eligibility')
    .description('Check a company against the criteria for a service and scope: exit 0 eligible, 1 a blocking criterion fails, 2 bad input')
    .requiredOption('--service <code>', 'service code, e.g. B24-1')
    .requiredOption('--scope <scope>', 'cross-regional or a province code (BJ, SH, …)')
    .requiredOption('--company <file>', 'JSON file: { registeredCapital (yuan), businessScope, foreignSharePercent, province, declarations? }')
    .option('--org <id>', "apply this organisation's rule overrides (opens the database)")
    .option('--json', 'print JSON (the same document as POST /api/eligibility)')
    .exitOverride((err) => {
      if (err.exitCode === 0) throw err;
      throw new CliExit(2);
    })
    .action(async (o: { service: string; scope: string; company: string; org?: string; json?: boolean }) => {
      try {
        requireService('--service', o.service);
        requireScope('--scope', o.scope);
      } catch (error) {
        exitWithError(error, { code: 2 });
      }
      const facts = readCompany(o.company);
      let result: EligibilityResult;
      try {
        result = await withCliOverrides(o.org, (overrides) => evaluateEligibility({ service: o.service, scope: o.scope, facts, overrides }));
      } catch (error) {
        return exitWithError(error, { code: 2 });
      }
      write(o.json ? JSON.stringify(result) : formatResult(result));
      if (!result.eligible) throw new CliExit(1);
    });
}
