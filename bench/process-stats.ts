import * as fs from 'fs';
import { spawnSync } from 'child_process';

export interface ProcessStats {
  wallMs: number;
  cpuMs: number;
  /** Peak resident set size from GNU time; 0 when /usr/bin/time is missing. */
  maxRssKiB: number;
  exitCode: number;
}

const GNU_TIME = '/usr/bin/time';

export function hasGnuTime(): boolean {
  return fs.existsSync(GNU_TIME);
}

/** Runs a command to completion under GNU `time -v` (when present) and returns what it used. */
export function measureProcess(cmd: string, args: string[], okCodes: number[] = [0]): ProcessStats {
  const useTime = hasGnuTime();
  const t0 = process.hrtime.bigint();
  const r = useTime
    ? spawnSync(GNU_TIME, ['-v', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 })
    : spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 30 });
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const code = r.status ?? -1;
  if (!okCodes.includes(code)) {
    throw new Error(`${cmd} ${args.join(' ')} exited ${code}: ${(r.stderr ?? '').slice(-2000)}`);
  }
  if (!useTime) return { wallMs, cpuMs: NaN, maxRssKiB: 0, exitCode: code };
  const err = r.stderr ?? '';
  const num = (label: string): number => {
    const m = new RegExp(`${label}:\\s*([0-9.]+)`).exec(err);
    return m ? Number(m[1]) : NaN;
  };
  return {
    wallMs,
    cpuMs: (num('User time \\(seconds\\)') + num('System time \\(seconds\\)')) * 1000,
    maxRssKiB: num('Maximum resident set size \\(kbytes\\)'),
    exitCode: code,
  };
}

export function median(xs: number[]): number {
  return percentile(xs, 50);
}

export function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const idx = Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1));
  return s[idx];
}
