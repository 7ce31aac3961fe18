import type { Report, Rule } from '../../engine/types';
import type { SegmenterHandle, TaggedWord } from '../../engine/segmenter-types';
import {
  ACTION_VERBS,
  ADVERBIALS,
  COMPLEMENT_ADJECTIVES,
  DEGREE_WORDS,
  DI_ADJECTIVES,
  MODALS,
  NOMINAL_TAILS,
  NOUN_HEADS,
  WORDS_ENDING_IN_DE,
} from './lexicon';

/**
 * 的/地/得 misuse, judged from the words around the particle:
 *   - adverbial + 的 + verb with an object      → 地 (or no particle): 坚定不移的推进改革
 *   - verb/adjective + 的 + degree complement   → 得: 落实的不到位, 抓的很紧
 *   - adverbial/adjective + 地 + noun head      → 的: 显著地成效
 *   - doubled particles                         → one: 工作的的重点, 取得得成绩
 *
 * Cost: a cheap character test runs at every 的/地/得; only the clause around a particle that
 * passes it is segmented, so a document without such candidates never loads the segmenter.
 */

/** Clause delimiters: the window handed to the segmenter never crosses them. */
const DELIMITERS = new Set('。！？；，、：\r\n\u0000（）()“”‘’"《》「」『』【】〔〕…—!?;:,. \t\u3000'.split(''));
const MAX_SIDE = 40;

/** Counters for the benchmark (chars scanned vs chars handed to the segmenter). */
export const deDiDeStats = { charsScanned: 0, charsTagged: 0, windows: 0 };
export function resetDeDiDeStats(): void {
  deDiDeStats.charsScanned = 0;
  deDiDeStats.charsTagged = 0;
  deDiDeStats.windows = 0;
}

interface Word extends TaggedWord {
  end: number;
}

interface Clause {
  start: number;
  end: number;
  words: Word[];
}

interface Tagger {
  clauseAt(i: number): Clause;
}

/** The clause around offset `i` that is handed to the segmenter. */
function clauseWindow(text: string, i: number): { start: number; end: number } {
  let start = i;
  while (start > 0 && i - start < MAX_SIDE && !DELIMITERS.has(text[start - 1])) start--;
  let end = i + 1;
  while (end < text.length && end - i < MAX_SIDE && !DELIMITERS.has(text[end])) end++;
  // Never cut a surrogate pair at the window edges.
  if (isLowSurrogate(text.charCodeAt(start))) start++;
  if (isHighSurrogate(text.charCodeAt(end - 1))) end--;
  return { start, end };
}

/** Tags each clause at most once per run. */
class ClauseTagger implements Tagger {
  private readonly cache = new Map<number, Clause>();
  constructor(
    private readonly text: string,
    private readonly segmenter: SegmenterHandle,
  ) {}

  clauseAt(i: number): Clause {
    const text = this.text;
    const { start, end } = clauseWindow(text, i);
    const cached = this.cache.get(start);
    if (cached && cached.end === end) return cached;
    const slice = text.slice(start, end);
    deDiDeStats.charsTagged += slice.length;
    deDiDeStats.windows++;
    const words = this.segmenter.tag(slice).map((w) => ({ word: w.word, tag: w.tag, start: start + w.start, end: start + w.start + w.word.length }));
    const clause = { start, end, words };
    this.cache.set(start, clause);
    return clause;
  }
}

/** Records the clauses the rule asks for and answers with no words. */
class WindowRecorder implements Tagger {
  readonly windows = new Set<string>();
  calls = 0;
  constructor(private readonly text: string) {}

  clauseAt(i: number): Clause {
    this.calls++;
    const { start, end } = clauseWindow(this.text, i);
    this.windows.add(this.text.slice(start, end));
    return { start, end, words: [] };
  }
}

