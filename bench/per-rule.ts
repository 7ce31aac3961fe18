/**
 * Per-rule timing: `node out/bench/per-rule.js [FILE|DIR]` (default: the 2022 work report, then
 * the whole gov-docs corpus). Runs each rule alone over the same texts after a warm-up and prints
 * the median per text and the sum over the corpus, slowest first. Also times the document model
 * (LintDocument construction + the lazily built views the rules share). Measures only.
 */
import * as fs from 'fs';
import * as path from 'path';
import { lint } from '../rules/engine/runner';
import { LintDocument } from '../rules/engine/document';
import { allRules } from '../rules/registry';
import { median } from './process-stats';

const ROOT = path.resolve(__dirname, '..', '..');
const SHARED = process.env.GONGWEN_SHARED_DIR ?? path.resolve(ROOT, '..', 'shared');
const DEFAULT = [path.join(SHARED, 'corpus', 'gov_work_report_2022.txt'), path.join(SHARED, 'corpus', 'gov-docs')];

function load(p: string): string[] {
  if (!fs.existsSync(p)) return [];
  if (fs.statSync(p).isDirectory()) {
    return fs.readdirSync(p).filter((f) => f.endsWith('.txt') || f.endsWith('.md')).sort().map((f) => fs.readFileSync(path.join(p, f), 'utf8'));
  }
  return [fs.readFileSync(p, 'utf8')];
}

function timeAll(texts: string[], run: (t: string) => void, reps: number): number {
  for (const t of texts) run(t); // warm-up (and lazy loads such as the segmenter)
  const totals: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    for (const t of texts) run(t);
    totals.push(performance.now() - t0);
  }
  return median(totals);
}

function main(): void {
  const targets = process.argv.slice(2).length ? process.argv.slice(2) : DEFAULT;
  const config = { rules: {}, dictionaries: [] as string[], date: '2022-03-05' };
  for (const target of targets) {
    const texts = load(target);
    if (texts.length === 0) {
      console.log(`${target}: not found, skipped`);
      continue;
    }
    const chars = texts.reduce((a, t) => a + t.length, 0);
    const reps = chars > 1e6 ? 3 : 15;
    console.log(`\n${target}: ${texts.length} text(s), ${chars} chars, median of ${reps}`);
    const rows: Array<[string, number]> = [];
    rows.push(['(all rules, one lint)', timeAll(texts, (t) => lint(t, { rules: allRules, config }), reps)]);
    rows.push(['(no rules: document, directives, date)', timeAll(texts, (t) => lint(t, { rules: [], config }), reps)]);
    rows.push(['(LintDocument + lines + sentences of every paragraph)', timeAll(texts, (t) => {
      const d = new LintDocument(t, 'text');
      void d.prose;
      d.lines();
      for (const p of d.paragraphs()) d.sentences(p);
    }, reps)]);
    for (const rule of allRules) rows.push([rule.meta.id, timeAll(texts, (t) => lint(t, { rules: [rule], config }), reps)]);
    const w = Math.max(...rows.map((r) => r[0].length));
    const [all, none, ...rest] = rows;
    for (const [id, ms] of [all, none, ...rest.sort((a, b) => b[1] - a[1])]) {
      console.log(`${id.padEnd(w)}  ${ms.toFixed(2).padStart(9)} ms`);
    }
  }
}

main();
