import type { Rule } from '../../engine/types';
import { isAsciiDigit, isAsciiLetter, isCjkPunctuation } from '../../engine/chars';
import { charLengthBefore, isHanAt, isHanBefore } from './shared';

/**
 * ASCII spaces (and NBSP) in Chinese body text:
 *  - next to full-width punctuation (`步伐， 建设`, `一、 总体要求`): the full-width mark already
 *    carries its spacing, so the space is deleted (fix);
 *  - after a half-width point that another rule turns full-width (`步伐, 建设`): deleted as well,
 *    so that comma-width's fix and this one together give `步伐，建设`;
 *  - between two Chinese characters in a sentence (`加强领导 落实责任`): either a stray space or
 *    a missing comma, so suggestions only.
 * Only single spaces count: runs of two or more are layout (alignment, blank form fields such as
 * `年  月  日`, a flattened line break). Leading indentation, trailing spaces and the full-width
 * space U+3000 are left alone, and so are the legitimate spaces of 公文 and news copy: lines
 * without sentence punctuation (titles, name lists, tables, signatures; except the slip
 * `一、 总体要求` after a heading number and `国办发 〔2016〕83号`), the gap after a line-leading 第X条, letter-spaced words
 * (国 务 院), joint issuers (中共中央 国务院), datelines (新华社北京9月20日电 …) and a headline
 * run into its dateline, and titles quoted in 《…》.
 */

const SPACE = /[ \t\u00a0]+/g;
/** Half-width points that comma-width / punctuation-width turn full-width in Chinese context. */
const HALF_POINTS = ',;:?!';
/** Endings of organ names that are listed with spaces between them (joint issuers, 联合发文). */
const ORGAN_END = /(?:中央|国务院|军委|政府|委员会|部|委|厅|局|署|办|院|行|会|社|室|组|团|处|司|所)$/;

export const spaceAroundPunctuation: Rule = {
  meta: {
    id: 'space-around-punctuation',
    category: 'punctuation',
    description: '全角标点前后、汉字之间不应有半角空格',
    defaultSeverity: 'warn',
    fixable: true,
    basis: 'GB/T 15834-2011 第5章（标点符号的位置和书写形式：全角标点占一个字位置）；实务：正文汉字之间不空格',
    basisLevel: '国标',
    docs: 'rules/docs/space-around-punctuation.md',
  },
  check(ctx) {
    const doc = ctx.doc;
    const text = doc.prose;
    for (const line of doc.lines()) {
      const content = text.slice(line.start, line.end);
      if (!/[ \t\u00a0]/.test(content)) continue;
      // A sentence: full-width points, or half-width ones typed after Chinese (`步伐, 建设`).
      const bodyLine = /[，。；：？！]|[\u3400-\u9fff][,;:?!]/.test(content);
      SPACE.lastIndex = 0;
      for (let m = SPACE.exec(content); m; m = SPACE.exec(content)) {
        const start = line.start + m.index;
        const end = start + m[0].length;
        if (start === line.start || end === line.end) continue; // indentation, Markdown markup, trailing space
        if (/^[ \t\u3000\u00a0]*$/.test(text.slice(line.start, start))) continue; // indentation after U+3000
        const prev = text[start - 1];
        const next = text[end];
        if (prev === '\u0000' || next === '\u0000') continue; // next to code or a URL
        // Two or more spaces are layout (alignment, blank form fields, a flattened line break),
        // not a typing slip; so is the gap after a line-leading 第X条 and after a dateline.
        if (m[0].length > 1) continue;
        if (/^[ \t\u3000]*第[一二三四五六七八九十百零〇\d]+[条章节款编]$/.test(text.slice(line.start, start))) continue;
        if (/\d+日电$/.test(text.slice(Math.max(line.start, start - 12), start))) continue;
        // Outside sentences (titles, name lists, tables, signatures) spaces separate fields; only
        // the space after a line-leading ordinal (一、 （一） 1、) and the space before the 〔 of a
        // 发文字号 (国办发 〔2016〕83号; GB/T 9704-2012 7.2.5) are still slips there.
        const ordinal = /^[ \t\u3000]*(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十\d]+）|\d+、)$/.test(text.slice(line.start, start));
        if (!bodyLine && !ordinal && !(next === '〔' && isHanBefore(text, start))) continue;
        const name = m[0].includes('\u00a0') ? '不换行空格' : '空格';
        const fullBefore = isCjkPunctuation(prev) && isWordish(text, end);
        const fullAfter = isCjkPunctuation(next) && (isWordishBefore(text, start) || isCjkPunctuation(prev));
        const halfBefore = HALF_POINTS.includes(prev) && chineseBeforeHalf(text, start - 1) && (isHanAt(text, end) || isCjkPunctuation(next));
        if (fullBefore || fullAfter || halfBefore) {
          const mark = fullAfter && !fullBefore ? next : prev;
          ctx.report({
            start,
            end,
            message: `标点“${mark}”${fullAfter && !fullBefore ? '前' : '后'}有多余的${name}：中文标点占一个字的位置，前后不再加空格（GB/T 15834-2011）。请删去${name}。`,
            fix: { start, end, text: '' },
          });
          continue;
        }
        if (!isHanBefore(text, start) || !isHanAt(text, end)) continue;
        if (isLegitimateGap(text, line.start, start, end) || insideBookTitle(text, line.start, start)) continue;
        // A headline run into its dateline on one line (`加强防控 有序复工新华社北京2月9日电`).
        if (/\d+日电/.test(text.slice(end, line.end))) continue;
        ctx.report({
          start,
          end,
          message: `正文汉字之间有${name}：中文正文词语之间不加空格。若是多打的空格，请删去；若此处应停顿，请改为逗号等标点。`,
          suggestions: [
            { title: `删去${name}`, edit: { start, end, text: '' } },
            { title: '改为逗号“，”', edit: { start, end, text: '，' } },
          ],
        });
      }
    }
  },
};

