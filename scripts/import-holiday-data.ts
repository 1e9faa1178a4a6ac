/**
 * Regenerates src/domain/calendar/data/<year>.json from the two upstream sources:
 *   2007–2026: the holiday-cn data set (MIT), in ../shared/data/holiday-cn (or the folder given as argv[2]);
 *   2004–2006: the npm package chinese-days (MIT), node_modules/chinese-days/dist/years/<year>.json.
 * Output is deterministic: days sorted by date, one day per line.
 * Run: node bin/run-ts.js scripts/import-holiday-data.ts [holiday-cn folder]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHolidayCnJson } from '../src/domain/calendar/parse-holiday-cn-json.ts';
import { validateArrangement } from '../src/domain/calendar/validate-arrangement.ts';
import type { ArrangementDay, YearArrangement } from '../src/domain/calendar/types.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(repoRoot, 'src/domain/calendar/data');
const CHINESE_DAYS_YEARS = [2004, 2005, 2006];
const HOLIDAY_CN_YEARS = Array.from({ length: 20 }, (_, i) => 2007 + i);

const title = (year: number) => `国务院办公厅关于${year}年部分节假日安排的通知`;
// The notice of each year; numbers only where checked against a published copy of the notice.
const NOTICE_NUMBERS: Record<number, string> = {
  2006: '国办发明电〔2005〕35号',
  2007: '国办发明电〔2006〕49号',
  2009: '国办发明电〔2008〕42号',
  2010: '国办发明电〔2009〕27号',
  2011: '国办发明电〔2010〕40号',
  2012: '国办发明电〔2011〕45号',
  2013: '国办发明电〔2012〕33号',
  2014: '国办发明电〔2013〕28号',
  2015: '国办发明电〔2014〕28号',
  2016: '国办发明电〔2015〕18号',
  2017: '国办发明电〔2016〕17号',
  2018: '国办发明电〔2017〕12号',
  2019: '国办发明电〔2018〕15号',
  2020: '国办发明电〔2019〕16号',
  2021: '国办发明电〔2020〕27号',
  2022: '国办发明电〔2021〕11号',
  2023: '国办发明电〔2022〕16号',
  2024: '国办发明电〔2023〕7号',
  2025: '国办发明电〔2024〕12号',
  2026: '国办发明电〔2025〕7号',
};
// Later notices that changed a year's arrangement after it was published.
const LATER_NOTICES: Record<number, string> = {
  2015: '国务院关于中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日调休放假的通知（国发明电〔2015〕1号）',
  2019: '国务院办公厅关于调整2019年劳动节假期安排的通知（国办发明电〔2019〕3号）',
  2020: '国务院办公厅关于延长2020年春节假期的通知（国办发明电〔2020〕1号）',
};
// chinese-days carries no notice URLs in its data; these are the ones its source code cites.
const CHINESE_DAYS_PAPERS: Record<number, string[]> = {
  2004: ['https://zh.wikisource.org/zh-hans/国务院办公厅关于2004年部分节假日安排的通知'],
  2005: [],
  2006: ['http://www.gov.cn/jrzg/2005-12/22/content_133837.htm'],
};
// Days chinese-days misses although the notice lists them (checked against the notice text).
const CORRECTIONS: Record<number, ArrangementDay[]> = {
  // 2006 notice, item 1: "12月31日(星期六)上班" — 2005-12-31 was an adjusted working day.
  2006: [{ date: '2005-12-31', isOffDay: false, name: '元旦' }],
};

function sourceOf(year: number): string {
  const number = NOTICE_NUMBERS[year];
  const main = number ? `${title(year)}（${number}）` : title(year);
  return LATER_NOTICES[year] ? `${main}；${LATER_NOTICES[year]}` : main;
}

// A working day listed on Monday–Friday changes nothing (it works anyway) but would read as an adjusted
// weekend workday: holiday-cn lists 2020-02-03, the day work resumed after the Spring Festival extension.
function isRedundantWorkday(day: ArrangementDay): boolean {
  if (day.isOffDay) return false;
  const weekday = new Date(`${day.date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

function fromHolidayCn(folder: string, year: number): YearArrangement {
  const parsed = parseHolidayCnJson(JSON.parse(readFileSync(path.join(folder, `${year}.json`), 'utf8')));
  if (!parsed.ok) throw new Error(`holiday-cn ${year}: ${JSON.stringify(parsed.errors)}`);
  const dropped = parsed.arrangement.days.filter(isRedundantWorkday);
  for (const day of dropped) console.log(`${year}: dropped ${day.date} (${day.name}), a listed working day on a weekday`);
  const days = parsed.arrangement.days.filter((day) => !isRedundantWorkday(day));
  return { ...parsed.arrangement, source: sourceOf(year), days };
}

function fromChineseDays(year: number): YearArrangement {
  const require = createRequire(import.meta.url);
  const packageDir = path.dirname(require.resolve('chinese-days/package.json'));
  const raw = JSON.parse(readFileSync(path.join(packageDir, 'dist/years', `${year}.json`), 'utf8')) as {
    holidays: Record<string, string>;
    workdays: Record<string, string>;
  };
  const byDate = new Map<string, ArrangementDay>();
  // Values look like "Spring Festival,春节,3": the Chinese name is the second field.
  const add = (entries: Record<string, string>, isOffDay: boolean) => {
    for (const [date, value] of Object.entries(entries)) byDate.set(date, { date, isOffDay, name: value.split(',')[1] });
  };
  add(raw.holidays, true);
  add(raw.workdays, false); // chinese-days checks workdays first, so they win
  for (const day of CORRECTIONS[year] ?? []) byDate.set(day.date, day);
  return { year, source: sourceOf(year), papers: CHINESE_DAYS_PAPERS[year], days: [...byDate.values()] };
}

function toJson(arrangement: YearArrangement): string {
  const days = [...arrangement.days].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const lines = days.map((d) => `    { "date": "${d.date}", "isOffDay": ${d.isOffDay}, "name": ${JSON.stringify(d.name)} }`);
  return [
    '{',
    `  "year": ${arrangement.year},`,
    `  "source": ${JSON.stringify(arrangement.source)},`,
    `  "papers": [${arrangement.papers.map((paper) => JSON.stringify(paper)).join(', ')}],`,
    '  "days": [',
    lines.join(',\n'),
    '  ]',
    '}',
    '',
  ].join('\n');
}

function main(): void {
  const holidayCnDir = path.resolve(process.argv[2] ?? path.join(repoRoot, '../shared/data/holiday-cn'));
  if (!existsSync(holidayCnDir)) throw new Error(`holiday-cn folder not found: ${holidayCnDir}`);
  const arrangements = [
    ...CHINESE_DAYS_YEARS.map(fromChineseDays),
    ...HOLIDAY_CN_YEARS.map((year) => fromHolidayCn(holidayCnDir, year)),
  ];
  for (const arrangement of arrangements) {
    const others = arrangements.filter((a) => a !== arrangement);
    const checked = validateArrangement(arrangement, others);
    if (!checked.ok) throw new Error(`${arrangement.year}: ${JSON.stringify(checked.errors, null, 2)}`);
    writeFileSync(path.join(outDir, `${arrangement.year}.json`), toJson(checked.arrangement));
  }
  console.log(`wrote ${arrangements.length} files to ${path.relative(repoRoot, outDir)}`);
}

main();
