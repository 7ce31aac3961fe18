/**
 * `npm run bench`: speed and memory as measured facts. Prints one table and writes
 * bench/results/latest.json. Parts that need ../shared (the corpus) are skipped with a message
 * when it is absent; nothing here asserts a time, it only measures.
 *
 *   1. CLI over gov-docs, all rules: wall, CPU, peak RSS, chars/s — and AutoCorrect's CLI on the
 *      same files in the same run, as a ratio.
 *   2. In-process lint: the 2022 work report, and synthetic 10k/100k/1M-char documents.
 *   3. Language server over stdio: cold start to first diagnostics; edit→diagnostics latency.
 *   4. The segmenter's share of in-process time.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { lint } from '../rules/engine/runner';
import { allRules } from '../rules/registry';
import { segmenter } from '../rules/engine/segmenter';
import type { SegmenterHandle } from '../rules/engine/segmenter-types';
import { measureProcess, median, percentile, hasGnuTime } from './process-stats';
import { benchServer } from './server-latency';

const ROOT = path.resolve(__dirname, '..', '..');
const SHARED = process.env.GONGWEN_SHARED_DIR ?? path.resolve(ROOT, '..', 'shared');
const GOV_DOCS = path.join(SHARED, 'corpus', 'gov-docs');
const WORK_REPORT = path.join(SHARED, 'corpus', 'gov_work_report_2022.txt');
const CLI = path.join(ROOT, 'bin', 'gongwen-lint.js');
const AUTOCORRECT = path.join(ROOT, 'node_modules', 'autocorrect-node', 'cli.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

interface Row {
  part: string;
  measure: string;
  value: string;
}
const rows: Row[] = [];
const json: Record<string, unknown> = {
  date: new Date().toISOString(),
  machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.arch()}` },
};
const add = (part: string, measure: string, value: string): void => {
  rows.push({ part, measure, value });
};

function countChars(dir: string): { files: number; chars: number } {
  let files = 0;
  let chars = 0;
  for (const f of fs.readdirSync(dir)) {
    if (!f.endsWith('.txt')) continue;
    files++;
    chars += fs.readFileSync(path.join(dir, f), 'utf8').length;
  }
  return { files, chars };
}

async function cliCorpus(): Promise<void> {
  if (!fs.existsSync(GOV_DOCS)) {
    add('1 CLI corpus', 'skipped', `${GOV_DOCS} not found (../shared absent)`);
    return;
  }
  if (!hasGnuTime()) add('1 CLI corpus', 'note', '/usr/bin/time missing (apt-get install time): RSS not measured');
  const { files, chars } = countChars(GOV_DOCS);
  const ours = [];
  const theirs = [];
  const ours2 = [];
  // Interleaved so that machine load drifts affect all alike. The default run is one thread (see
  // server/cli/parallel.ts); -j 2 is measured too, for wall time and what the second thread costs in RSS.
  for (let i = 0; i < RUNS; i++) {
    ours.push(measureProcess(process.execPath, [CLI, GOV_DOCS, '--format', 'json', '--output-file', os.devNull], [0, 1]));
    theirs.push(measureProcess(process.execPath, [AUTOCORRECT, '--lint', '--format', 'json', GOV_DOCS], [0, 1]));
    ours2.push(measureProcess(process.execPath, [CLI, GOV_DOCS, '-j', '2', '--format', 'json', '--output-file', os.devNull], [0, 1]));
  }
  const o = { wall: median(ours.map((r) => r.wallMs)), cpu: median(ours.map((r) => r.cpuMs)), rss: median(ours.map((r) => r.maxRssKiB)) };
  const t = { wall: median(theirs.map((r) => r.wallMs)), cpu: median(theirs.map((r) => r.cpuMs)), rss: median(theirs.map((r) => r.maxRssKiB)) };
  add('1 CLI corpus', 'input', `${files} files, ${(chars / 1e6).toFixed(2)} M chars, median of ${RUNS}`);
  add('1 CLI corpus', 'gongwen-lint wall / CPU', `${(o.wall / 1000).toFixed(2)} s / ${(o.cpu / 1000).toFixed(2)} s`);
  add('1 CLI corpus', 'gongwen-lint peak RSS', o.rss ? `${(o.rss / 1024).toFixed(0)} MiB` : 'n/a');
  add('1 CLI corpus', 'gongwen-lint throughput', `${((chars / o.wall) * 1000 / 1e6).toFixed(2)} M chars/s`);
  add('1 CLI corpus', 'AutoCorrect wall / CPU', `${(t.wall / 1000).toFixed(2)} s / ${(t.cpu / 1000).toFixed(2)} s`);
  add('1 CLI corpus', 'AutoCorrect peak RSS', t.rss ? `${(t.rss / 1024).toFixed(0)} MiB` : 'n/a');
  add('1 CLI corpus', 'wall ratio (ours / AutoCorrect)', (o.wall / t.wall).toFixed(2));
  const o2 = { wall: median(ours2.map((r) => r.wallMs)), cpu: median(ours2.map((r) => r.cpuMs)), rss: median(ours2.map((r) => r.maxRssKiB)) };
  add('1 CLI corpus', 'gongwen-lint -j 2: wall / CPU / peak RSS', `${(o2.wall / 1000).toFixed(2)} s / ${(o2.cpu / 1000).toFixed(2)} s / ${o2.rss ? `${(o2.rss / 1024).toFixed(0)} MiB` : 'n/a'}`);
  add('1 CLI corpus', 'wall ratio -j 2 (ours / AutoCorrect)', (o2.wall / t.wall).toFixed(2));
  add('1 CLI corpus', 'load average at the end (1 min)', os.loadavg()[0].toFixed(2));
  json.cliCorpus = { files, chars, runs: RUNS, gongwen: o, gongwenJ2: o2, autocorrect: t, ratio: o.wall / t.wall, ratioJ2: o2.wall / t.wall, loadavg: os.loadavg(), raw: { ours, theirs, ours2 } };
}

/** Wraps the segmenter to time every call, for part 4. */
function timedSegmenter(): { handle: SegmenterHandle; stats: { ms: number; chars: number; calls: number } } {
  const stats = { ms: 0, chars: 0, calls: 0 };
  const handle: SegmenterHandle = {
    tag(text) {
      const t0 = performance.now();
      const r = segmenter.tag(text);
      stats.ms += performance.now() - t0;
      stats.chars += text.length;
      stats.calls++;
      return r;
    },
    get loaded() {
      return segmenter.loaded;
    },
  };
  return { handle, stats };
}

