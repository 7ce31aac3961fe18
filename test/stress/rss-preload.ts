import * as fs from 'fs';

/**
 * Preloaded (`node -r`) into a CLI child process by the stress tests: on exit, writes the peak
 * resident set size in KB (process.resourceUsage().maxRSS) to GONGWEN_RSS_FILE. No /usr/bin/time
 * needed, so the measurement runs the same on any CI machine.
 */
const target = process.env.GONGWEN_RSS_FILE;
if (target) {
  process.on('exit', () => {
    fs.writeFileSync(target, String(process.resourceUsage().maxRSS));
  });
}
