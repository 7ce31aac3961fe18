import * as fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import type { Rule } from '../../rules/engine/types';
import type { CompiledDictionaries } from '../../rules/engine/dictionary-types';

/**
 * Random documents for the property tests: mixes of Chinese, ASCII, full-width punctuation, astral
 * characters, the three line-break styles, Markdown constructs and inline directives. The pieces
 * lean towards what 公文 rules look for (numbers, dates, headings, formulations, half-width marks
 * in Chinese), so that fixes are actually exercised, not only silence.
 */

/** Common characters plus the ones 公文 rules care about. */
const HAN = '的一是在不了有和人这中大为上个国我以要时来们到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反明看原又利比或但质气第向道命此变条只没结解问意建月公无系军情者最立代想已通并提直题党程展五果象员革位入常文总次品式活设及管特件长求基资流路级少图统接知较将组见计别手期根论运农指几九区强放决被做必战先回则任取据处队给色光门即保治造百规领七海口导器压志世金增争济阶思术极交受联认六共权收证改清己美再采转更单风切教速带安场身车例真务具万每目至达走积示议报完类八离华名确才科张信马节话米整空元况今集传许步群广石记需段研界律且究观织影算持音众书布复容须际商非验连断深难近千周委素技备半办青省列习响约支般史感劳便团往历市何除消构府称准精值号率族维划选标写存候亲效院查型按格养易置层片始专状育厂京识适属包住调满县局照参细引听该价严';

const HAN_CHARS = [...HAN];

/** Fragments of official-document language, some correct, some with the usual mistakes. */
const FRAGMENTS = [
  '坚持以人民为中心的发展思想',
  '在以习近平同志为核心的党中央坚强领导下',
  '习近平新时代中国特色社会主义思想',
  '全面建设社会主义现代化国家',
  '各省、自治区、直辖市人民政府，国务院各部委、各直属机构：',
  '现将有关事项通知如下：',
  '特此通知。',
  '一、',
  '二、总体要求',
  '（一）',
  '(二)',
  '1.',
  '2．',
  '（1）',
  '第一,',
  '第二，',
  '首先',
  '附件：',
  '附件:1.',
  '2024年1月1日',
  '2024年13月1日',
  '二〇二四年三月五日',
  '二○二四年',
  '2022年3月5日',
  '百分之五十',
  '5%',
  '3.5%',
  '1,000',
  '12,345.6',
  '10万元',
  '1—2月',
  '2019～2022年',
  '《中华人民共和国宪法》',
  '《关于进一步加强管理的通知》（国办发〔2020〕52号）',
  '国发[2019]28号',
  '“四个意识”',
  '"四个自信"',
  '‘两个维护’',
  '(试行)',
  '......',
  '……',
  '——',
  '--',
  '～',
  '~',
  '等等。',
  '等方面',
  'XX',
  '××',
  '〔2024〕1号',
  '发改委',
  '十九届五中全会',
  '党的二十大',
  '新冠肺炎',
  '新冠病毒感染',
  '一带一路',
  '“一带一路”',
  '改革开放以来,',
  '进一步',
  '的的',
  '，，',
  '。。',
  '、、',
  '！？',
  '？',
  '?',
  '!',
  ';',
  ':',
  '；',
  '：',
];

const FULL_WIDTH = [...'，。、；：？！“”‘’（）《》〈〉【】〔〕「」『』…—～·　'];
const ASCII_PUNCT = [...',.;:!?()[]"\'-~/\\*_#`<>|'];
const ASTRAL = ['𠮷', '𩸽', '😀', '𝐀', '\u{20B9F}'];
/** Lone surrogates do not come out of a decoder, but editors can hold them mid-edit. */
const LONE_SURROGATES = ['\uD842', '\uDFB7'];

const hanRun = fc.array(fc.constantFrom(...HAN_CHARS), { minLength: 1, maxLength: 12 }).map((a) => a.join(''));
const asciiWord = fc.stringMatching(/^[A-Za-z0-9]{1,8}$/);
const spaces = fc.constantFrom(' ', '  ', '\t', '\u3000', '\u3000\u3000', '\u00A0');

export function inlineToken(extra: readonly string[]): fc.Arbitrary<string> {
  const fragments = extra.length > 0 ? [...FRAGMENTS, ...extra] : FRAGMENTS;
  return fc.oneof(
    { weight: 80, arbitrary: hanRun },
    { weight: 80, arbitrary: fc.constantFrom(...fragments) },
    { weight: 40, arbitrary: fc.constantFrom(...FULL_WIDTH) },
    { weight: 40, arbitrary: fc.constantFrom(...ASCII_PUNCT) },
    { weight: 30, arbitrary: asciiWord },
    { weight: 20, arbitrary: spaces },
    { weight: 15, arbitrary: fc.constantFrom(...ASTRAL) },
    { weight: 10, arbitrary: fc.integer({ min: 0, max: 99999 }).map(String) },
    { weight: 1, arbitrary: fc.constantFrom(...LONE_SURROGATES) },
  );
}

