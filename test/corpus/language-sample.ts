/**
 * Runs the language rules (de-di-de, number-format) over the real-document corpus and prints
 * counts per finding kind, segmenter use, wall time and a reproducible sample of findings with
 * context for judging.
 *
 *   npx tsc -p . && node out/test/corpus/language-sample.js [--sample 40] [--seed 1] [--json]
 *
 * The corpus is ../shared/corpus/gov-docs (or $GONGWEN_SHARED_DIR/corpus/gov-docs).
 */
import * as fs from 'fs';
import * as path from 'path';
import { lint } from '../../rules/engine/runner';
import { LintDocument } from '../../rules/engine/document';
import type { Rule } from '../../rules/engine/types';
import { segmenter } from '../../rules/engine/segmenter';
import { deDiDe, deDiDeStats, resetDeDiDeStats } from '../../rules/checks/language/de-di-de';
import { numberFormat } from '../../rules/checks/language/number-format';
import type { Finding } from '../../rules/engine/types';
import { requireShared } from '../helpers/shared';
import { parseCnNumber } from '../../rules/engine/numerals';
import { ADVERBIALS, COMPLEMENT_ADJECTIVES, DEGREE_WORDS, DI_ADJECTIVES, NOUN_HEADS } from '../../rules/checks/language/lexicon';

export interface CorpusFinding {
  file: string;
  kind: string;
  finding: Finding;
  excerpt: string;
}

/** The sub-check a finding comes from, read from its message (each sub-check words it its own way). */
export function kindOf(f: Finding): string {
  const m = f.message;
  if (f.ruleId === 'de-di-de') {
    if (m.includes('重复了助词')) return 'de-di-de/doubled';
    if (m.includes('是状语')) return 'de-di-de/de-to-di';
    if (m.includes('是补语')) return 'de-di-de/de-to-de2';
    if (m.includes('定语后用')) return 'de-di-de/di-to-de';
  } else if (f.ruleId === 'number-format') {
    if (m.includes('带“几”的概数')) return 'number-format/approximate-ji';
    if (m.includes('用“倍”表示减少')) return 'number-format/decrease-by-times';
    if (m.includes('固定说法')) return 'number-format/fixed-expression';
    if (m.includes('的月日写法不对')) return 'number-format/month-day-name';
    if (m.includes('纯小数')) return 'number-format/pure-decimal';
    if (m.includes('中间用了中文逗号')) return 'number-format/comma-in-number';
    if (m.includes('日期数字写法') || m.includes('没有补足两位')) return 'number-format/truncated-date';
    if (m.includes('却用了比号') || m.includes('却用了冒号')) return 'number-format/ratio-sign';
    if (m.includes('在一个百分数里混用')) return 'number-format/percent-in-words';
    if (m.includes('“零”应写作“〇”')) return 'number-format/year-zero';
    if (m.includes('只写了两位数')) return 'number-format/two-digit-year';
    if (m.includes('概数')) return 'number-format/approximate-dunhao';
    if (m.includes('数值范围')) return 'number-format/range-unit';
    if (m.includes('都表示约数')) return 'number-format/doubled-approximation';
    if (m.includes('混用了阿拉伯数字')) return 'number-format/mixed-numerals';
    if (m.includes('全角数字')) return 'number-format/full-width-digits';
  }
  return `${f.ruleId}/other`;
}

export interface CorpusRun {
  files: number;
  chars: number;
  findings: CorpusFinding[];
  counts: Record<string, number>;
  charsTagged: number;
  windows: number;
  segmenterLoadMs: number;
  lintMs: number;
}