/**
 * Particles worth a look, by text, left by deDiDeWindows for the rule's own run on the same text:
 * where that run without words tagged, reported or skipped. Everywhere else the cheap character
 * tests (which do not depend on words) clear the particle, so the run with words would find
 * nothing there either; it visits only these. A few texts at most (the CLI's read-ahead).
 */
const visitHints = new Map<string, number[]>();
const VISIT_HINTS_KEPT = 64;

/**
 * The clauses of `text` this rule would hand to the segmenter, found by running it with no words
 * (what a cheap character test cannot clear). A face can have them tagged ahead, in one batch
 * (the CLI's segmenter thread). A guess only: with real words the rule may ask for a few others,
 * which are then tagged when asked for.
 */
export function deDiDeWindows(text: string): string[] {
  const recorder = new WindowRecorder(text);
  const visit: number[] = [];
  try {
    scanParticles(text, recorder, () => undefined, undefined, { recorder, visit });
    if (visitHints.size >= VISIT_HINTS_KEPT) visitHints.delete(visitHints.keys().next().value as string);
    visitHints.set(text, visit);
  } catch {
    // Without words some test may fail on an empty clause; what was recorded so far still helps
    // (and the rule then visits every particle itself).
  }
  return [...recorder.windows];
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

function indexOfWordAt(words: Word[], offset: number): number {
  for (let k = 0; k < words.length; k++) if (words[k].start <= offset && offset < words[k].end) return k;
  return -1;
}

/** 认认真真, 踏踏实实: AABB reduplication. */
function isAabb(w: string): boolean {
  return w.length === 4 && w[0] === w[1] && w[2] === w[3] && w[0] !== w[2] && /^[\u4e00-\u9fff]+$/.test(w);
}

/** The adverbial/adjective word that ends right before offset `i`, by characters only. */
function lexiconWordBefore(text: string, i: number, lexicon: ReadonlySet<string>, extra?: ReadonlySet<string>): string | undefined {
  if (!LAST_CHARS.has(text[i - 1]) && !(text[i - 1] === text[i - 2])) return undefined;
  for (let len = 5; len >= 2; len--) {
    if (i - len < 0) continue;
    const w = text.slice(i - len, i);
    if (lexicon.has(w) || extra?.has(w) || (len === 4 && isAabb(w))) return w;
  }
  return undefined;
}

const verbsByFirstChar = new Map<string, string[]>();
for (const v of ACTION_VERBS) verbsByFirstChar.set(v[0], [...(verbsByFirstChar.get(v[0]) ?? []), v]);
function startsWithActionVerb(text: string, at: number): boolean {
  const list = verbsByFirstChar.get(text[at]);
  return list !== undefined && list.some((v) => text.startsWith(v, at));
}
/** A modal word within the few characters before `at` (要更加积极…): a superset test, tags decide. */
function modalNear(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 6), at);
  for (const m of MODALS) if (before.includes(m)) return true;
  return false;
}

const LAST_CHARS = new Set([...ADVERBIALS, ...DI_ADJECTIVES].map((w) => w[w.length - 1]));
const DEGREE_FIRST_CHARS = new Set(DEGREE_WORDS.map((w) => w[0]));

const DELIM_CLASS = '。！？；，、：\\r\\n\\u0000（）()“”‘’"《》「」『』【】〔〕…—!?;:,. \\t\\u3000';
/** 的 + degree word + adjective, then the clause ends: the shape of a complement. */
const COMPLEMENT = new RegExp(`(?:${DEGREE_WORDS.join('|')})(?:${COMPLEMENT_ADJECTIVES.join('|')})(?=$|[${DELIM_CLASS}])`, 'y');

