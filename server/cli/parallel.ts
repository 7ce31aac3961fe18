/**
 * Linting files on worker threads, for the CLI over many files. The main thread still finds,
 * reads and decodes the files and resolves their configuration (cheap, and where every I/O error
 * is reported); workers only run the rules. Results are put back in file order, so the output is
 * byte for byte what a single thread prints.
 *
 * The same module is the worker's entry: loaded in a thread started by LintPool it answers jobs
 * instead of doing anything else (the CLI entry checks IS_LINT_WORKER before running the CLI).
 */
import * as os from 'os';
import { Worker, isMainThread, parentPort, workerData } from 'worker_threads';
import { lint, fixText, dictionariesFor } from '../../rules/engine/runner';
import { allRules } from '../../rules/registry';
import { formatOf } from './files';
import type { ConfigProblem, ResolvedConfig } from '../../rules/engine/config-types';
import type { FileResult } from './result';
import type { SegmenterHandle } from '../../rules/engine/segmenter-types';

export interface CheckFlags {
  fix: boolean;
  fixDryRun: boolean;
  quiet: boolean;
  /** --date, which overrides the configuration's date. */
  date?: string;
}

/**
 * Lints (and with --fix/--fix-dry-run fixes) one text: the per-file work of the CLI. `segmenter`
 * replaces the in-process one (the CLI's segmenter thread).
 */
export function checkText(text: string, filePath: string | undefined, config: ResolvedConfig, flags: CheckFlags, segmenter?: SegmenterHandle): FileResult {
  const effective = { ...config, date: flags.date ?? config.date };
  const options = { format: formatOf(filePath ?? ''), config: effective, rules: allRules, segmenter };
  const result: FileResult = { filePath: filePath ?? '<text>', findings: [] };
  let checked = text;
  if (flags.fix || flags.fixDryRun) {
    const fixed = fixText(text, options);
    if (fixed.output !== text) {
      result.output = fixed.output;
      checked = fixed.output;
    }
  }
  // After fixing, what is reported is what is left, as in ESLint.
  result.findings = lint(checked, options).findings;
  result.text = checked;
  if (flags.quiet) result.findings = result.findings.filter((f) => f.severity === 'error');
  return result;
}

/** Below this many files a single thread is faster than starting workers. */
export const PARALLEL_MIN_FILES = 32;
/**
 * Automatic threads stay at 1 for now: each worker loads its own dictionaries, segmenter and JIT
 * warm-up, so on gov-docs two workers measured 273–283 MiB peak RSS (one thread with the
 * segmenter thread: 181 MiB; target ≤ 200 MiB) and, on a 2-core machine shared with other work,
 * more wall time than one thread.
 * Raise it (or pass -j) where cores and memory are free. See docs/benchmarks.md.
 */
export const MAX_AUTO_THREADS = 1;

/**
 * Threads for a run: `requested` (from -j/--threads; 0 or undefined = automatic; or the
 * GONGWEN_THREADS environment variable) or, automatically, one per core up to MAX_AUTO_THREADS
 * once there are PARALLEL_MIN_FILES files. 1 = no workers.
 */
export function threadCount(files: number, requested: number | undefined, env: NodeJS.ProcessEnv = process.env): number {
  const fromEnv = env.GONGWEN_THREADS !== undefined && /^\d+$/.test(env.GONGWEN_THREADS) ? Number(env.GONGWEN_THREADS) : undefined;
  const want = requested && requested > 0 ? requested : fromEnv && fromEnv > 0 ? fromEnv : undefined;
  if (want !== undefined) return Math.max(1, Math.min(want, files));
  if (files < PARALLEL_MIN_FILES) return 1;
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(cores, MAX_AUTO_THREADS));
}

interface JobMessage {
  id: number;
  text: string;
  filePath?: string;
  config: ResolvedConfig;
  flags: CheckFlags;
}

interface AnswerMessage {
  id: number;
  result?: FileResult;
  /** Problems of the user dictionaries the config names (compiled in the worker). */
  dictProblems?: ConfigProblem[];
  error?: string;
}

export interface PoolAnswer {
  result: FileResult;
  dictProblems: ConfigProblem[];
}

/** A fixed set of workers; jobs go to the least busy one. */
export class LintPool {
  private readonly workers: Array<{ worker: Worker; busy: number }> = [];
  private readonly waiting = new Map<number, { resolve: (a: PoolAnswer) => void; reject: (e: Error) => void }>();
  private next = 0;
  private failure?: Error;
  private drained: Array<{ limit: number; resolve: () => void }> = [];

  constructor(size: number, script: string = __filename) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(script, { workerData: { gongwenLintWorker: true } });
      const slot = { worker, busy: 0 };
      worker.on('message', (m: AnswerMessage) => {
        slot.busy--;
        const w = this.waiting.get(m.id);
        this.waiting.delete(m.id);
        if (!w) return;
        if (m.error !== undefined || !m.result) w.reject(new Error(m.error ?? 'worker returned no result'));
        else w.resolve({ result: m.result, dictProblems: m.dictProblems ?? [] });
        this.wake();
      });
      worker.on('error', (e) => this.fail(e));
      worker.on('exit', (code) => {
        if (code !== 0) this.fail(new Error(`lint worker exited with code ${code}`));
      });
      this.workers.push(slot);
    }
  }

  get size(): number {
    return this.workers.length;
  }

  /** Jobs sent and not answered yet. */
  get inFlight(): number {
    return this.waiting.size;
  }

  run(text: string, filePath: string | undefined, config: ResolvedConfig, flags: CheckFlags): Promise<PoolAnswer> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.next++;
    const slot = this.workers.reduce((a, b) => (b.busy < a.busy ? b : a));
    slot.busy++;
    return new Promise<PoolAnswer>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      const job: JobMessage = { id, text, filePath, config, flags };
      slot.worker.postMessage(job);
    });
  }

  /** Resolves once fewer than `limit` jobs are in flight (or the pool failed). */
  below(limit: number): Promise<void> {
    if (this.waiting.size < limit || this.failure) return Promise.resolve();
    return new Promise((resolve) => this.drained.push({ limit, resolve }));
  }

  private wake(): void {
    const still: LintPool['drained'] = [];
    for (const d of this.drained) {
      if (this.waiting.size < d.limit || this.failure) d.resolve();
      else still.push(d);
    }
    this.drained = still;
  }

  async close(): Promise<void> {
    const ws = this.workers.splice(0);
    await Promise.all(ws.map((w) => w.worker.terminate()));
  }

  private fail(e: Error): void {
    if (this.failure || this.workers.length === 0) return;
    this.failure = e;
    for (const w of this.waiting.values()) w.reject(e);
    this.waiting.clear();
    this.wake();
  }
}

/** True in a thread started by LintPool: the module then serves jobs and nothing else runs. */
export const IS_LINT_WORKER = !isMainThread && (workerData as { gongwenLintWorker?: boolean } | null)?.gongwenLintWorker === true;

if (IS_LINT_WORKER && parentPort) {
  const port = parentPort;
  port.on('message', (job: JobMessage) => {
    let answer: AnswerMessage;
    try {
      const dictProblems = dictionariesFor(job.config.dictionaries).problems;
      answer = { id: job.id, result: checkText(job.text, job.filePath, job.config, job.flags), dictProblems: [...dictProblems] };
    } catch (e) {
      answer = { id: job.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
    }
    port.postMessage(answer);
  });
}
