import type { LintDocument, Range } from '../../engine/document';
import type { Report, Rule, RuleContext } from '../../engine/types';
import { contentStart, headingMarkerAt, isArticleHeading, isAttachmentLine } from './headings';
import { formatCnNumber, parseCnNumber } from '../../engine/numerals';

const BASIS = '公文写作实务（序列“一是……二是……”“第一，第二，”“首先……其次……”应连续编号、不混用；预告的条数应与实际一致）；GB/T 15834-2011 4.4.3（逗号的基本用法：“第”字头、“其”字头及“首先”类序次语之后用逗号）、4.5.3.3（顿号只用于不带括号的汉字数字或“天干地支”类序次语之后）';

type Form = '是' | '要' | '第';

interface Marker {
  family: 'numeric' | 'ordinal';
  form: Form | 'ordinal';
  value: number;
  /** Offsets of the whole marker (一是 / 第一， / 首先). */
  start: number;
  end: number;
  text: string;
  atParagraphStart: boolean;
}

interface Series {
  family: Marker['family'];
  first: Marker;
  last: Marker;
  /** Highest value reached. */
  max: number;
  items: Marker[];
  /** Set once the series saw a gap, repeat or order problem: its count is unreliable. */
  broken: boolean;
}

const ORDINALS: Record<string, number> = { 首先: 1, 其次: 2, 再次: 3, 最后: 99 };
// Clause start: what may stand right before a series marker.
const CLAUSE_BEFORE = /[，。；：！？,;:!?”"’）)\s\u3000\u0000]/;
// X要 that is a word, not a series item: 三要素, 一要求.
const YAO_WORDS = /^[素求件点务闻害地塞员]/;
// 讲五点意见 / 提出以下三点要求 / 抓好四个方面 / 做好以下两项工作.
// 主要有以下五个方面 / 包括如下三项: weaker verbs only with 以下/如下.
const COUNT_RE = /(?:(?:讲|谈|提出|强调|抓好|做好|做到|突出|把握好?|注意|抓住|汇报|说)(?:以下|如下|这)?|(?:有|包括|分为|归纳为|概括为)(?:以下|如下))([两二三四五六七八九十]{1,3})(点|个方面|个问题|项|条)(?:意见|要求|建议|看法|体会|想法|工作|措施|任务|内容|问题|原则)?(?=[：:。，,；;]|$)/g;

/**
 * Series in running text: 一是…二是…, 第一，第二，, 首先…其次…再次…最后. A series runs inside one
 * paragraph (一是…；二是…) or across paragraphs that each open with the next item; a series may
 * nest inside an item of another (二是… 一是…二是…三是…). Gaps, repeats, reversed order and
 * mixed forms (一是…二要…) are reported, and so is an announced count (讲五点意见) that the
 * series after it does not meet. Headings, articles and attachments end every open series.
 */
export const seriesNumbering: Rule = {
  meta: {
    id: 'series-numbering',
    category: 'structure',
    description: '“一是……二是……”“第一，第二，”“首先……其次……”等序列应连续、不重复、不混用，预告的条数应与实际一致',
    defaultSeverity: 'warn',
    fixable: true,
    basis: BASIS,
    basisLevel: '实务',
    docs: 'rules/docs/series-numbering.md',
  },
  check(ctx) {
    const doc = ctx.doc;
    const all: Series[] = [];
    const track = new Tracker(ctx, all);
    const paragraphs = paragraphsOf(doc);
    const anchors = new Anchors(doc.prose);
    for (const p of paragraphs) {
      // A heading ends every open series; a run-in heading (（二）基本原则。一是…) may open one.
      if (p.heading) track.closeAll();
      track.startParagraph();
      for (const m of findMarkers(doc, p, anchors)) {
        track.add(m);
      }
      track.endParagraph();
    }
    checkCounts(ctx, paragraphs, all);
  },
};

interface Paragraph extends Range {
  /** Where the text starts (after indentation, Markdown markup or list bullet). */
  textStart: number;
  /** Where the line's text starts, heading marker included. */
  lineStart: number;
  heading: boolean;
}

function paragraphsOf(doc: LintDocument): Paragraph[] {
  const out: Paragraph[] = [];
  let inFence = false;
  const allLines = doc.lines();
  let li = 0;
  for (const para of doc.paragraphs()) {
    // Lines of a Markdown paragraph: a heading or a list item starts a paragraph of its own.
    while (li < allLines.length && allLines[li].start < para.start) li++;
    const lines: Range[] = [];
    for (let j = li; j < allLines.length && allLines[j].end <= para.end; j++) lines.push(allLines[j]);
    let current: Paragraph | undefined;
    for (const line of lines) {
      const raw = doc.format === 'markdown' ? doc.text.slice(line.start, line.end) : '';
      if (doc.format === 'markdown' && /^\s{0,3}(```|~~~)/.test(raw)) {
        inFence = !inFence;
        current = undefined;
        continue;
      }
      if (inFence) continue;
      let at = contentStart(doc, line);
      const isMdHeading = doc.format === 'markdown' && /^\s{0,3}#{1,6}\s/.test(raw);
      const bullet = doc.format === 'markdown' ? /^[-*+]\s+/.exec(doc.prose.slice(at, line.end)) : null;
      if (bullet) at += bullet[0].length;
      const marker = headingMarkerAt(doc.prose, at, line.end);
      const heading = isMdHeading || isArticleHeading(doc.prose, at) || isAttachmentLine(doc.prose, at) || marker !== undefined;
      if (heading) {
        const hm = marker;
        out.push({ start: line.start, end: line.end, textStart: hm ? hm.end : at, lineStart: at, heading: true });
        current = undefined;
        continue;
      }
      if (!current || doc.format !== 'markdown' || bullet) {
        current = { start: line.start, end: line.end, textStart: at, lineStart: at, heading: false };
        out.push(current);
      } else current.end = line.end;
    }
  }
  return out;
}

function findMarkers(doc: LintDocument, p: Paragraph, anchors: Anchors): Marker[] {
  const prose = doc.prose;
  const out: Marker[] = [];
  for (const m of anchors.markersIn(p)) {
    const { start, end } = m;
    const atParagraphStart = !p.heading && start === p.textStart;
    if (!atParagraphStart && !CLAUSE_BEFORE.test(prose[start - 1] ?? '\n')) continue;
    const after = prose[end] ?? '';
    if (m.ordinal !== undefined) {
      const value = ORDINALS[m.ordinal];
      const next = prose[end] ?? '';
      if (value === 99 && !/[，,]/.test(next)) continue;
      out.push({ family: 'ordinal', form: 'ordinal', value, start, end, text: m.text, atParagraphStart });
      continue;
    }
    const value = parseCnNumber(m.numeral);
    if (value === undefined || formatCnNumber(value) !== m.numeral) continue;
    const di = m.di;
    const sep = m.sep;
    if (di) {
      if (sep === '是' || sep === '要') continue;
      // 第一、二批 / 第二、三产业: a list of ordinals, not a series item.
      if (!/^[\u4e00-\u9fff“]/.test(after) || /^[一二三四五六七八九十]/.test(after)) continue;
    } else {
      if (sep !== '是' && sep !== '要') continue;
      if (sep === '要' && YAO_WORDS.test(after)) continue;
      // 一是一，二是二 (an idiom): the paragraph holds X是X and X， follows this X是.
      if (sep === '是' && prose.startsWith(`${m.numeral}，`, end) && end + m.numeral.length + 1 <= p.end && includesWithin(prose, `${m.numeral}是${m.numeral}`, p.start, p.end)) continue;
    }
    out.push({ family: 'numeric', form: di ? '第' : (sep as Form), value, start, end, text: m.text, atParagraphStart });
  }
  return out;
}

interface RawMarker {
  start: number;
  end: number;
  text: string;
  /** 第 written before the numeral. */
  di: boolean;
  numeral: string;
  sep: string;
  /** 首先 / 其次 / 再次 / 最后. */
  ordinal: string | undefined;
}

/** A numeral directly followed by a separator (一是, 二要, 三，, 四、): where a numbered marker ends. */
const NUMERAL_SEP = /[一二三四五六七八九十][是要，、,]/g;
const ORDINAL_WORD = /首先|其次|再次|最后/g;
const NUMERAL_CHARS = '一二三四五六七八九十';

/**
 * Where the markers of `(第)?([一二三四五六七八九十]{1,3})(是|要|[，、,])|(首先|其次|再次|最后)(?=[，,要是])`
 * can be, found once per document by two native searches: the separator of every numeral +
 * separator pair, and every ordinal word. Per paragraph, markersIn() turns them into exactly the
 * matches that pattern finds in the paragraph's text: a numbered marker is the run of numerals
 * before its separator (inside the paragraph), three at most (a longer run matches from its last
 * three), with 第 before a run of at most three; an ordinal word needs one of ，,要是 after it,
 * inside the paragraph. The two kinds share no character, so they never overlap, and sorting
 * them by anchor (separator, ordinal start) sorts them by start.
 */
class Anchors {
  /** Separator offsets of numbered markers and start offsets of ordinal words, ascending. */
  private readonly at: number[] = [];
  private readonly ordinal: boolean[] = [];
  private next = 0;

  constructor(private readonly prose: string) {
    const seps: number[] = [];
    NUMERAL_SEP.lastIndex = 0;
    for (let m = NUMERAL_SEP.exec(prose); m; m = NUMERAL_SEP.exec(prose)) seps.push(m.index + 1);
    const words: number[] = [];
    ORDINAL_WORD.lastIndex = 0;
    for (let m = ORDINAL_WORD.exec(prose); m; m = ORDINAL_WORD.exec(prose)) words.push(m.index);
    let i = 0;
    let j = 0;
    while (i < seps.length || j < words.length) {
      if (j >= words.length || (i < seps.length && seps[i] < words[j])) {
        this.at.push(seps[i++]);
        this.ordinal.push(false);
      } else {
        this.at.push(words[j++]);
        this.ordinal.push(true);
      }
    }
  }

  /** The markers of paragraph `p`, in order; paragraphs must come in order. */
  markersIn(p: Range): RawMarker[] {
    const prose = this.prose;
    const out: RawMarker[] = [];
    while (this.next < this.at.length && this.at[this.next] < p.start) this.next++;
    for (; this.next < this.at.length && this.at[this.next] < p.end; this.next++) {
      const k = this.at[this.next];
      if (this.ordinal[this.next]) {
        if (k + 2 >= p.end) continue;
        const next = prose[k + 2];
        if (next !== '，' && next !== ',' && next !== '要' && next !== '是') continue;
        const word = prose.slice(k, k + 2);
        out.push({ start: k, end: k + 2, text: word, di: false, numeral: '', sep: '', ordinal: word });
        continue;
      }
      // The numerals before the separator at k, inside the paragraph (four means four or more).
      let r = k;
      while (r > p.start && k - r < 4 && NUMERAL_CHARS.includes(prose[r - 1])) r--;
      if (r === k) continue;
      const di = k - r < 4 && r - 1 >= p.start && prose[r - 1] === '第';
      const from = k - r < 4 ? r : k - 3;
      const start = di ? r - 1 : from;
      out.push({ start, end: k + 1, text: prose.slice(start, k + 1), di, numeral: prose.slice(from, k), sep: prose[k], ordinal: undefined });
    }
    return out;
  }
}

function includesWithin(s: string, needle: string, from: number, to: number): boolean {
  const at = s.indexOf(needle, from);
  return at !== -1 && at + needle.length <= to;
}

class Tracker {
  /**
   * Series opened by items at paragraph starts, per family, innermost last: a series whose items
   * each open a paragraph may nest inside an item of another one.
   */
  private outer = new Map<Marker['family'], Series[]>();
  /** Series opened inside the current paragraph, innermost last, per family. */
  private inner = new Map<Marker['family'], Series[]>();
  /** The innermost inline series of the previous paragraph, which the next paragraph may continue. */
  private lastInner = new Map<Marker['family'], Series>();

  constructor(
    private readonly ctx: RuleContext,
    private readonly all: Series[],
  ) {}

  closeAll(): void {
    this.outer.clear();
    this.inner.clear();
    this.lastInner.clear();
  }

  startParagraph(): void {
    this.inner.clear();
  }

  endParagraph(): void {
    // An inline series stays within reach of later paragraphs until another one replaces it.
    for (const [family, stack] of this.inner) if (stack.length > 0) this.lastInner.set(family, stack[stack.length - 1]);
    this.inner.clear();
  }

  add(m: Marker): void {
    const stack = this.inner.get(m.family) ?? [];
    this.inner.set(m.family, stack);
    const outers = this.outer.get(m.family) ?? [];
    this.outer.set(m.family, outers);
    const outer = outers[outers.length - 1];
    const expects = (s: Series | undefined): boolean => s !== undefined && expected(s, m);
    const push = (s: Series): void => {
      outers.push(s);
      if (outers.length > 4) outers.shift();
    };

    if (m.atParagraphStart) {
      for (let i = outers.length - 1; i >= 0; i--) {
        if (expects(outers[i])) {
          outers.length = i + 1;
          return this.append(outers[i], m);
        }
      }
      const carried = this.lastInner.get(m.family);
      if (expects(carried)) {
        push(carried as Series);
        return this.append(carried as Series, m);
      }
      if (m.value === 1) return push(this.open(m));
      if (outer) return this.misplaced(outer, m);
      if (carried) return this.misplaced(carried, m);
      if (m.family === 'numeric') this.orphan(m);
      return push(this.open(m));
    }

    for (let i = stack.length - 1; i >= 0; i--) {
      if (expects(stack[i])) {
        stack.length = i + 1;
        return this.append(stack[i], m);
      }
    }
    if (expects(outer)) {
      stack.length = 0;
      return this.append(outer, m);
    }
    const carried = stack.length === 0 ? this.lastInner.get(m.family) : undefined;
    if (expects(carried)) {
      stack.push(carried as Series);
      return this.append(carried as Series, m);
    }
    if (m.value === 1) {
      stack.push(this.open(m));
      return;
    }
    const target = stack.length > 0 ? stack[stack.length - 1] : outer;
    if (target) return this.misplaced(target, m);
    if (m.family === 'numeric') this.orphan(m);
    stack.push(this.open(m));
  }

  private open(m: Marker): Series {
    const s: Series = { family: m.family, first: m, last: m, max: m.value, items: [m], broken: false };
    this.all.push(s);
    this.checkPunctuation(m);
    return s;
  }

  private append(s: Series, m: Marker): void {
    this.checkPunctuation(m);
    if (m.family === 'numeric' && m.form !== s.first.form) this.mixed(s, m);
    s.items.push(m);
    s.last = m;
    s.max = Math.max(s.max, m.value);
  }

  private report(r: Report): void {
    this.ctx.report(r);
  }

  /** An item that does not continue its series: a repeat, a step back or a gap. */
  private misplaced(s: Series, m: Marker): void {
    s.broken = true;
    const prev = s.last;
    if (s.family === 'ordinal') {
      // 首先 … 再次 without 其次, 其次 after 再次: only order problems inside one series.
      if (m.value === 99 || prev.value === 99) return this.append(s, m);
      const want = ordinalName(prev.value + 1);
      if (m.value === prev.value) {
        this.report({ start: m.start, end: m.end, message: `序列重复：前面已有“${prev.text}”，此处又是“${m.text}”。“首先……其次……再次……最后”应依次使用（公文写作实务），此处应为“${want}”。` });
      } else if (m.value < prev.value) {
        this.report({ start: m.start, end: m.end, message: `序列顺序颠倒：“${prev.text}”之后又出现“${m.text}”。“首先……其次……再次……最后”应依次使用（公文写作实务），此处应为“${want}”。` });
      } else {
        this.report({ start: m.start, end: m.end, message: `序列不连续：“${prev.text}”之后应为“${want}”，此处为“${m.text}”。“首先……其次……再次……最后”应依次使用（公文写作实务）。` });
      }
      return this.append(s, m);
    }
    const name = (v: number): string => itemName(s.first.form as Form, v);
    const want = name(prev.value + 1);
    let message: string;
    if (m.value === prev.value) message = `序列编号重复：前面已有“${name(prev.value)}”，此处又是“${m.text}”，应为“${want}”。`;
    else if (m.value < prev.value) message = `序列编号顺序颠倒：“${name(prev.value)}”之后出现“${m.text}”，应为“${want}”。`;
    else {
      const missing: string[] = [];
      for (let v = prev.value + 1; v < m.value && missing.length < 5; v++) missing.push(`“${name(v)}”`);
      message = `序列编号不连续：“${name(prev.value)}”之后应为“${want}”，此处为“${m.text}”，缺少${missing.join('')}。`;
    }
    this.report({ start: m.start, end: m.end, message: `${message}“一是……二是……”等序列应依次连续编号（公文写作实务）；请检查是否漏写、多写或编错。` });
    this.append(s, m);
  }

  /** 二是 with no 一是 before it in reach. */
  private orphan(m: Marker): void {
    const first = itemName(m.form as Form, 1);
    this.report({
      start: m.start,
      end: m.end,
      message: `序列从“${m.text}”开始，前面没有“${first}”。“一是……二是……”等序列应从“${first}”起依次编号（公文写作实务）；请检查是否漏写了“${first}”或编错了序号。`,
    });
  }

  private mixed(s: Series, m: Marker): void {
    const right = itemName(s.first.form as Form, m.value);
    const replacement = s.first.form === '第' ? `${right}，` : s.first.form === '是' && m.form === '要' ? `${right}要` : right;
    const written = this.ctx.doc.text.slice(m.start, m.end);
    this.report({
      start: m.start,
      end: m.end,
      message: `同一组序列混用了“${s.first.text}”和“${m.text}”两种形式。同一组序列应统一用一种形式（公文写作实务），此处宜写作“${right}”。`,
      suggestions: written === replacement ? [] : [{ title: `改为“${replacement}”`, edit: { start: m.start, end: m.end, text: replacement } }],
    });
  }

  /** 第一、 → 第一，(GB/T 15834-2011 4.4.3: 第-prefixed ordinals take a comma; 4.5.3.3 keeps the 顿号 for 一、/甲、 only). */
  private checkPunctuation(m: Marker): void {
    if (m.form !== '第' || !m.text.endsWith('、')) return;
    this.report({
      start: m.start,
      end: m.end,
      message: `“${m.text}”后的标点应为逗号：“第”字头的序次语后用逗号，不用顿号（GB/T 15834-2011 4.4.3、4.5.3.3），应写作“${m.text.slice(0, -1)}，”。`,
      fix: { start: m.end - 1, end: m.end, text: '，' },
    });
  }
}

function expected(s: Series, m: Marker): boolean {
  if (s.family !== m.family) return false;
  if (s.family === 'ordinal') return m.value > s.last.value && s.last.value !== 99 && (m.value === s.last.value + 1 || m.value === 99);
  return m.value === s.last.value + 1;
}

function itemName(form: Form, v: number): string {
  const n = formatCnNumber(v);
  return form === '第' ? `第${n}` : `${n}${form}`;
}

function ordinalName(v: number): string {
  return v === 1 ? '首先' : v === 2 ? '其次' : v === 3 ? '再次' : '最后';
}

/**
 * 讲五点意见 followed by a series: the series that starts right after the announcement (in the
 * same paragraph or at the start of one of the next two paragraphs) must have that many items.
 * Headings (一、/（一）) after the announcement count too.
 */
function checkCounts(ctx: RuleContext, paragraphs: Paragraph[], all: Series[]): void {
  const prose = ctx.doc.prose;
  for (let m = nextCount(prose, 0); m; m = nextCount(prose, m.index + m[0].length)) {
    const stated = parseCnNumber(m[1]);
    if (stated === undefined || (formatCnNumber(stated) !== m[1] && m[1] !== '两')) continue;
    const at = m.index;
    const end = at + m[0].length;
    const pi = paragraphs.findIndex((p) => p.start <= at && at < p.end);
    if (pi === -1 || paragraphs[pi].heading) continue;
    const windowEnd = paragraphs[Math.min(paragraphs.length - 1, pi + 2)].end;
    // The first series opened after the announcement.
    const series = all.find((s) => s.first.start >= end && s.first.start <= windowEnd && s.first.value === 1 && s.family === 'numeric');
    let actual: number | undefined;
    let how = '';
    let firstAt = series?.first.start ?? Infinity;
    if (series && !series.broken) {
      actual = series.max;
      how = `“${series.first.text}”至“${series.last.text}”`;
    }
    // Or headings of one level right after it.
    const h = headingCount(ctx, paragraphs, pi + 1);
    if (h && h.start < firstAt && h.start <= windowEnd) {
      actual = h.count;
      how = `标题“${h.first}”至“${h.last}”`;
      firstAt = h.start;
    }
    if (actual === undefined || actual === stated) continue;
    const countText = m[1] + m[2];
    ctx.report({
      start: at,
      end,
      message: `预告的条数与实际不符：此处说“${countText}”，其后实际列出 ${actual} 条（${how}）。请核对条数，使预告与所列内容一致（公文写作实务）。`,
    });
  }
}

const COUNT_AT = new RegExp(COUNT_RE.source, 'y');
/** Longest verb part (把握好以下, 归纳为如下) plus two more numerals before the last one. */
const COUNT_LEAD = 7;
/** A numeral of COUNT_RE directly followed by the first character of its unit. */
const COUNT_PAIR = /[两二三四五六七八九十][点个项条]/g;

/**
 * The next match of COUNT_RE at or after `from`, as `COUNT_RE.exec` would find it, without
 * running the regex over the whole text: every match holds a numeral directly followed by
 * 点/个/项/条 and starts at most COUNT_LEAD code units before that numeral, so the regex is
 * tried (anchored) only at those starts, in order.
 */
function nextCount(prose: string, from: number): RegExpExecArray | null {
  let tried = from;
  COUNT_PAIR.lastIndex = from + 1;
  for (let pair = COUNT_PAIR.exec(prose); pair; pair = COUNT_PAIR.exec(prose)) {
    const q = pair.index;
    for (let s = Math.max(tried, q - COUNT_LEAD); s < q; s++) {
      COUNT_AT.lastIndex = s;
      const m = COUNT_AT.exec(prose);
      if (m) return m;
    }
    tried = q;
  }
  return null;
}

function headingCount(ctx: RuleContext, paragraphs: Paragraph[], from: number): { start: number; count: number; first: string; last: string } | undefined {
  const prose = ctx.doc.prose;
  let level: number | undefined;
  let count = 0;
  let start = 0;
  let first = '';
  let last = '';
  for (let i = from; i < paragraphs.length; i++) {
    const p = paragraphs[i];
    if (!p.heading) {
      if (level === undefined && i > from + 1) return undefined;
      continue;
    }
    const hm = headingMarkerAt(prose, p.lineStart, p.end);
    if (!hm) break;
    if (level === undefined) {
      if (hm.value !== 1) return undefined;
      level = hm.level;
      start = hm.start;
      first = hm.written;
    }
    if (hm.level < level) break;
    if (hm.level > level) continue;
    if (hm.value !== count + 1) {
      if (hm.value === 1) break;
      return undefined;
    }
    count = hm.value;
    last = hm.written;
  }
  return level === undefined ? undefined : { start, count, first, last };
}