/** Real text: the corpus files concatenated in name order up to n chars. */
function corpusText(n: number): string {
  const pool = fs.readdirSync(GOV_DOCS).filter((f) => f.endsWith('.txt')).sort();
  let s = '';
  for (let i = 0; s.length < n && i < pool.length; i++) s += fs.readFileSync(path.join(GOV_DOCS, pool[i]), 'utf8') + '\n';
  // LF only: the edits pick a column within a line, and a CR would let one land inside the line break.
  return s.replace(/\r\n?/g, '\n').slice(0, n);
}

function timeLint(text: string, iterations: number, warmup: number): { median: number; p95: number; segMs: number; totalMs: number; segChars: number } {
  const { handle, stats } = timedSegmenter();
  const options = { rules: allRules, segmenter: handle, config: { rules: {}, dictionaries: [], date: '2022-03-05' } };
  for (let i = 0; i < warmup; i++) lint(text, options);
  stats.ms = 0;
  stats.chars = 0;
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    lint(text, options);
    times.push(performance.now() - t0);
  }
  const total = times.reduce((a, b) => a + b, 0);
  return { median: median(times), p95: percentile(times, 95), segMs: stats.ms, totalMs: total, segChars: stats.chars / iterations };
}

function inProcess(): void {
  if (!fs.existsSync(WORK_REPORT)) {
    add('2 in-process', 'skipped', `${WORK_REPORT} not found (../shared absent)`);
    return;
  }
  const report = fs.readFileSync(WORK_REPORT, 'utf8');
  const r = timeLint(report, 50, 10);
  add('2 in-process', `work report (${(report.length / 1000).toFixed(1)}k chars) median / p95`, `${r.median.toFixed(2)} ms / ${r.p95.toFixed(2)} ms`);
  add('4 segmenter', 'share of in-process time (work report)', `${((r.segMs / r.totalMs) * 100).toFixed(1)} % (${r.segChars.toFixed(0)} of ${report.length} chars tagged per run)`);
  const sizes: Record<string, unknown> = {};
  // Synthetic documents from real text: the corpus concatenated until the size is reached.
  const pool = fs.existsSync(GOV_DOCS)
    ? fs.readdirSync(GOV_DOCS).filter((f) => f.endsWith('.txt')).sort().map((f) => fs.readFileSync(path.join(GOV_DOCS, f), 'utf8'))
    : [report];
  const build = (n: number): string => {
    let s = '';
    for (let i = 0; s.length < n; i++) s += pool[i % pool.length] + '\n';
    return s.slice(0, n);
  };
  const per: Record<number, number> = {};
  for (const n of [10_000, 100_000, 1_000_000]) {
    const doc = build(n);
    const iters = n >= 1_000_000 ? 5 : n >= 100_000 ? 15 : 50;
    const t = timeLint(doc, iters, 2);
    per[n] = t.median;
    add('2 in-process', `synthetic ${n / 1000}k chars median / p95`, `${t.median.toFixed(1)} ms / ${t.p95.toFixed(1)} ms`);
    add('4 segmenter', `share at ${n / 1000}k chars`, `${((t.segMs / t.totalMs) * 100).toFixed(1)} %`);
    sizes[n] = t;
  }
  add('2 in-process', 'growth 1M / 100k (linear = 10)', (per[1_000_000] / per[100_000]).toFixed(1));
  json.inProcess = { workReport: r, synthetic: sizes, growth: per[1_000_000] / per[100_000] };
}

