import type { Report, Rule, RuleContext, Severity } from '../../engine/types';
import { isAsciiDigit } from '../../engine/chars';
import { approximateWithJi, decreaseByTimes } from './number-format/approximate';
import { fixedExpression, monthDayName } from './number-format/fixed-expressions';
import { colonOrRatio, commaInNumber, percentInWords, pureDecimal, truncatedDate } from './number-format/notation';

/**
 * Number forms from GB/T 15835-2011《出版物上数字用法》. Each sub-check is a character pattern;
 * none needs segmentation. Sub-checks whose findings on real documents are not reliably errors
 * report at info level (see docs/reports/language-corpus.md). The sub-checks added later live in
 * number-format/ (approximate.ts: 几 and 倍; fixed-expressions.ts: 十四届全国人大二次会议, 党的二十大,
 * “十四五”, 六方会谈, “一二·九”运动; notation.ts: .46, 12，500, 2008-8, 1:500 / 20∶30, 百分之10) and
 * hook into the same single pass.
 */

const CN_DIGITS = '一二三四五六七八九';
const cnValue = (c: string): number => CN_DIGITS.indexOf(c) + 1;

/** Measure words and numeral units after an approximate number (三四个, 五六十年). */
const MEASURES = '个天日年岁人名次倍家项条种位件所户成周十百千万亿元米株只台辆批期届';

/** Words after 千/百 that make them part of a unit, not a numeral (3千米, 5千瓦, 3百分点). */
const UNIT_AFTER_QIAN_BAI = /^(?:米|克|瓦|伏|帕|焦|卡|赫|兆|字|分|吨|升|公里|平方米|立方米)/;

/** Words that end in 近/约 and are not approximation markers (最近, 附近, 节约, 制约…). */
const NOT_JIN = '最附邻靠就亲临逼贴迫远';
const NOT_YUE = '节制预签履违公条合契邀特简集相如缔解毁践守爽立租聘誓密隐婉俭盟';

const FULL_WIDTH_DIGITS = /[０-９][０-９0-9．.]*/y;

export const numberFormat: Rule = {
  meta: {
    id: 'number-format',
    category: 'number',
    description: '数字用法：年份、概数、数值范围、约数、数字形式混用、全角数字、固定说法、月日简称、百分数、小数、分节、日期、比号与时刻（GB/T 15835-2011）',
    defaultSeverity: 'warn',
    fixable: true,
    basis: 'GB/T 15835-2011《出版物上数字用法》4.1.1、4.2.2、4.2.3、4.3、5.1.1、5.1.2、5.1.3、5.1.4、5.1.5、5.1.7、5.2.1、5.2.3、5.2.5、5.3',
    basisLevel: '国标',
    docs: 'rules/docs/number-format.md',
  },
  check(ctx) {
    const text = ctx.doc.prose;
    // One pass over the text finds every place a sub-check can start; each sub-check then runs a
    // sticky pattern there. (Seven global patterns over the whole text cost about twice as much.)
    const seen = new Set<number>();
    const year = (i: number): void => {
      for (let p = Math.max(0, i - 3); p <= i; p++) if (!seen.has(p) && chineseYearZero(ctx, text, p)) seen.add(p);
    };
    // Runs of digits start most sub-checks; 零/O (years), 、 (概数) and 近/约 the others. Plain
    // indexOf scans and one digit pattern cost far less than one pattern with alternatives.
    let fullWidthEnd = -1;
    DIGIT_RUN.lastIndex = 0;
    for (let m = DIGIT_RUN.exec(text); m; m = DIGIT_RUN.exec(text)) {
      const i = m.index;
      const a = m[0];
      const end = i + a.length;
      if (hasFullWidthDigit(a)) {
        if (i >= fullWidthEnd) fullWidthEnd = fullWidthDigits(ctx, text, i + a.search(/[０-９]/));
        if (a.length === 1) year(i);
        continue;
      }
      if (a === '0') year(i);
      const next = text[end];
      const prev = text[i - 1];
      if (next === '年') twoDigitYear(ctx, text, i);
      else if (next === '十' || next === '百' || next === '千') mixedNumerals(ctx, text, i);
      else if (next === '、') approximateWithDunhao(ctx, text, end - 1);
      else if (next === '，') {
        if (isAsciiDigit(text[end + 1])) commaInNumber(ctx, text, i, end);
      } else if (next === '-' || next === '－') {
        if (a.length === 4) truncatedDate(ctx, text, i, end);
      } else if (next === ':' || next === '：' || next === '∶') {
        if (isAsciiDigit(text[end + 1])) colonOrRatio(ctx, text, i, end);
      } else if (next !== undefined && FIXED_NEXT.includes(next)) fixedExpression(ctx, text, i, end);
      if (next === '几' || prev === '几') approximateWithJi(ctx, text, i, end);
      if (prev === '.') pureDecimal(ctx, text, i - 1, end);
      else {
        rangeUnits(ctx, text, i);
        if (prev === '之' && text[i - 2] === '分' && text[i - 3] === '百') percentInWords(ctx, text, i);
      }
    }
    // Named events (“一二·九”运动) and 倍 for a decrease: plain indexOf scans for their anchors.
    // (indexOf('变') plus a look at the character before costs less than indexOf('事变'): 事 is frequent.)
    for (let i = text.indexOf('运动'); i !== -1; i = text.indexOf('运动', i + 2)) monthDayName(ctx, text, i, '运动');
    for (let i = text.indexOf('变'); i !== -1; i = text.indexOf('变', i + 1)) if (text[i - 1] === '事') monthDayName(ctx, text, i - 1, '事变');
    for (let i = text.indexOf('倍'); i !== -1; i = text.indexOf('倍', i + 1)) decreaseByTimes(ctx, text, i);
    for (const z of ['零', 'O', 'o', 'Ｏ']) for (let i = text.indexOf(z); i !== -1; i = text.indexOf(z, i + 1)) year(i);
    DUNHAO_ANCHOR.lastIndex = 0;
    for (let m = DUNHAO_ANCHOR.exec(text); m; m = DUNHAO_ANCHOR.exec(text)) approximateWithDunhao(ctx, text, m.index - 1);
    for (const marker of ['近', '约']) {
      for (let i = text.indexOf(marker); i !== -1; i = text.indexOf(marker, i + 1)) {
        if (!APPROX_NEXT.test(text[i + 1] ?? '')) continue;
        const two = text.slice(i - 1, i + 1);
        doubledApproximation(ctx, text, two === '将近' || two === '接近' || two === '大约' ? i - 1 : i);
      }
    }
  },
};