/** Degree adverbs that may stand between a modal and the adverbial (要更加积极地…). */
const INTENSIFIERS = new Set(['更加', '更', '更为', '十分', '非常', '很', '最', '越来越', '较为', '进一步', '始终', '一直', '都', '也', '还', '再']);
/** Before the adverbial: a pronoun subject or an adverb (我们坚定不移…, 都积极…); a noun there is too often part of a noun phrase (业务系统的对接). */
const SUBJECT_TAGS = new Set(['r', 'd']);
/** Verbs that often modify a noun directly (统计信息, 执法体系, 创新生态): not taken as predicates. */
const ATTRIBUTIVE_VERBS = new Set([
  '统计', '执法', '量化', '创新', '操作', '减税', '涉事', '就业', '管理', '服务', '监督', '投资', '融合', '发展', '评价',
  '考核', '应急', '治理', '监测', '监管', '运营', '运行', '经营', '生产', '消费', '交易', '规划', '设计', '研发', '培训',
  '教育', '评估', '审批', '办事', '办理', '竞争', '流动', '增长', '协作', '合作', '交流', '联动', '共享', '参与', '决策',
]);
const MODIFIER_TAGS = new Set(['a', 'ad', 'i', 'l', 'z', 'b']);
const NOUN_SUBJECT_TAGS = new Set(['n', 'nr', 'ns', 'nt', 'nz', 'j']);
const PREPOSITIONS = new Set(['把', '将', '为', '同', '与', '向', '对', '从', '按照', '依照', '依据', '围绕']);

export const deDiDe: Rule = {
  meta: {
    id: 'de-di-de',
    category: 'wording',
    description: '“的”“地”“得”用法：状语后用“地”，补语前用“得”，定语后用“的”',
    defaultSeverity: 'warn',
    fixable: true,
    basis: '《现代汉语词典》（第7版）“的”“地”“得”条；现代汉语语法规范（定语—的、状语—地、补语—得）',
    basisLevel: '实务',
    docs: 'rules/docs/de-di-de.md',
    needsSegmenter: true,
  },
  check(ctx) {
    const text = ctx.doc.prose;
    deDiDeStats.charsScanned += text.length;
    const only = visitHints.get(text);
    if (only) visitHints.delete(text);
    scanParticles(text, new ClauseTagger(text, ctx.segmenter), (r) => ctx.report(r), only);
  },
};

/**
 * Visits the particles of `text` (or only `only`, in that order) and reports what it finds. With
 * `probe`, notes in probe.visit every particle where it tagged, reported or skipped.
 */
function scanParticles(text: string, tagger: Tagger, emit: (r: Report) => void, only?: readonly number[], probe?: { recorder: WindowRecorder; visit: number[] }): void {
  const reported = new Set<number>();
  const report = (r: Report, at: number): void => {
    if (reported.has(at)) return;
    reported.add(at);
    emit(r);
  };
  const visit = (i: number, ch: string): void => {
    if (reported.has(i - 1) && text[i - 1] === ch) {
      probe?.visit.push(i);
      return; // second half of a doubled pair
    }
    const calls = probe?.recorder.calls ?? 0;
    let r: Report | undefined;
    if (text[i + 1] === ch) r = doubled(text, i, ch, tagger);
    if (!r && ch === '的') r = deAfterAdverbial(text, i, tagger) ?? deBeforeComplement(text, i, tagger);
    else if (!r && ch === '地') r = diBeforeNoun(text, i, tagger);
    if (r) report(r, i);
    if (probe && (r || probe.recorder.calls !== calls)) probe.visit.push(i);
  };
  if (only) {
    for (const i of only) visit(i, text[i]);
    return;
  }
  // indexOf per particle is much faster than visiting every character.
  for (const ch of ['的', '地', '得']) {
    for (let i = text.indexOf(ch); i !== -1; i = text.indexOf(ch, i + 1)) visit(i, ch);
  }
}

