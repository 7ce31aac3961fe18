import type { RuleContext } from '../../../engine/types';
import { isAsciiDigit, isAsciiLetter, skipSpacesBackward } from '../../../engine/chars';
import { chineseAt, chineseBefore, hanAt, clauseBefore, report, smallToChinese } from './shared';

/**
 * Notation sub-checks of number-format, each called at a run of ASCII digits [start, end) by the
 * rule's single pass: pure decimals (.46), a Chinese comma inside a number (12，500), truncated
 * ISO dates (2008-8), colon and ratio sign (1:500, 20∶30) and 百分之10.
 */

/** .46 → 0.46 (据 GB/T 15835-2011 5.1.2). `dot` is the index of the '.' right before the digits. */
export function pureDecimal(ctx: RuleContext, text: string, dot: number, end: number): void {
  const before = text[dot - 1];
  // v.5, 1..5, ./a, file.46: not a number in prose. Only right after Chinese (增长.5%).
  if (isAsciiDigit(before) || isAsciiLetter(before) || (before !== undefined && '._/\\-~'.includes(before))) return;
  if (!chineseBefore(text, dot)) return;
  const after = text[end];
  if (isAsciiLetter(after) || after === '.' || after === '/' || after === '_' || after === '-') return;
  const digits = text.slice(dot + 1, end);
  report(ctx, {
    start: dot,
    end,
    message: `纯小数“.${digits}”省略了整数部分的“0”。纯小数应在小数点前写“0”（据 GB/T 15835-2011 5.1.2）。请改为“0.${digits}”。`,
    fix: { start: dot, end: dot, text: '0' },
  });
}

/** Words before a number that make 12，500 a list of two numbers rather than one number. */
const LIST_CUE = /分别|依次|各为|各自|先后|和$|与$|及$|或$/;

/**
 * 12，500 → 12500: a Chinese comma is never a thousands separator (据 GB/T 15835-2011 5.1.1:
 * 千分撇 “,” or 千分空, or no grouping). Fixed only for the one unambiguous shape: 1–3 digits, one
 * comma, exactly three digits, then Chinese, and nothing that makes it a list (分别为12，500).
 * Several groups (1，234，567) or a list cue get a message at info level without a fix; other
 * shapes (3，4 / 12，50) are lists and stay silent.
 */
export function commaInNumber(ctx: RuleContext, text: string, start: number, end: number): void {
  const left = text.slice(start, end);
  const prev = text[start - 1];
  if (left.length > 3 || prev === '，' || prev === '、' || prev === '.' || prev === '第' || isAsciiLetter(prev) || prev === ',') return;
  const groups: string[] = [];
  let pos = end;
  while (text[pos] === '，' && isAsciiDigit(text[pos + 1])) {
    let q = pos + 1;
    while (isAsciiDigit(text[q])) q++;
    groups.push(text.slice(pos + 1, q));
    pos = q;
  }
  if (groups.length === 0 || groups.some((g) => g.length !== 3)) return;
  const next = text[pos];
  if (next === '、' || next === '，' || isAsciiLetter(next)) return;
  const decimal = next === '.' && isAsciiDigit(text[pos + 1]);
  // A unit or word must follow (12，500元): 达到12，500。 may be two numbers as well.
  if (!decimal && !hanAt(text, pos) && next !== '%') return;
  const all = text.slice(start, pos);
  const joined = all.replace(/，/g, '');
  const grouped = all.replace(/，/g, ',');
  const ambiguous = groups.length > 1 || LIST_CUE.test(clauseBefore(text, start, 20));
  if (ambiguous) {
    report(
      ctx,
      {
        start,
        end: pos,
        message: `“${all}”中间用了中文逗号。如果这是一个数，数字中不能用中文逗号分节（据 GB/T 15835-2011 5.1.1，分节只用千分撇“,”或千分空，公文中一般不分节），应写作“${joined}”；如果是几个数的列举，请改用顿号或“和”，以免误读。`,
      },
      'info',
    );
    return;
  }
  report(ctx, {
    start,
    end: pos,
    message: `“${all}”中间用了中文逗号。数字中不能用中文逗号分节（据 GB/T 15835-2011 5.1.1，分节只用千分撇“,”或千分空，公文中一般不分节）。请改为“${joined}”（或“${grouped}”）。`,
    fix: { start, end: pos, text: joined },
  });
}