const urlArb = fc
  .tuple(fc.constantFrom('https://', 'http://', 'www.', 'ftp://'), fc.stringMatching(/^[a-z0-9]{1,6}$/), fc.constantFrom('.gov.cn', '.com', '.cn'), fc.constantFrom('', '/a,b', '/x?y=1;z=2', '/路径', '/(a)', '.'))
  .map((p) => p.join(''));

/** Constructs that are code or markup (masked in prose) or that carry directives. */
function inlineMarkup(ruleIds: readonly string[]): fc.Arbitrary<string> {
  const inner = fc.array(fc.constantFrom('你好,世界', 'a,b', '。', '“', '`', ' ', '——', '1.'), { maxLength: 4 }).map((a) => a.join(''));
  return fc.oneof(
    inner.map((s) => `\`${s.replace(/`/g, '')}\``),
    inner.map((s) => `\`\`${s}\`\``),
    fc.tuple(hanRun, urlArb).map(([t, u]) => `[${t}](${u})`),
    fc.tuple(hanRun, urlArb).map(([t, u]) => `![${t}](${u} "标题,")`),
    urlArb,
    urlArb.map((u) => `<${u.startsWith('www.') ? 'https://' + u : u}>`),
    fc.constantFrom('user@example.com', 'gongwen.lint@gov.cn'),
    fc.constantFrom('<b>', '</b>', '<span class="x,y">', '<br/>'),
    inner.map((s) => `<!-- ${s} -->`),
    directive(ruleIds),
  );
}

function directive(ruleIds: readonly string[]): fc.Arbitrary<string> {
  const ids = ruleIds.length > 0 ? fc.subarray([...ruleIds], { maxLength: Math.min(3, ruleIds.length) }) : fc.constant([] as string[]);
  return fc
    .tuple(fc.oneof({ weight: 12, arbitrary: fc.constantFrom('disable-next-line', 'disable-line', 'disable', 'enable') }, { weight: 1, arbitrary: fc.constant('disable-file') }), ids, fc.constantFrom('', ' -- 引用原文', ' --'))
    .map(([kind, list, reason]) => `<!-- gongwen-${kind}${list.length ? ' ' + list.join(', ') : ''}${reason} -->`);
}

function inlineLine(extra: readonly string[], ruleIds: readonly string[]): fc.Arbitrary<string> {
  return fc
    .array(fc.oneof({ weight: 6, arbitrary: inlineToken(extra) }, { weight: 1, arbitrary: inlineMarkup(ruleIds) }), { maxLength: 14 })
    .map((a) => a.join(''));
}

export type Block = string | string[];

/** A block is a line, or several lines that must stay together (joined with the document's break). */
function block(extra: readonly string[], ruleIds: readonly string[]): fc.Arbitrary<Block> {
  const line = inlineLine(extra, ruleIds);
  const codeLines = fc.array(fc.constantFrom('const a = "你好,世界";', 'x, y = 1, 2', '——', '。，', 'https://a.cn/x,y', '```', ''), { maxLength: 4 });
  return fc.oneof(
    { weight: 10, arbitrary: line },
    { weight: 2, arbitrary: line.map((l) => `${'#'.repeat(1 + (l.length % 3))} ${l}`) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom('- ', '* ', '1. ', '2) ', '> ', '　　'), line).map(([m, l]) => m + l) },
    { weight: 1, arbitrary: fc.tuple(line, line).map(([a, b]) => `| ${a} | ${b} |`) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom('```', '~~~', '````'), fc.constantFrom('', 'js', 'text'), codeLines, fc.boolean()).map(([f, lang, body, closed]) => [f + lang, ...body, ...(closed ? [f] : [])]) },
    { weight: 1, arbitrary: codeLines.map((body) => ['', ...body.map((b) => `    ${b}`)]) },
    { weight: 1, arbitrary: fc.tuple(line, line).map(([a, b]) => [`<!-- ${a}`, `${b} -->`]) },
    { weight: 2, arbitrary: directive(ruleIds) },
    { weight: 2, arbitrary: fc.constant('') },
  );
}

export interface GeneratedDoc {
  text: string;
  format: 'text' | 'markdown';
}

export interface DocOptions {
  ruleIds: readonly string[];
  /** Extra fragments, e.g. the wrong forms in the formulation dictionaries. */
  extraFragments?: readonly string[];
  /** Whole example documents (e.g. the rules' own test cases), inserted as blocks of lines. */
  snippets?: readonly string[];
  maxBlocks?: number;
}

