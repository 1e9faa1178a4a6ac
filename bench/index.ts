// `npm run bench`: every benchmark, one after another; each prints its figures (and its peer's, where there is one).
import { main as calendar } from './calendar.bench.ts';
import { main as coldStart } from './cold-start.bench.ts';
import { main as firstLoad } from './first-load.bench.ts';
import { main as uploads } from './uploads.bench.ts';

for (const [name, run] of [['calendar', calendar], ['cold start', coldStart], ['first load', firstLoad], ['uploads', uploads]] as const) {
  console.log(`\n## ${name}`);
  await run();
}