async function main(): Promise<void> {
  await cliCorpus();
  inProcess();
  // Two documents: real text from the corpus (what a writer edits; skipped without ../shared) and
  // the seed speech repeated (a worst case with thousands of problems per publish).
  const serverRuns: Array<[string, string | undefined]> = [];
  if (fs.existsSync(GOV_DOCS)) serverRuns.push(['corpus text', corpusText(100_000)]);
  serverRuns.push(['seed speech ×N', undefined]);
  const serverJson: Record<string, unknown> = {};
  for (const [label, text] of serverRuns) {
    try {
      const s = await benchServer(ROOT, 200, text);
      if (s.skipped) {
        add('3 server', 'skipped', s.skipped);
        break;
      }
      add('3 server', `[${label}] cold start → first diagnostics (seed speech)`, `${s.coldStartMs.toFixed(0)} ms`);
      add('3 server', `  → full result (segmenter loaded)`, `${s.coldFullMs.toFixed(0)} ms`);
      add('3 server', `[${label}] edit → diagnostics at ${s.docChars / 1000}k chars, ${s.problems} problems, p50 / p95 (${s.edits} edits)`, `${s.p50.toFixed(1)} ms / ${s.p95.toFixed(1)} ms`);
      add('3 server', `  of which typing debounce (fixed)`, `${s.debounceMs} ms`);
      add('3 server', `  after the debounce (processing + transport) p50 / p95`, `${s.afterDebounceP50.toFixed(1)} ms / ${s.afterDebounceP95.toFixed(1)} ms`);
      add('3 server', `  server's own check time p50 / p95`, `${s.processingP50.toFixed(1)} ms / ${s.processingP95.toFixed(1)} ms`);
      add('3 server', `[${label}] server RSS after the edits`, `${s.rssMiB.toFixed(0)} MiB`);
      serverJson[label] = s;
    } catch (e) {
      add('3 server', `[${label}] failed`, (e as Error).message);
      serverJson[label] = { error: (e as Error).message };
    }
  }
  json.server = serverJson;

  const w1 = Math.max(...rows.map((r) => r.part.length));
  const w2 = Math.max(...rows.map((r) => width(r.measure)));
  console.log(`\ngongwen-lint benchmark — ${json.date} — ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}, Node ${process.version}\n`);
  for (const r of rows) console.log(`${r.part.padEnd(w1)}  ${r.measure}${' '.repeat(w2 - width(r.measure))}  ${r.value}`);
  const out = path.join(ROOT, 'bench', 'results');
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, 'latest.json'), JSON.stringify({ ...json, table: rows }, null, 2));
  console.log(`\nJSON: ${path.relative(process.cwd(), path.join(out, 'latest.json'))}`);
}

/** Display width: CJK characters take two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1;
  return w;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