export function documentArb(opts: DocOptions): fc.Arbitrary<GeneratedDoc> {
  const extra = opts.extraFragments ?? [];
  const frontMatter = fc.constantFrom('---\ntitle: 通知,草稿\ndate: 2024-01-01\n---', '---\n标题：测试\n---', '\uFEFF---\na: 1\n---');
  return fc
    .record({
      format: fc.constantFrom<'text' | 'markdown'>('text', 'markdown'),
      bom: fc.oneof({ weight: 7, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.constant('\uFEFF') }),
      front: fc.oneof({ weight: 5, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: frontMatter }),
      blocks: fc.array(
        opts.snippets && opts.snippets.length > 0
          ? fc.oneof({ weight: 4, arbitrary: block(extra, opts.ruleIds) }, { weight: 1, arbitrary: fc.constantFrom(...opts.snippets).map((t) => t.split(/\r\n|\r|\n/)) })
          : block(extra, opts.ruleIds),
        // 'medium': fast-check's default size keeps arrays to a handful of items whatever maxLength says.
        { maxLength: opts.maxBlocks ?? 12, size: 'medium' },
      ),
      // One style per document most of the time, mixed sometimes (files pasted together).
      eol: fc.oneof({ weight: 3, arbitrary: fc.constantFrom('\n', '\r\n', '\r') }, { weight: 1, arbitrary: fc.constant('mixed') }),
      mixed: fc.array(fc.constantFrom('\n', '\r\n', '\r', '\n\n'), { minLength: 1, maxLength: 8 }),
      trailing: fc.boolean(),
    })
    .map((r) => {
      const lines: string[] = [];
      if (r.front) lines.push(...r.front.split('\n'));
      for (const b of r.blocks) {
        if (Array.isArray(b)) lines.push(...b);
        else lines.push(b);
      }
      let text = '';
      lines.forEach((l, i) => {
        if (i > 0) text += r.eol === 'mixed' ? r.mixed[i % r.mixed.length] : r.eol;
        text += l;
      });
      if (r.trailing && lines.length > 0) text += r.eol === 'mixed' ? '\n' : r.eol;
      const bomText = r.front?.startsWith('\uFEFF') ? text : r.bom + text;
      return { text: bomText, format: r.format };
    });
}

/**
 * Short Chinese strings found in the loaded dictionaries (wrong and right forms alike), so that
 * formulation rules see text they match as the dictionaries grow. Schema-agnostic on purpose.
 */
export function dictionaryFragments(dicts: CompiledDictionaries, limit = 600): string[] {
  const out = new Set<string>();
  const visit = (v: unknown, depth: number): void => {
    if (depth > 3) return;
    if (typeof v === 'string') {
      if (v.length >= 2 && v.length <= 30 && /[\u4e00-\u9fff]/.test(v) && !/[\\^$*+?()[\]{}|]/.test(v)) out.add(v);
    } else if (Array.isArray(v)) for (const x of v) visit(x, depth + 1);
    else if (v && typeof v === 'object') for (const x of Object.values(v)) visit(x, depth + 1);
  };
  for (const e of dicts.entries) visit(e, 0);
  // An even spread over all dictionaries, not the first one only.
  const all = [...out];
  if (all.length <= limit) return all;
  const step = all.length / limit;
  return Array.from({ length: limit }, (_, i) => all[Math.floor(i * step)]);
}

/**
 * The `code` strings of the rules' own unit tests (test/unit/rules/*.test.ts): text each rule is
 * known to react to, so the properties see every rule fire, including the ones that need document
 * structure (headings, dates, numbering). Read from the sources, so new rule tests count at once.
 */
export function ruleTestSnippets(): string[] {
  const dir = path.resolve(__dirname, '..', '..', '..', 'test', 'unit', 'rules');
  let files: string[];
  try {
    files = fs.readdirSync(dir).filter((f) => f.endsWith('.test.ts'));
  } catch {
    return [];
  }
  const out = new Set<string>();
  const literal = /\bcode:\s*('(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")/g;
  for (const f of files) {
    const src = fs.readFileSync(path.join(dir, f), 'utf8');
    for (let m = literal.exec(src); m; m = literal.exec(src)) {
      const text = unquote(m[1]);
      if (text !== undefined && text.length <= 400) out.add(text);
    }
  }
  return [...out];
}

/** A single- or double-quoted TypeScript string literal without template parts. */
function unquote(lit: string): string | undefined {
  const body = lit.slice(1, -1);
  const dq = '"' + body.replace(/\\'/g, "'").replace(/(^|[^\\])"/g, '$1\\"') + '"';
  try {
    return JSON.parse(dq.replace(/\\x([0-9a-fA-F]{2})/g, '\\u00$1')) as string;
  } catch {
    return undefined;
  }
}

export function ruleIdsOf(rules: readonly Rule[]): string[] {
  return rules.map((r) => r.meta.id);
}

/** Run count: moderate for npm test, bigger via GONGWEN_PROPERTY_RUNS. */
export function propertyRuns(fallback: number): number {
  const env = Number(process.env.GONGWEN_PROPERTY_RUNS);
  return Number.isInteger(env) && env > 0 ? env : fallback;
}

/** Reproduce a failure with GONGWEN_PROPERTY_SEED (and the path fast-check prints). */
export function propertyParams(fallbackRuns: number): fc.Parameters<unknown> {
  const seed = Number(process.env.GONGWEN_PROPERTY_SEED);
  const path = process.env.GONGWEN_PROPERTY_PATH;
  return {
    numRuns: propertyRuns(fallbackRuns),
    ...(Number.isInteger(seed) ? { seed } : {}),
    ...(path ? { path } : {}),
  };
}
