/**
 * Runs the structure rules (series-numbering, heading-levels, document-date) over the gov-docs
 * corpus and prints counts per rule and finding kind, plus every finding as JSON lines when asked.
 *
 *   node out/test/corpus/structure-scan.js                 # counts
 *   node out/test/corpus/structure-scan.js --list RULE     # every finding of RULE, one per line
 *   node out/test/corpus/structure-scan.js --sample RULE N # a fixed sample of N findings of RULE
 */
import * as fs from 'fs';
import * as path from 'path';
import { lint } from '../../rules/engine/runner';
import { structureRules } from '../../rules/checks/structure';
import type { Finding } from '../../rules/engine/types';
import { requireShared } from '../helpers/shared';

export interface ScanFinding extends Finding {
  file: string;
  kind: string;
  lineText: string;
}

/** Short label of a finding's kind, from the start of its message. */
export function kindOf(f: Finding): string {
  const m = f.message;
  if (f.ruleId === 'heading-levels') {
    if (m.includes('应写作')) return 'form';
    if (m.includes('跳过了')) return 'skip-level';
    if (m.includes('编号方式前后不一')) return 'style-mix';
    if (m.includes('重复')) return 'duplicate';
    if (m.includes('颠倒')) return 'order';
    return 'gap';
  }
  if (f.ruleId === 'series-numbering') {
    if (m.includes('混用')) return 'mixed';
    if (m.includes('预告的条数')) return 'count';
    if (m.includes('重复')) return 'repeat';
    if (m.includes('颠倒')) return 'order';
    if (m.includes('后的标点应为逗号')) return 'punctuation';
    if (m.includes('前面没有')) return 'orphan';
    return 'gap';
  }
  if (f.ruleId === 'document-date') {
    if (m.includes('汉字')) return 'chinese-numerals';
    if (m.includes('虚位')) return 'zero-padding';
    if (m.includes('“号”')) return 'hao';
    if (m.includes('不存在')) return 'invalid';
    if (m.includes('年份')) return 'short-year';
    return 'separator';
  }
  return 'other';
}

export function scanCorpus(dir = requireShared('corpus', 'gov-docs')): { files: number; chars: number; findings: ScanFinding[] } {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  const findings: ScanFinding[] = [];
  let chars = 0;
  for (const f of files) {
    const text = fs.readFileSync(path.join(dir, f), 'utf8');
    chars += text.length;
    const res = lint(text, { rules: structureRules, config: { rules: {}, dictionaries: [], date: '2024-01-01' } });
    for (const x of res.findings) findings.push({ ...x, file: f, kind: kindOf(x), lineText: lineAround(text, x.start) });
  }
  return { files: files.length, chars, findings };
}

function lineAround(text: string, offset: number): string {
  let a = offset;
  while (a > 0 && text[a - 1] !== '\n' && text[a - 1] !== '\r') a--;
  let b = offset;
  while (b < text.length && text[b] !== '\n' && text[b] !== '\r') b++;
  return text.slice(a, b);
}

export function countsOf(findings: readonly ScanFinding[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of findings) {
    const key = `${f.ruleId}/${f.kind}`;
    out[key] = (out[key] ?? 0) + 1;
  }
  return Object.fromEntries(Object.entries(out).sort());
}

/** Every n-th finding so that the sample spreads over the corpus; deterministic. */
export function sampleOf<T>(items: readonly T[], n: number): T[] {
  if (items.length <= n) return [...items];
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(items[Math.floor((i * items.length) / n)]);
  return out;
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const { files, chars, findings } = scanCorpus();
  const show = (list: ScanFinding[]): void => {
    list.forEach((f, i) => {
      const ctxText = f.lineText.length > 90 ? f.lineText.slice(0, 90) + '…' : f.lineText;
      console.log(`${i + 1}. [${f.kind}${f.severity === 'info' ? ',info' : ''}] ${f.file}:${f.line + 1}:${f.column + 1}\n   ${ctxText.trim()}\n   → ${f.message}`);
    });
  };
  if (args[0] === '--list') show(findings.filter((f) => f.ruleId === args[1] && (!args[2] || f.kind === args[2])));
  else if (args[0] === '--sample') show(sampleOf(findings.filter((f) => f.ruleId === args[1]), Number(args[2] ?? 30)));
  else if (args[0] !== '--plant') {
    console.log(`${files} files, ${chars} UTF-16 code units, ${findings.length} findings`);
    console.log(JSON.stringify(countsOf(findings), null, 2));
  }
}