/**
 * 2008-8 → 2008年8月, 2008-8-8 → 2008年8月8日: the ISO form is only for a complete date with a
 * two-digit month and day (2008-08-08); a truncated one is written out (据 GB/T 15835-2011 5.1.4).
 * Called at a four-digit run followed by '-' or '－'. 2008-12 (also read as the years 2008–2012),
 * 2008-08 and month–day forms such as 8-8 (ranges: 3-5个) are left alone.
 */
const DATE_TAIL = /[-－]([0-9]{1,2})(?:([-－])([0-9]{1,2}))?/y;
const CODE_BEFORE = /(?:编号|序号|代码|代号|型号|文号|批号|证号|号码|标准|规范|图|表|附件|条款)[：:]?\s*$/;
export function truncatedDate(ctx: RuleContext, text: string, start: number, end: number): void {
  const year = Number(text.slice(start, end));
  if (year < 1900 || year > 2099) return;
  const prev = text[start - 1];
  if (isAsciiLetter(prev) || (prev !== undefined && '-－./_#:'.includes(prev))) return;
  // 编号2019-3, 文号：2019-3, 型号2019-5: a code, not a date.
  if (CODE_BEFORE.test(text.slice(Math.max(0, start - 6), start))) return;
  DATE_TAIL.lastIndex = end;
  const m = DATE_TAIL.exec(text);
  if (!m) return;
  const [all, month, sep2, day] = m;
  // The second separator must be the first one (2008-8－8 is not a date).
  if (sep2 !== undefined && sep2 !== text[end]) return;
  const stop = end + all.length;
  const after = text[stop];
  if (isAsciiDigit(after) || isAsciiLetter(after) || (after !== undefined && '-－./_%％:：'.includes(after))) return;
  // 2008-9年 / 2008-9学年 / 2021-1期: a range of years or an issue number. A full date may be
  // followed by 期间 or 前.
  if (after !== undefined && (sep2 === undefined ? '年月日号期届级季度学赛财室层栋楼座）)' : '年月日号）)').includes(after)) return;
  const mo = Number(month);
  if (mo < 1 || mo > 12) return;
  if (day === undefined) {
    if (month.length !== 1) return;
  } else {
    const d = Number(day);
    if (d < 1 || d > 31) return;
    if (month.length === 2 && day.length === 2) return; // 2008-08-08: the standard's own form
  }
  // Chinese (or a full-width space) right before it, or the start of a line of running text
  // (2019-9底前…); a date that ends its line is a 成文日期 and left to document-date.
  const context = chineseBefore(text, skipSpacesBackward(text, start)) || prev === '\u3000' || (lineStart(text, start) && chineseAt(text, stop));
  if (!context || restOfLineBlank(text, stop)) return;
  const written = `${year}年${mo}月${day === undefined ? '' : `${Number(day)}日`}`;
  report(ctx, {
    start,
    end: stop,
    message:
      day === undefined
        ? `“${text.slice(start, stop)}”是不完整的日期数字写法。用“-”分隔的写法只用于年月日齐全、月日各两位的日期（如“2008-08-08”），年月应写作“${written}”（据 GB/T 15835-2011 5.1.4）。`
        : `“${text.slice(start, stop)}”的月或日没有补足两位。用“-”分隔的日期应写作“2008-08-08”这样的完整形式，正文中一般写作“${written}”（据 GB/T 15835-2011 5.1.4）。`,
    fix: { start, end: stop, text: written },
  });
}

/** Only spaces up to the end of the line: a date ending a line is a 成文日期 (document-date's). */
function restOfLineBlank(text: string, i: number): boolean {
  let j = i;
  while (j < text.length && (text[j] === ' ' || text[j] === '\t' || text[j] === '\u3000')) j++;
  return j >= text.length || text[j] === '\n' || text[j] === '\r';
}

function lineStart(text: string, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && (text[j] === ' ' || text[j] === '\t' || text[j] === '\u3000')) j--;
  return j < 0 || text[j] === '\n' || text[j] === '\r';
}

const RIGHT_NUMBER = /[0-9]+(?:\.[0-9]+)?/y;
const TIME_CUE_BEFORE = /(?:时间|晚于|早于|不晚于|不早于|上午|下午|晚上|夜间|凌晨|中午|傍晚|每天|每日|当天|当日|次日|截至|截止|开始于|结束于)[^比]{0,4}$/;
const TIME_CUE_AFTER = /^(?:前|后|之前|之后|以前|以后|开始|结束|起|止|[-－—～至到][0-9]{1,2}[:：∶][0-9]{2})/;
/** 比 of a ratio (师生比, 比例, 之比), not of 比赛, 比较, 对比, 比如, 比照. */
const RATIO_CUE_BEFORE = /(?<!对)比(?![赛较如照起拼武])/;
const RATIO_CUE_AFTER = /^(?:的)?(?:比例|比值|配比)/;