const DIGIT_RUN = /[0-9０-９]+/g;

/** Whether a run of digits holds a full-width one (０-９): what /[０-９]/.test(run) says, without a regex per run. */
function hasFullWidthDigit(run: string): boolean {
  for (let k = 0; k < run.length; k++) {
    const c = run.charCodeAt(k);
    if (c >= 0xff10 && c <= 0xff19) return true;
  }
  return false;
}
/** Characters after a digit run that can start a fixed expression (14届, 20大, 14五, 6方会谈, 4中全会, 2次会议). */
const FIXED_NEXT = '届大五次中方';
const DUNHAO_ANCHOR = /、[一二三四五六七八九十]/g;
const APPROX_NEXT = /[0-9〇一二三四五六七八九十百千两]/;

function report(ctx: RuleContext, r: Report, severity?: Severity): void {
  ctx.report(severity ? { ...r, severity } : r);
}

/** 二零二二年 / 二O二二年 / 二0二二年 → 二〇二二年 (GB/T 15835-2011 5.2.5). */
function chineseYearZero(ctx: RuleContext, text: string, at: number): boolean {
  YEAR.lastIndex = at;
  const m = YEAR.exec(text);
  if (!m) return false;
  const year = m[0].slice(0, 4);
  if (!/[零OoＯ0０]/.test(year)) return false;
  // Part of a longer numeral (一千零二年…) or of Latin text: leave it.
  const before = text[at - 1];
  if (before !== undefined && /[〇零一二三四五六七八九十百千万A-Za-z0-9]/.test(before)) return false;
  const fixed = year.replace(/[零OoＯ0０]/g, '〇');
  report(ctx, {
    start: at,
    end: at + 4,
    message: `用汉字数字书写的年份，“零”应写作“〇”（GB/T 15835-2011 5.2.5），不用“零”、字母“O”或阿拉伯数字“0”。请改为“${fixed}年”。`,
    fix: { start: at, end: at + 4, text: fixed },
  });
  return true;
}
const YEAR = /[一二][〇零OoＯ0０一二三四五六七八九]{3}年/y;

/** 22年3月 → 2022年3月: a year is never cut to two digits (GB/T 15835-2011 5.1.4 注). */
function twoDigitYear(ctx: RuleContext, text: string, at: number): void {
  TWO_DIGIT_YEAR.lastIndex = at;
  const m = TWO_DIGIT_YEAR.exec(text);
  if (!m || /[0-9０-９.．]/.test(text[at - 1] ?? '')) return;
  report(ctx, {
    start: at,
    end: at + 3,
    message: `年份“${m[0]}”只写了两位数。年份应写全，不能简写（GB/T 15835-2011 5.1.4：“1990年”不写为“90年”）。请写出完整的四位年份。`,
  });
}
/** 22年3月, 22年度, 22年底/末/初, 22年上半年: only year readings, never a duration (40年来, 10年初步…). */
const TWO_DIGIT_YEAR = /[0-9]{2}年(?=(?:[1-9]|1[0-2])月|度|底|末|初(?!步)|[上下]半年)/y;