/** 坚定不移的推进改革 → 坚定不移地推进改革 / 坚定不移推进改革. */
function deAfterAdverbial(text: string, i: number, tagger: Tagger): Report | undefined {
  // Cheap tests first: an adverbial ends before 的 and an action verb starts after it.
  const advChars = lexiconWordBefore(text, i, ADVERBIALS);
  if (!advChars) return undefined;
  // …and either an action verb follows or a modal stands shortly before (the only case where
  // another verb is accepted below). Otherwise there is nothing to tag.
  const advStart = i - advChars.length;
  const atClauseStart = advStart === 0 || (DELIMITERS.has(text[advStart - 1]) && text[advStart - 1] !== '、');
  if (!startsWithActionVerb(text, i + 1) && !modalNear(text, advStart) && !atClauseStart) return undefined;
  const { words } = tagger.clauseAt(i);
  const k = indexOfWordAt(words, i);
  if (k < 1 || words[k].word !== '的' || k + 1 >= words.length) return undefined;
  let adv = words[k - 1];
  let advIndex = k - 1;
  // jieba splits 有针对性 / 有计划 into 有 + 针对性 / 计划: join them back.
  if (k >= 2 && words[k - 2].word === '有' && ADVERBIALS.has(`有${adv.word}`)) {
    adv = { word: `有${adv.word}`, tag: 'd', start: words[k - 2].start, end: adv.end };
    advIndex = k - 2;
  }
  if (adv.end !== i || !(ADVERBIALS.has(adv.word) || isAabb(adv.word))) return undefined;
  // 毫不动摇的长久坚持, 有重点的持续推进: an adverb may stand between 的 and the verb.
  let vi = k + 1;
  if ((words[vi].tag === 'd' || words[vi].tag === 'vd') && vi + 1 < words.length && (ACTION_VERBS.has(words[vi + 1].word) || words[vi + 1].tag === 'v')) vi++;
  const verb = words[vi];
  // 坚定自觉的把…, 更好的为人民服务: a preposition after 的 opens the adverbial's verb phrase.
  const isPrep = verb.tag === 'p' && PREPOSITIONS.has(verb.word) && words.slice(vi + 1).some((w) => w.tag.startsWith('v') || w.tag === 'l' || w.tag === 'i');
  // jieba keeps some verb–object phrases as one word (推进改革/l, 开展调查/l): a verb with its object.
  const verbObjectWord = (verb.tag === 'l' || verb.tag === 'i') && verb.word.length >= 4 && ACTION_VERBS.has(verb.word.slice(0, 2));
  const isAction = ACTION_VERBS.has(verb.word) || verbObjectWord;
  if (!isPrep && !isAction && verb.tag !== 'v') return undefined;
  // Left: the adverbial must not sit inside an object or prepositional phrase
  // (实行严格的…制度, 以严格的标准…, 进行认真的研究).
  let p = advIndex - 1;
  while (p >= 0 && INTENSIFIERS.has(words[p].word)) p--;
  const before = p >= 0 ? words[p] : undefined;
  const afterModal = before !== undefined && MODALS.has(before.word);
  // Allowed before the adverbial: nothing (clause start), a modal, a pronoun or adverb, another
  // adverbial (及时有针对性的, 坚定自觉的) and, before an action verb, a noun subject (政策更好的贯彻落实…).
  const leftOk =
    !before ||
    afterModal ||
    SUBJECT_TAGS.has(before.tag) ||
    ADVERBIALS.has(before.word) ||
    (before.tag === 'a' && before.end === adv.start && (isAction || isPrep)) ||
    ((isAction || isPrep) && NOUN_SUBJECT_TAGS.has(before.tag));
  if (!leftOk) return undefined;
  // A left context that leaves no doubt the adverbial heads a predicate: clause start (not after
  // 、), a pronoun subject, an adverb or another adverbial.
  const cleanLeft = before ? SUBJECT_TAGS.has(before.tag) || ADVERBIALS.has(before.word) : text[adv.start - 1] !== '、';
  if (!isPrep) {
    // A verb outside the action-verb list (统计, 减税, 执法…) is often the first half of a compound
    // noun (统计信息, 执法保障体系); accept it only after a modal (要积极的争取…).
    if (!isAction && !afterModal && (ATTRIBUTIVE_VERBS.has(verb.word) || verb.word.length < 2 || !cleanLeft)) return undefined;
    // 安全、科学的操作规范: the last of a series of attributes joined by 、 may be an attribute.
    if (!before && text[adv.start - 1] === '、' && !isAction) return undefined;
    // Right: the verb takes an object or an aspect particle (推进改革, 推进了); a bare verb at the
    // end of the clause counts only after a modal (要认真的贯彻落实。).
    const next = words[vi + 1];
    if (next) {
      // 积极的推动作用, 有效的实施方式: a noun head right after the verb makes the phrase nominal;
      // so does a later 的 + noun head (积极的推动改革的措施).
      if (NOUN_HEADS.has(next.word) || (next.word.length > 2 && NOUN_HEADS.has(next.word.slice(0, 2)))) return undefined;
      for (let q = vi + 1; q < words.length - 1; q++) if (words[q].word === '的' && NOUN_HEADS.has(words[q + 1].word)) return undefined;
      if (NOMINAL_TAILS.has(words[words.length - 1].word)) return undefined;
      // 公平有序的融合发展新环境: the clause ends in a noun head with no second verb on the way.
      const last = words[words.length - 1];
      // (At a clean clause start the verb phrase reading wins: 严肃认真的对待群众意见.)
      if (!cleanLeft && NOUN_HEADS.has(last.word) && !words.slice(vi + 1, words.length - 1).some((w) => w.tag === 'v')) return undefined;
    } else if (!afterModal && !verbObjectWord) {
      return undefined;
    }
  }
  // 坚定自觉的把…: jieba splits 坚定/自觉; show the whole adverbial chain.
  if (before && before.end === adv.start && (ADVERBIALS.has(before.word) || before.tag === 'a')) {
    adv = { word: text.slice(before.start, adv.end), tag: adv.tag, start: before.start, end: adv.end };
  }
  const verbText = text.slice(i + 1, verb.end);
  const phrase = `${adv.word}的${verbText}`;
  return {
    start: adv.start,
    end: verb.end,
    message:
      `“${phrase}”中，“${adv.word}”修饰${isPrep ? `后面由“${verb.word}”引出的动作` : `动词${verbObjectWord ? '短语' : ''}“${verb.word}”`}，是状语；状语后用“地”，不用“的”（“的”用在定语后）。` +
      `请改为“${adv.word}地${verbText}”，或按公文习惯省去助词，写作“${adv.word}${verbText}”。`,
    suggestions: [
      { title: `改为“${adv.word}地${verbText}”`, edit: { start: i, end: i + 1, text: '地' } },
      { title: `改为“${adv.word}${verbText}”（删去“的”）`, edit: { start: i, end: i + 1, text: '' } },
    ],
  };
}

