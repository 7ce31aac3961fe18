import type { RuleContext } from '../../../engine/types';
import { report, smallToChinese } from './shared';

/**
 * Fixed expressions that take Chinese numerals, from a closed list. Each entry names its source:
 *
 * - 届次 of the Party's Central Committee, the NPC and the CPPCC (十四届全国人大二次会议, 十九届四中全会)
 *   and 六方会谈: GB/T 15835-2011 4.3, whose examples are “十一届全国人大一次会议（不写为‘11届全国人大1次
 *   会议’）” and “六方会谈（不写为‘6方会谈’）”; the catalogue lists them as NUM-12 (there as 4.2.1; the clause for
 *   定型的含汉字数字的词语 is 4.2.3, see docs/reports/standard-clauses.md).
 * - 党的二十大 and the other national congresses: the official short form of 中国共产党第二十次全国代表大会
 *   is 党的二十大 (report and communiqué of the congress); written in Chinese numerals as a fixed
 *   abbreviation (GB/T 15835-2011 4.2.3: 已定型的含汉字数字的词语).
 * - “十四五” and the other five-year plans: the official name is “十四五”规划 (《中华人民共和国国民经济和社会
 *   发展第十四个五年规划和2035年远景目标纲要》); the standard's own example of a fixed abbreviation is
 *   “八五”计划 in the 1995 edition (GB/T 15835-1995 4.1.2); the 2011 edition keeps the rule for
 *   定型 words (4.2.3) without that example.
 *
 * Called at a run of ASCII digits [start, end). Only the exact shapes below are reported; 12大类,
 * 第19届亚运会, 5方面 stay silent.
 */

/** The bodies whose 届 and 次 are written in Chinese numerals. */
const BODY = '(全国人民代表大会常务委员会|全国人民代表大会|全国人大常委会|全国人大|全国政协|中央委员会|中央纪委)';
/** 14届全国人大2次会议, 19届4中全会, 14届全国人大, 19届中央委员会: the whole name from the first number. */
const SESSION = new RegExp(`([0-9]{1,2})届(?:${BODY}(?:第?([0-9]{1,2})次(?:全体)?会议)?|([0-9]{1,2})中全会)`, 'y');
/** 十四届全国人大2次会议, 十九届4中全会: the first number already in Chinese, the second in digits. */
const SECOND_AFTER_BODY = new RegExp(`[一二三四五六七八九十]+届${BODY}第?$`);

/** What follows N大 when it means a Party congress without 党的 before it. */
const CONGRESS_AFTER = /^(?:精神(?!文明)|胜利召开|召开以来|以来|代表(?!性)|报告(?:精神|提出|指出|强调)|党章)/;

/** After N五 (a five-year plan). */
const PLAN_AFTER = /^(?:规划|时期|期间)/;

export function fixedExpression(ctx: RuleContext, text: string, start: number, end: number): void {
  const digits = text.slice(start, end);
  const next = text[end];
  if (next === '届') return session(ctx, text, start);
  if ((next === '次' || next === '中') && /^[0-9]{1,2}(?:次(?:全体)?会议|中全会)/.test(text.slice(start, end + 6))) {
    // The first number in Chinese, this one in digits (十四届全国人大2次会议).
    const head = text.slice(Math.max(0, start - 24), start);
    if (!(next === '中' ? /[一二三四五六七八九十]+届$/ : SECOND_AFTER_BODY).test(head)) return;
    const cn = smallToChinese(digits);
    if (!cn) return;
    const tail = next === '中' ? '中全会' : text.slice(end).startsWith('次全体会议') ? '次全体会议' : '次会议';
    report(ctx, {
      start,
      end: end + tail.length,
      message: `“${digits}${tail}”是会议届次的固定说法，应使用汉字数字（据 GB/T 15835-2011 4.3，示例“十一届全国人大一次会议”不写为“11届全国人大1次会议”）。请改为“${cn}${tail}”。`,
      fix: { start, end, text: cn },
    });
    return;
  }
  if (next === '大') return congress(ctx, text, start, end);
  if (next === '五') return plan(ctx, text, start, end);
  if (next === '方' && text.startsWith('方会谈', end)) {
    const cn = smallToChinese(digits);
    if (!cn || Number(digits) > 9) return;
    report(ctx, {
      start,
      end: end + 3,
      message: `“${digits}方会谈”是固定说法，应使用汉字数字（据 GB/T 15835-2011 4.3，示例“六方会谈”不写为“6方会谈”）。请改为“${cn}方会谈”。`,
      fix: { start, end, text: cn },
    });
  }
}