function isWordish(text: string, i: number): boolean {
  return isHanAt(text, i) || isCjkPunctuation(text[i]) || isAsciiLetter(text[i]) || isAsciiDigit(text[i]);
}

function isWordishBefore(text: string, i: number): boolean {
  return isHanBefore(text, i) || isAsciiLetter(text[i - 1]) || isAsciiDigit(text[i - 1]);
}

/** The half-width point at `i` follows Chinese (so comma-width/punctuation-width convert it). */
function chineseBeforeHalf(text: string, i: number): boolean {
  return isHanBefore(text, i) || isCjkPunctuation(text[i - 1]);
}

/**
 * Spaces that 公文 and its news copy use on purpose: letter-spaced words (a single character
 * on either side), joint issuing organs, datelines and bylines.
 */
function isLegitimateGap(text: string, lineStart: number, start: number, end: number): boolean {
  const left = hanRunBefore(text, lineStart, start);
  const right = hanRunAfter(text, end);
  if (singleChar(left) || singleChar(right)) return true;
  if (ORGAN_END.test(left)) return true;
  if (/(?:记者|通讯员|摄影|摄)$/.test(left) || /^新华社/.test(right)) return true;
  return false;
}

/** A title quoted in 《…》 keeps its own spacing (《关于…工作 确保…的通知》). */
function insideBookTitle(text: string, lineStart: number, i: number): boolean {
  const before = text.slice(lineStart, i);
  return before.lastIndexOf('《') > before.lastIndexOf('》');
}

function hanRunBefore(text: string, lineStart: number, i: number): string {
  let k = i;
  while (k > lineStart && isHanBefore(text, k)) k -= charLengthBefore(text, k);
  return text.slice(k, i);
}

function hanRunAfter(text: string, i: number): string {
  let k = i;
  while (k < text.length && isHanAt(text, k)) k += (text.codePointAt(k) ?? 0) > 0xffff ? 2 : 1;
  return text.slice(i, k);
}

function singleChar(s: string): boolean {
  return [...s].length === 1;
}