export function runCorpus(): CorpusRun {
  const dir = requireShared('corpus', 'gov-docs');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  // Load the dictionary up front so the lint time below is the rules' own time.
  const t0 = process.hrtime.bigint();
  segmenter.tag('预热');
  const segmenterLoadMs = Number(process.hrtime.bigint() - t0) / 1e6;
  resetDeDiDeStats();
  const findings: CorpusFinding[] = [];
  let chars = 0;
  let lintNs = 0n;
  for (const file of files) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    chars += text.length;
    const t = process.hrtime.bigint();
    const result = lint(text, { rules: [deDiDe, numberFormat], dictionaries: { entries: [] } as never, today: new Date('2024-01-01') });
    lintNs += process.hrtime.bigint() - t;
    for (const f of result.findings) {
      const from = Math.max(0, f.start - 15);
      const to = Math.min(text.length, f.end + 15);
      const excerpt = `${text.slice(from, f.start)}【${text.slice(f.start, f.end)}】${text.slice(f.end, to)}`.replace(/\r?\n/g, '⏎');
      findings.push({ file, kind: kindOf(f), finding: f, excerpt });
    }
  }
  const counts: Record<string, number> = {};
  for (const f of findings) counts[f.kind] = (counts[f.kind] ?? 0) + 1;
  return {
    files: files.length,
    chars,
    findings,
    counts,
    charsTagged: deDiDeStats.charsTagged,
    windows: deDiDeStats.windows,
    segmenterLoadMs,
    lintMs: Number(lintNs) / 1e6,
  };
}

/** Deterministic sample: a seeded shuffle (mulberry32), then the first n per kind. */
export function sample(findings: CorpusFinding[], n: number, seed: number): CorpusFinding[] {
  let a = seed >>> 0;
  const rand = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const byKind = new Map<string, CorpusFinding[]>();
  for (const f of findings) byKind.set(f.kind, [...(byKind.get(f.kind) ?? []), f]);
  const out: CorpusFinding[] = [];
  for (const kind of [...byKind.keys()].sort()) {
    const list = [...(byKind.get(kind) as CorpusFinding[])];
    for (let i = list.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [list[i], list[j]] = [list[j], list[i]];
    }
    out.push(...list.slice(0, n));
  }
  return out;
}

/**
 * Error injection: the corpus is edited text, so it has almost no 的/地/得 errors to find. To
 * measure what the rule catches in real contexts, each real 地 after an adverbial (认真地学习) is
 * turned into 的, each real 得 before a degree complement (做得很好) into 的, and each real 的
 * between an adjective and a noun head (显著的成效) into 地. Every injected particle is an error
 * by construction; we count how many the rule reports, and how many findings appear elsewhere.
 */
export interface InjectionResult {
  kind: string;
  injected: number;
  detected: number;
  elsewhere: number;
  /** The findings at injected positions, with the mutated text around them. */
  hits: CorpusFinding[];
}

export function injectErrors(): InjectionResult[] {
  const dir = requireShared('corpus', 'gov-docs');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  const alt = (xs: Iterable<string>): string => [...xs].sort((a, b) => b.length - a.length).join('|');
  const delims = '。！？；，、：\\r\\n';
  const plans: Array<{ kind: string; re: RegExp; from: string; to: string }> = [
    { kind: 'de-di-de/de-to-di', re: new RegExp(`(?<=(?:${alt(ADVERBIALS)}))地(?![方位区域上下面])`, 'g'), from: '地', to: '的' },
    {
      kind: 'de-di-de/de-to-de2',
      re: new RegExp(`得(?=(?:${alt(DEGREE_WORDS)})(?:${alt(COMPLEMENT_ADJECTIVES)})(?:$|[${delims}]))`, 'g'),
      from: '得',
      to: '的',
    },
    { kind: 'de-di-de/di-to-de', re: new RegExp(`(?<=(?:${alt([...ADVERBIALS, ...DI_ADJECTIVES])}))的(?=(?:${alt(NOUN_HEADS)}))`, 'g'), from: '的', to: '地' },
  ];
  const out: InjectionResult[] = [];
  for (const plan of plans) {
    const r: InjectionResult = { kind: plan.kind, injected: 0, detected: 0, elsewhere: 0, hits: [] };
    for (const file of files) {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      const positions: number[] = [];
      const mutated = text.replace(plan.re, (m, offset: number) => {
        positions.push(offset);
        return plan.to;
      });
      if (positions.length === 0) continue;
      r.injected += positions.length;
      const before = new Set(lint(text, { rules: [deDiDe], dictionaries: { entries: [] } as never }).findings.map((f) => f.start));
      const findings = lint(mutated, { rules: [deDiDe], dictionaries: { entries: [] } as never }).findings.filter((f) => kindOf(f) === plan.kind);
      for (const p of positions) {
        const f = findings.find((x) => x.start <= p && p < x.end);
        if (!f) continue;
        r.detected++;
        const excerpt = `${mutated.slice(Math.max(0, f.start - 12), f.start)}【${mutated.slice(f.start, f.end)}】${mutated.slice(f.end, f.end + 12)}`.replace(/\r?\n/g, '⏎');
        r.hits.push({ file, kind: plan.kind, finding: f, excerpt });
      }
      r.elsewhere += findings.filter((f) => !positions.some((p) => f.start <= p && p < f.end) && !before.has(f.start)).length;
    }
    out.push(r);
  }
  return out;
}