function session(ctx: RuleContext, text: string, start: number): void {
  SESSION.lastIndex = start;
  const m = SESSION.exec(text);
  if (!m) return;
  const [all, first, , second, plenum] = m;
  const edits: Array<{ at: number; digits: string; cn: string }> = [];
  const a = smallToChinese(first);
  if (!a) return;
  edits.push({ at: start, digits: first, cn: a });
  const other = second ?? plenum;
  if (other !== undefined) {
    const b = smallToChinese(other);
    if (!b) return;
    const at = start + all.lastIndexOf(other + (plenum !== undefined ? '中' : '次'));
    edits.push({ at, digits: other, cn: b });
  }
  let fixed = '';
  let pos = start;
  for (const e of edits) {
    fixed += text.slice(pos, e.at) + e.cn;
    pos = e.at + e.digits.length;
  }
  fixed += text.slice(pos, start + all.length);
  report(ctx, {
    start,
    end: start + all.length,
    message: `“${all}”是会议届次的固定说法，应使用汉字数字（据 GB/T 15835-2011 4.3，示例“十一届全国人大一次会议”不写为“11届全国人大1次会议”）。请改为“${fixed}”。`,
    fix: { start, end: start + all.length, text: fixed },
  });
}

function congress(ctx: RuleContext, text: string, start: number, end: number): void {
  const digits = text.slice(start, end);
  const n = Number(digits);
  if (!/^[1-9][0-9]?$/.test(digits) || n > 20) return;
  const party = text.slice(Math.max(0, start - 2), start) === '党的';
  // Without 党的 only the recent congresses, and only before words that name one (20大精神).
  if (!party && (n < 15 || !CONGRESS_AFTER.test(text.slice(end + 1, end + 6)))) return;
  const cn = smallToChinese(digits) as string;
  report(ctx, {
    start,
    end: end + 1,
    message: `“${party ? '党的' : ''}${digits}大”是党的全国代表大会的简称，是固定说法，应使用汉字数字（据 GB/T 15835-2011 4.2.3，已定型的含汉字数字的词语；正式简称为“党的${cn}大”）。请改为“${cn}大”。`,
    fix: { start, end, text: cn },
  });
}

function plan(ctx: RuleContext, text: string, start: number, end: number): void {
  const digits = text.slice(start, end);
  const n = Number(digits);
  if (!/^[1-9][0-9]?$/.test(digits) || n < 6 || n > 15) return;
  const before = text[start - 1];
  const after = text[end + 1];
  // “14五” in quotation marks, or 14五规划 / 14五时期 / 14五期间 without them.
  const quoted = (before === '“' || before === '"') && (after === '”' || after === '"');
  if (!quoted && !PLAN_AFTER.test(text.slice(end + 1, end + 3))) return;
  const cn = smallToChinese(digits) as string;
  report(ctx, {
    start,
    end: end + 1,
    message: `“${digits}五”是五年规划的简称，是固定说法，应使用汉字数字（据 GB/T 15835-2011 4.2.3，已定型的含汉字数字的词语；GB/T 15835-1995 的示例即“八五”计划）。请改为“${cn}五”。`,
    fix: { start, end, text: cn },
  });
}

/**
 * “一二·九”运动, “一·二八”事变: a month–day name for January, November or December takes the
 * 间隔号 and quotation marks (据 GB/T 15835-2011 5.2.3; both are the standard's own examples).
 * A closed list: only the events the standard names. Called at each 运动 / 事变.
 */
const MONTH_DAY: Array<{ re: RegExp; inner: string; event: string }> = [
  { re: /(“|")?(一二[·•.．・。]?九)(”|")?$/, inner: '一二·九', event: '运动' },
  { re: /(“|")?(一[·•.．・。]?二八)(”|")?$/, inner: '一·二八', event: '事变' },
];

export function monthDayName(ctx: RuleContext, text: string, at: number, event: string): void {
  const before = text.slice(Math.max(0, at - 8), at);
  for (const { re, inner, event: name } of MONTH_DAY) {
    if (name !== event) continue;
    // 运动员, 运动会, 运动场: another word.
    if (event === '运动' && '员会场队'.includes(text[at + 2] ?? '')) return;
    const m = re.exec(before);
    if (!m) continue;
    const [all, open, numbers, close] = m;
    const start = at - all.length;
    // Part of a longer numeral (十一二九, 一二九九…): not the event.
    if (/[〇零一二三四五六七八九十·]/.test(text[start - 1] ?? '')) return;
    if (close && !open) return;
    // “一二九运动” (the whole name quoted) keeps its quotation marks: only the numbers change.
    const innerStart = start + (open ? open.length : 0);
    if (numbers === inner && (open || close)) return;
    const replacement = open || close ? inner : `“${inner}”`;
    const right = open && !close ? `“${inner}` : `“${inner}”${event}`;
    report(ctx, {
      start,
      end: at + event.length,
      message: `事件名称 ${all}${event} 的月日写法不对：含有一月、十一月、十二月的月日简称表示事件时，应用间隔号“·”隔开月和日，并加引号（据 GB/T 15835-2011 5.2.3，标准示例“一·二八”事变、“一二·九”运动）。请改为：${right}${open && !close ? `${event}”` : ''}。`,
      fix: { start: innerStart, end: innerStart + numbers.length, text: replacement },
    });
    return;
  }
}