/** 落实的不到位 → 落实得不到位; 抓的很紧 → 抓得很紧. */
function deBeforeComplement(text: string, i: number, tagger: Tagger): Report | undefined {
  if (!DEGREE_FIRST_CHARS.has(text[i + 1])) return undefined;
  COMPLEMENT.lastIndex = i + 1;
  const m = COMPLEMENT.exec(text);
  if (!m) return undefined;
  const { words } = tagger.clauseAt(i);
  const k = indexOfWordAt(words, i);
  if (k < 1 || words[k].word !== '的') return undefined;
  const head = words[k - 1];
  // Only a verb or adjective takes a complement; 工作的不到位 (noun) is nominal.
  // 把革命老区建设的更好: after 把/将 a verb jieba tags as noun-verb (vn) is a verb too.
  const afterBa = head.tag === 'vn' && words.slice(0, k - 1).some((w) => w.word === '把' || w.word === '将');
  if (head.end !== i || (head.tag !== 'v' && head.tag !== 'a' && !afterBa)) return undefined;
  // The complement must be whole words of the clause, not the start of a longer word.
  const complementEnd = i + 1 + m[0].length;
  if (!words.some((w) => w.end === complementEnd)) return undefined;
  const complement = m[0];
  return {
    start: head.start,
    end: complementEnd,
    message:
      `“${head.word}的${complement}”中，“${complement}”补充说明“${head.word}”的程度或结果，是补语；补语前用“得”，不用“的”。` +
      `请改为“${head.word}得${complement}”。`,
    fix: { start: i, end: i + 1, text: '得' },
  };
}