export interface PlantResult {
  kind: string;
  planted: number;
  detected: number;
  missed: string[];
}

/**
 * Recall on planted errors: in every corpus document where the rules are silent, damage one
 * series item, one heading number or one date the way writers do, and count how often the rule
 * then reports something. This shows the rules are live on real layout, not just quiet.
 */
export function plantErrors(dir = requireShared('corpus', 'gov-docs')): PlantResult[] {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  const plants: Array<{ kind: string; rule: string; mutate(text: string): string | undefined }> = [
    {
      kind: 'series: 三是 → 四是',
      rule: 'series-numbering',
      mutate: (t) => {
        const i = t.search(/[，。；：\n\u3000]二是/);
        if (i === -1) return undefined;
        const j = t.slice(i).search(/[，。；：\n\u3000]三是/);
        if (j === -1) return undefined;
        const at = i + j + 1;
        return t.slice(0, at) + '四是' + t.slice(at + 2);
      },
    },
    {
      kind: 'series: 二是 → 一是 (first item repeated)',
      rule: 'series-numbering',
      mutate: (t) => {
        const i = t.search(/[，。；：\n\u3000]一是/);
        if (i === -1) return undefined;
        const j = t.slice(i).search(/[，。；：\n\u3000]二是/);
        if (j === -1) return undefined;
        const at = i + j + 1;
        return t.slice(0, at) + '一是' + t.slice(at + 2);
      },
    },
    {
      kind: 'heading: （二） → （三）',
      rule: 'heading-levels',
      mutate: (t) => {
        const m = /(^|\n)([ \u3000]*)（二）/.exec(t);
        if (!m) return undefined;
        const at = m.index + m[1].length + m[2].length;
        return t.slice(0, at) + '（三）' + t.slice(at + 3);
      },
    },
    {
      kind: 'heading: （一） → (一)',
      rule: 'heading-levels',
      mutate: (t) => {
        const m = /(^|\n)([ \u3000]*)（一）/.exec(t);
        if (!m) return undefined;
        const at = m.index + m[1].length + m[2].length;
        return t.slice(0, at) + '(一)' + t.slice(at + 3);
      },
    },
    {
      kind: 'date: 2019年12月13日 → 2019年12月13号',
      rule: 'document-date',
      mutate: (t) => {
        const m = /(^|\n)([ \u3000\u00a0]*)([0-9]{4}年[0-9]{1,2}月[0-9]{1,2})日[ \u3000\u00a0]*(\r?\n|$)/.exec(t);
        if (!m) return undefined;
        const at = m.index + m[1].length + m[2].length + m[3].length;
        return t.slice(0, at) + '号' + t.slice(at + 1);
      },
    },
  ];
  const results = plants.map((p) => ({ kind: p.kind, planted: 0, detected: 0, missed: [] as string[] }));
  const run = (text: string, rule: string): number =>
    lint(text, { rules: structureRules, config: { rules: {}, dictionaries: [], date: '2024-01-01' } }).findings.filter((f) => f.ruleId === rule).length;
  for (const f of files) {
    const text = fs.readFileSync(path.join(dir, f), 'utf8');
    plants.forEach((p, i) => {
      if (run(text, p.rule) > 0) return;
      const mutated = p.mutate(text);
      if (mutated === undefined || mutated === text) return;
      results[i].planted++;
      if (run(mutated, p.rule) > 0) results[i].detected++;
      else results[i].missed.push(f);
    });
  }
  return results;
}

if (require.main === module && process.argv[2] === '--plant') {
  for (const r of plantErrors()) {
    console.log(`${r.kind}: detected ${r.detected} / ${r.planted}`);
    for (const m of r.missed.slice(0, 15)) console.log(`   missed: ${m}`);
  }
}
