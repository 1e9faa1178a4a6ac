// Stand-in for `licensedesk calendar add --batch`: the same runAddBatch on stdin/stdout, as a whole process.
// Run: node bin/run-ts.js bench/calendar-batch-child.ts < lines.txt > answers.txt
import { builtinArrangements } from '../src/domain/calendar/builtin-arrangements.ts';
import { createCalendar } from '../src/domain/calendar/create-calendar.ts';
import { runAddBatch } from '../src/modules/calendar/batch.ts';

const summary = await runAddBatch({
  input: process.stdin,
  output: process.stdout,
  calendar: createCalendar(builtinArrangements),
});
process.stderr.write(`lines=${summary.lines} errors=${summary.errors}\n`);