/**
 * Colon and ratio sign between two numbers (据 GB/T 15835-2011 5.1.5 and its 4.1.1 example
 * “1∶500”): a ratio takes the ratio sign ∶ (U+2236), clock time the colon (15:40). Only with a
 * cue in the same clause: 比/比例 for a ratio, 时间/晚于/上午/…前 for a time; without one
 * (按照10:1混检) nothing is said. Called at a digit run followed by ':' '：' or '∶'.
 */
export function colonOrRatio(ctx: RuleContext, text: string, start: number, end: number): void {
  let leftStart = start;
  while (leftStart > 0 && (isAsciiDigit(text[leftStart - 1]) || text[leftStart - 1] === '.')) leftStart--;
  if (text[leftStart] === '.') return;
  const prev = text[leftStart - 1];
  if (isAsciiLetter(prev) || prev === ':' || prev === '：' || prev === '∶') return;
  const sep = text[end];
  RIGHT_NUMBER.lastIndex = end + 1;
  const m = RIGHT_NUMBER.exec(text);
  if (!m) return;
  const right = m[0];
  const stop = end + 1 + right.length;
  const after = text[stop];
  // 14:12:36 (seconds), 1:2:3 (a three-part ratio) and Latin text stay silent.
  if (after === ':' || after === '：' || after === '∶' || isAsciiLetter(after)) return;
  const left = text.slice(leftStart, end);
  const clause = clauseBefore(text, leftStart, 12);
  const tail = text.slice(stop, stop + 10);
  const timeCue = TIME_CUE_BEFORE.test(clause) || TIME_CUE_AFTER.test(tail);
  const ratioCue = RATIO_CUE_BEFORE.test(clause) || RATIO_CUE_AFTER.test(tail);
  if (sep === '∶') {
    if (!timeCue || ratioCue) return;
    if (!/^[0-9]{1,2}$/.test(left) || Number(left) > 24 || !/^[0-5][0-9]$/.test(right)) return;
    report(ctx, {
      start: leftStart,
      end: stop,
      message: `“${left}∶${right}”表示时刻，却用了比号“∶”。时刻的时、分之间用冒号（据 GB/T 15835-2011 5.1.5，示例“15:40”），比号只用于比例（如“1∶500”）。请改为“${left}:${right}”或“${Number(left)}时${right}分”。`,
      fix: { start: end, end: end + 1, text: ':' },
    });
    return;
  }
  if (!ratioCue || timeCue) return;
  report(ctx, {
    start: leftStart,
    end: stop,
    message: `“${left}${sep}${right}”表示比例，却用了冒号“${sep}”。比例应使用比号“∶”（据 GB/T 15835-2011 4.1.1 的示例“1∶500”；冒号用于时刻，如“15:40”）。请改为“${left}∶${right}”。`,
    fix: { start: end, end: end + 1, text: '∶' },
  });
}

/**
 * 百分之10 → 10% / 百分之十: one number mixes Chinese words and Arabic digits (据 GB/T 15835-2011
 * 5.1.3、5.3). Both forms are right, so two suggestions and no fix. `start` is the digit run
 * right after 百分之.
 */
export function percentInWords(ctx: RuleContext, text: string, start: number): void {
  RIGHT_NUMBER.lastIndex = start;
  const m = RIGHT_NUMBER.exec(text);
  if (!m) return;
  const num = m[0];
  const stop = start + num.length;
  if (text[stop] === '%' || text[stop] === '％' || isAsciiLetter(text[stop])) return;
  const from = start - 3;
  const words = num === '100' ? '百分之百' : smallToChinese(num) ? `百分之${smallToChinese(num)}` : undefined;
  const suggestions = [{ title: `改为“${num}%”`, edit: { start: from, end: stop, text: `${num}%` } }];
  if (words) suggestions.push({ title: `改为“${words}”`, edit: { start: from, end: stop, text: words } });
  report(ctx, {
    start: from,
    end: stop,
    message: `“百分之${num}”在一个百分数里混用了汉字和阿拉伯数字（据 GB/T 15835-2011 5.1.3、5.3：一个数应使用同一种数字形式）。请改为“${num}%”${words ? `，或在庄重的表述中写作“${words}”` : ''}。`,
    suggestions,
  });
}