/**
 * Error injection for number-format: the corpus writes numbers correctly, so its findings alone
 * say little about the newer sub-checks. Each plan turns a correct form of the corpus into the
 * wrong one the sub-check is for (十几天 → 10几天, 党的十九大 → 党的19大, 0.5 → .5, 12500元 →
 * 12，500元, 2020年1月5日 → 2020-1-5, 1∶500 → 1:500 …). Every injected form is an error by
 * construction; we count how many are reported with the plan's kind and how many findings of that
 * kind appear anywhere else (false alarms in real contexts).
 */
export function injectNumberErrors(): InjectionResult[] {
  const dir = requireShared('corpus', 'gov-docs');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  const arabic = (cn: string): string => String(parseCnNumber(cn));
  const han = '[\\u4e00-\\u9fff]';
  const plans: Array<{ kind: string; re: RegExp; to: (m: string, ...g: string[]) => string }> = [
    { kind: 'number-format/approximate-ji', re: /十几(?=[个天年人项家种万亿倍次名岁所条])/g, to: () => '10几' },
    { kind: 'number-format/approximate-ji', re: /几(十|百)(?=[个天年人项家种万亿倍次名岁所条])/g, to: (_m, u) => (u === '十' ? '几10' : '几100') },
    { kind: 'number-format/fixed-expression', re: /党的(十[五六七八九]|二十)大/g, to: (_m, n) => `党的${arabic(n)}大` },
    { kind: 'number-format/fixed-expression', re: /(十[一二三四]?)届全国人大([一二三四五])次会议/g, to: (_m, a, b) => `${arabic(a)}届全国人大${arabic(b)}次会议` },
    { kind: 'number-format/fixed-expression', re: /(十[五六七八九]|二十)届([一二三四五六七])中全会/g, to: (_m, a, b) => `${arabic(a)}届${arabic(b)}中全会` },
    { kind: 'number-format/fixed-expression', re: /“(十[一二三四五]|[六七八九])五”/g, to: (_m, n) => `“${arabic(n)}五”` },
    { kind: 'number-format/percent-in-words', re: new RegExp(`(?<=${han})([0-9]+(?:\\.[0-9]+)?)%`, 'g'), to: (_m, n) => `百分之${n}` },
    { kind: 'number-format/pure-decimal', re: new RegExp(`(?<=${han})0\\.([0-9]+)`, 'g'), to: (_m, d) => `.${d}` },
    { kind: 'number-format/comma-in-number', re: new RegExp(`(?<=${han})([1-9][0-9]{0,2})([0-9]{3})(?![0-9年.])(?=${han})`, 'g'), to: (_m, a, b) => `${a}，${b}` },
    {
      kind: 'number-format/truncated-date',
      re: /(?<![0-9])((?:19|20)[0-9]{2})年([1-9]|1[0-2])月([1-9]|[12][0-9]|3[01])日/g,
      to: (m, y, mo, d) => (mo.length === 2 && d.length === 2 ? m : `${y}-${mo}-${d}`),
    },
    { kind: 'number-format/truncated-date', re: /(?<![0-9])((?:19|20)[0-9]{2})年([1-9])月(?![0-9])/g, to: (_m, y, mo) => `${y}-${mo}` },
    { kind: 'number-format/ratio-sign', re: /([0-9])∶([0-9])/g, to: (_m, a, b) => `${a}:${b}` },
  ];
  const byKind = new Map<string, InjectionResult>();
  const lintNumbers = (t: string): Finding[] => lint(t, { rules: [numberFormat], dictionaries: { entries: [] } as never, today: new Date('2024-01-01') }).findings;
  for (const plan of plans) {
    const r = byKind.get(plan.kind) ?? { kind: plan.kind, injected: 0, detected: 0, elsewhere: 0, hits: [] };
    byKind.set(plan.kind, r);
    for (const file of files) {
      const text = fs.readFileSync(path.join(dir, file), 'utf8');
      const spans: Array<[number, number]> = [];
      let delta = 0;
      const mutated = text.replace(plan.re, (m: string, ...rest: unknown[]) => {
        const offset = rest[rest.length - 2] as number;
        const to = plan.to(m, ...(rest.slice(0, -2) as string[]));
        if (to !== m) spans.push([offset + delta, offset + delta + to.length]);
        delta += to.length - m.length;
        return to;
      });
      if (spans.length === 0) continue;
      r.injected += spans.length;
      const before = lintNumbers(text).filter((f) => kindOf(f) === plan.kind).length;
      const findings = lintNumbers(mutated).filter((f) => kindOf(f) === plan.kind);
      const hit = (f: Finding, [a, b]: [number, number]): boolean => f.start < b && a < f.end;
      for (const span of spans) {
        const f = findings.find((x) => hit(x, span));
        if (!f) continue;
        r.detected++;
        const excerpt = `${mutated.slice(Math.max(0, f.start - 12), f.start)}【${mutated.slice(f.start, f.end)}】${mutated.slice(f.end, f.end + 12)}`.replace(/\r?\n/g, '⏎');
        r.hits.push({ file, kind: plan.kind, finding: f, excerpt });
      }
      r.elsewhere += Math.max(0, findings.filter((f) => !spans.some((sp) => hit(f, sp))).length - before);
    }
  }
  return [...byKind.values()];
}

