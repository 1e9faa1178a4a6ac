// Preloaded (node --import) into a benchmarked command: at exit it writes the process's peak resident memory (the
// kernel's high-water mark, in KB) to file descriptor 3, so the command's own output stays untouched.
import fs from 'node:fs';

process.on('exit', () => {
  try {
    fs.writeSync(3, JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS }));
  } catch {
    // No fd 3: run outside the benchmark.
  }
});