/** 显著地成效 → 显著的成效. */
function diBeforeNoun(text: string, i: number, tagger: Tagger): Report | undefined {
  const adjChars = lexiconWordBefore(text, i, ADVERBIALS, DI_ADJECTIVES);
  const endsInXing = text[i - 1] === '性' && text[i - 2] !== undefined && !DELIMITERS.has(text[i - 2]);
  if (!adjChars && !endsInXing) return undefined;
  const { words } = tagger.clauseAt(i);
  const k = indexOfWordAt(words, i);
  if (k < 1 || words[k].word !== '地' || k + 1 >= words.length) return undefined;
  const mod = words[k - 1];
  if (mod.end !== i) return undefined;
  // The modifier: a listed adverbial/adjective, an X性 word, or a word jieba tags as an adjective
  // or idiom (行之有效, 权威高效).
  if (!(ADVERBIALS.has(mod.word) || DI_ADJECTIVES.has(mod.word) || isAabb(mod.word) || mod.word.endsWith('性') || MODIFIER_TAGS.has(mod.tag))) return undefined;
  const noun = words[k + 1];
  // A noun head (显著地成效), or a noun word that starts with one (有针对性地政策措施, 有力地制度保障).
  const isHead = NOUN_HEADS.has(noun.word) || (noun.tag === 'n' && noun.word.length > 2 && NOUN_HEADS.has(noun.word.slice(0, 2)));
  if (!isHead) return undefined;
  // 有针对性地措施: jieba splits 有/针对性; show and cover the whole modifier.
  const modStart = mod.word.endsWith('性') && k >= 2 && words[k - 2].word === '有' ? words[k - 2].start : mod.start;
  const modText = text.slice(modStart, mod.end);
  return {
    start: modStart,
    end: noun.end,
    message:
      `“${modText}地${noun.word}”中，“${noun.word}”是名词，“${modText}”是它的定语；定语后用“的”，不用“地”（“地”用在状语后、动词前）。` +
      `请改为“${modText}的${noun.word}”。`,
    fix: { start: i, end: i + 1, text: '的' },
  };
}

/** 工作的的重点 / 认真地地学习 / 取得得成绩: one particle too many. */
function doubled(text: string, i: number, ch: string, tagger: Tagger): Report | undefined {
  if (ch === '的') {
    if (text.startsWith('的的确确', i)) return undefined;
    const upTo = text.slice(Math.max(0, i - 4), i + 1);
    if (WORDS_ENDING_IN_DE.some((w) => upTo.endsWith(w))) return undefined; // 以营利为目的的
    // 有的的确…, 目的的确…: the second 的 starts the word 的确.
    if (text[i + 2] === '确') return undefined;
  } else {
    const { words } = tagger.clauseAt(i);
    const k2 = indexOfWordAt(words, i + 1);
    if (k2 < 0) return undefined;
    const second = words[k2];
    const pairToken = second.start === i && second.end === i + 2 && second.tag === 'x';
    if (!pairToken) {
      // The second character must be a particle on its own (各地地方, 地地道道 are words).
      if (second.start !== i + 1 || second.end !== i + 2) return undefined;
      const first = words[indexOfWordAt(words, i)];
      if (ch === '地' && !(first.start === i && first.end === i + 1)) return undefined;
    }
  }
  const name = `“${ch}${ch}”`;
  return {
    start: i,
    end: i + 2,
    message: `${name}重复了助词“${ch}”，多打了一个字。请删去一个“${ch}”。`,
    fix: { start: i + 1, end: i + 2, text: '' },
  };
}