/**
 * Texts the rules were not tuned on: the three verbatim official texts and the ECSpell
 * official-document sentences (corrected column), for an out-of-sample false-alarm check.
 */
export function otherTexts(): Array<{ name: string; chars: number; findings: CorpusFinding[] }> {
  const odw = (col: number): string =>
    ['odw.train', 'odw.test']
      .map((f) => readFileSync(requireShared('corpus', 'ecspell-odw', f)).split('\n').map((l) => l.split('\t')[col] ?? '').join('\n'))
      .join('\n');
  const texts: Array<[string, string]> = [
    ['gov_work_report_2022.txt', readFileSync(requireShared('corpus', 'gov_work_report_2022.txt'))],
    ['guofa_2019_28_wending_jiuye.txt', readFileSync(requireShared('corpus', 'guofa_2019_28_wending_jiuye.txt'))],
    ['guobanfa_2020_52_yanglao_tuoyu.txt', readFileSync(requireShared('corpus', 'guobanfa_2020_52_yanglao_tuoyu.txt'))],
    ['ecspell-odw (corrected sentences)', odw(2)],
  ];
  return texts.map(([name, text]) => {
    const findings = lint(text, { rules: [deDiDe, numberFormat], dictionaries: { entries: [] } as never }).findings.map((f) => ({
      file: name,
      kind: kindOf(f),
      finding: f,
      excerpt: `${text.slice(Math.max(0, f.start - 15), f.start)}【${text.slice(f.start, f.end)}】${text.slice(f.end, f.end + 15)}`.replace(/\r?\n/g, '⏎'),
    }));
    return { name, chars: text.length, findings };
  });
}

/**
 * Time of each rule's own check over the whole corpus (documents built once; dictionary loaded
 * before), best of `reps` runs, as wall and CPU milliseconds. CPU time is the steadier number on
 * a shared machine.
 */