/** 三、四个 / 3、4个 → 三四个: adjacent numerals of an approximate number take no 顿号 (4.2.2, 5.2.1). */
function approximateWithDunhao(ctx: RuleContext, text: string, at: number): void {
  if (at < 0) return;
  DUNHAO.lastIndex = at;
  const m = DUNHAO.exec(text);
  if (m) {
    const [a, b] = [m[1], m[2]];
    const arabic = /[0-9]/.test(a);
    if (arabic !== /[0-9]/.test(b)) return;
    const va = arabic ? Number(a) : cnValue(a);
    const vb = arabic ? Number(b) : cnValue(b);
    if (vb !== va + 1) return;
    const start = m.index;
    const before = text[start - 1];
    // 第二、三产业 / 一、二、三个 (a list) / 十二、三个 with Arabic digits… are not this pattern.
    if (before === '第' || before === '、' || (before !== undefined && /[0-9.]/.test(before))) return;
    // 一、 at the start of a line is a heading number (三、四川省…).
    if (isLineStart(text, start)) return;
    const after = text.slice(start + 3, start + 6);
    // Contracted ordinals: 二、三产业, 三、四季度, 一、二年级, 二、三级, 一、二类.
    if (/^(?:产业|季度|年级|级|类|等|档|批次|期工程|号|月)/.test(after) || (text[start + 3] === '年' && /^(级|度)/.test(text.slice(start + 4)))) return;
    const unit = text[start + 3];
    if (!MEASURES.includes(unit)) return;
    const chinese = arabic ? `${CN_DIGITS[va - 1]}${CN_DIGITS[vb - 1]}` : `${a}${b}`;
    report(ctx, {
      start,
      end: start + 3,
      message:
        `“${m[0]}${unit}”是相邻两个数字连用表示的概数，应使用汉字数字，两数之间不用顿号（GB/T 15835-2011 4.2.2、5.2.1）。请改为“${chinese}${unit}”。`,
      fix: { start, end: start + 3, text: chinese },
    });
  }
}

const DUNHAO = /([一二三四五六七八九]|[1-9])、([一二三四五六七八九十]|[1-9])(?=[个天日年岁人名次倍家项条种位件所户成周十百千万亿元米株只台辆批期届])/y;

function isLineStart(text: string, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && (text[j] === ' ' || text[j] === '\t' || text[j] === '\u3000')) j--;
  return j < 0 || text[j] === '\n' || text[j] === '\r';
}

/**
 * 15～30% → 15%～30%; 9～16亿 → 9亿～16亿; 13～17万元 → 13万元～17万元 (5.1.3: in a range of
 * percentages or of numbers with 万/亿, both ends carry the sign or unit).
 */
const RANGE = /([0-9]+(?:\.[0-9]+)?)(\s*[～~〜\-－—至到]\s*)([0-9]+(?:\.[0-9]+)?)(%|％|万亿|万|亿)(元)?/y;
function rangeUnits(ctx: RuleContext, text: string, at: number): void {
  if (/[0-9.％%]/.test(text[at - 1] ?? '')) return;
  RANGE.lastIndex = at;
  const m = RANGE.exec(text);
  if (m) {
    const [, first, sep, , unit, yuan] = m;
    // 2019-2022年 and other ranges without %/万/亿 never match; dates like 3-5% are fine to flag.
    if (sep.trim() === '-' && /[0-9]-$/.test(text.slice(m.index - 2, m.index))) return;
    const insertAt = m.index + first.length;
    const inserted = unit + (yuan ?? '');
    const rewritten = `${first}${inserted}${sep}${m[3]}${unit}${yuan ?? ''}`;
    const isPercent = unit === '%' || unit === '％';
    report(ctx, {
      start: m.index,
      end: m.index + m[0].length,
      message: isPercent
        ? `数值范围“${m[0]}”的前一个数缺少百分号，易误读为“${first}”到“${m[3]}${unit}”。起止两个百分数都应带“%”（GB/T 15835-2011 5.1.3：“15%～30%”不写为“15～30%”）。请改为“${rewritten}”。`
        : `数值范围“${m[0]}”的前一个数缺少“${inserted}”，易误读为“${first}”到“${m[3]}${inserted}”。用“${unit}”作单位的数值范围，起止两个数都应带“${unit}”（GB/T 15835-2011 5.1.3：“9亿～16亿”不写为“9～16亿”）。请改为“${rewritten}”。`,
      fix: { start: insertAt, end: insertAt, text: inserted },
    });
  }
}