export function benchRules(reps = 3): Array<{ rule: string; wallMs: number; cpuMs: number }> {
  const dir = requireShared('corpus', 'gov-docs');
  const docs = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => new LintDocument(readFileSync(path.join(dir, f))));
  segmenter.tag('预热');
  const out: Array<{ rule: string; wallMs: number; cpuMs: number }> = [];
  for (const rule of [deDiDe, numberFormat] as Rule[]) {
    let wall = Infinity;
    let cpu = Infinity;
    for (let r = 0; r < reps; r++) {
      const t = process.hrtime.bigint();
      const c0 = process.cpuUsage();
      for (const doc of docs) {
        rule.check({ doc, options: {}, segmenter, report: () => undefined, date: { iso: '2024-01-01', origin: '' }, dictionaries: {} as never });
      }
      const c = process.cpuUsage(c0);
      wall = Math.min(wall, Number(process.hrtime.bigint() - t) / 1e6);
      cpu = Math.min(cpu, (c.user + c.system) / 1000);
    }
    out.push({ rule: rule.meta.id, wallMs: Math.round(wall), cpuMs: Math.round(cpu) });
  }
  return out;
}

function readFileSync(p: string): string {
  return fs.readFileSync(p, 'utf8');
}

function main(): void {
  const args = process.argv.slice(2);
  const arg = (name: string, def: string): string => {
    const i = args.indexOf(name);
    return i >= 0 && args[i + 1] ? args[i + 1] : def;
  };
  if (args.includes('--inject') || args.includes('--inject-numbers')) {
    const n = Number(arg('--sample', '0'));
    for (const r of args.includes('--inject-numbers') ? injectNumberErrors() : injectErrors()) {
      console.log(`${r.kind}: injected ${r.injected}, detected ${r.detected} (${((100 * r.detected) / Math.max(1, r.injected)).toFixed(1)}%), findings elsewhere ${r.elsewhere}`);
      let i = 0;
      for (const h of sample(r.hits, n, Number(arg('--seed', '1')))) {
        const f = h.finding;
        const fixes = f.fix ? `fix→${f.fix.text || '(删)'}` : (f.suggestions ?? []).map((s) => s.edit.text || '(删)').join('/');
        console.log(`${++i}\t${h.file}:${f.line + 1}\t${h.excerpt}\t${fixes}`);
      }
    }
    return;
  }
  if (args.includes('--bench')) {
    for (const b of benchRules(Number(arg('--reps', '5')))) console.log(`${b.rule}: best of runs ${b.wallMs} ms wall, ${b.cpuMs} ms CPU over the corpus`);
    return;
  }
  if (args.includes('--other')) {
    for (const t of otherTexts()) {
      console.log(`${t.name}: ${t.chars} chars, ${t.findings.length} findings`);
      for (const f of t.findings) console.log(`\t${f.kind}\t${f.finding.line + 1}\t${f.excerpt}`);
    }
    return;
  }
  const run = runCorpus();
  const picked = sample(run.findings, Number(arg('--sample', '40')), Number(arg('--seed', '1')));
  if (args.includes('--json')) {
    console.log(JSON.stringify({ ...run, findings: undefined, sample: picked.map((p) => ({ file: p.file, kind: p.kind, line: p.finding.line + 1, excerpt: p.excerpt })) }, null, 2));
    return;
  }
  console.log(`files ${run.files}, chars ${run.chars}`);
  console.log(`segmenter: dictionary load ${run.segmenterLoadMs.toFixed(0)} ms; de-di-de tagged ${run.charsTagged} chars in ${run.windows} windows (${((100 * run.charsTagged) / run.chars).toFixed(2)}% of chars scanned)`);
  console.log(`lint time (de-di-de + number-format, all files): ${run.lintMs.toFixed(0)} ms`);
  for (const k of Object.keys(run.counts).sort()) console.log(`  ${k}: ${run.counts[k]}`);
  console.log('');
  let i = 0;
  for (const p of picked) console.log(`${++i}\t${p.kind}\t${p.file}:${p.finding.line + 1}\t${p.excerpt}`);
}

if (require.main === module) main();