/** 近200余人, 约200人左右: one approximation marker is enough. */
const APPROX = /(将近|接近|大约|约|近)([0-9]+(?:\.[0-9]+)?|[〇一二三四五六七八九十百千两]+)(?:万|亿)?(?:(余|多)|([^，。；、！？：\s0-9]{0,4}?)(左右))/y;
function doubledApproximation(ctx: RuleContext, text: string, at: number): void {
  APPROX.lastIndex = at;
  const m = APPROX.exec(text);
  if (m) {
    const [all, marker, number, more, middle, around] = m;
    const before = text[m.index - 1];
    if (marker === '近' && before !== undefined && NOT_JIN.includes(before)) return;
    if (marker === '约' && before !== undefined && NOT_YUE.includes(before)) return;
    void number;
    void middle;
    const markerEnd = m.index + marker.length;
    const suffix = around ?? more;
    const suffixStart = m.index + all.length - suffix.length;
    const withoutMarker = all.slice(marker.length);
    const withoutSuffix = all.slice(0, all.length - suffix.length);
    report(ctx, {
      start: m.index,
      end: m.index + all.length,
      message:
        `“${all}”中“${marker}”和“${suffix}”都表示约数，重复了。只保留一个，写作“${withoutMarker}”或“${withoutSuffix}”（GB/T 15835-2011 的示例“约300人”“50多人”“40左右”都只用一个约数标记）。`,
      // Editorial practice rather than a clause of the standard: never more than a warning.
      severity: 'warn',
      suggestions: [
        { title: `改为“${withoutMarker}”（删去“${marker}”）`, edit: { start: m.index, end: markerEnd, text: '' } },
        { title: `改为“${withoutSuffix}”（删去“${suffix}”）`, edit: { start: suffixStart, end: suffixStart + suffix.length, text: '' } },
      ],
    });
  }
}

/** 4千 → 4000 / 四千: Arabic digits with 十/百/千 inside one number (5.3); 万/亿 are allowed. */
const MIXED = /([0-9]+)(十|百|千)/y;
function mixedNumerals(ctx: RuleContext, text: string, at: number): void {
  if (/[0-9.A-Za-z]/.test(text[at - 1] ?? '')) return;
  MIXED.lastIndex = at;
  const m = MIXED.exec(text);
  if (m) {
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 4);
    if (m[2] !== '十' && UNIT_AFTER_QIAN_BAI.test(after)) return; // 3千米, 5千瓦, 3百分点
    if (m[2] === '十' && /^分/.test(after)) return; // 10十分 is not a number
    const digits = m[1];
    const scale = m[2] === '十' ? 10 : m[2] === '百' ? 100 : 1000;
    const value = Number(digits) * scale;
    const hint = Number.isSafeInteger(value) && digits.length <= 3 ? `“${value}”` : '全用阿拉伯数字';
    report(ctx, {
      start: m.index,
      end: m.index + m[0].length,
      message:
        `“${m[0]}”在一个数里混用了阿拉伯数字和汉字数字“${m[2]}”。除“万”“亿”可作单位外，一个数应使用同一种数字（GB/T 15835-2011 5.3）。请改为${hint}或全用汉字数字。`,
    });
  }
}

/** ２０２２ → 2022: Arabic numerals are half-width characters. Returns where the number ends. */
function fullWidthDigits(ctx: RuleContext, text: string, at: number): number {
  FULL_WIDTH_DIGITS.lastIndex = at;
  const m = FULL_WIDTH_DIGITS.exec(text);
  if (!m) return at;
  // Inside a year in Chinese numerals (二０二二年) the zero is reported as a year zero instead.
  if (/[一二三四五六七八九〇]/.test(text[m.index - 1] ?? '') || /[一二三四五六七八九〇]/.test(text[m.index + m[0].length] ?? '')) return at + m[0].length;
  let s = m[0];
  // A trailing dot is sentence punctuation, not a decimal point.
  while (s.endsWith('.') || s.endsWith('．')) s = s.slice(0, -1);
  const half = s.replace(/[０-９．]/g, (c) => (c === '．' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
  report(ctx, {
    start: m.index,
    end: m.index + s.length,
    message: `“${s}”使用了全角数字。阿拉伯数字一般应占半个汉字位置，即使用半角形式（GB/T 15835-2011 5.1.7）。请改为“${half}”。`,
    // The standard words this as 一般应: never more than a warning.
    severity: 'warn',
    fix: { start: m.index, end: m.index + s.length, text: half },
  });
  return m.index + m[0].length;
}
