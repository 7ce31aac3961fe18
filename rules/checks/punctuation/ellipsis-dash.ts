import type { Rule, RuleContext } from '../../engine/types';
import { inChineseContext, isAsciiDigit, isAsciiLetter } from '../../engine/chars';
import { isChineseAt, isChineseBefore, isHanAt, isHanBefore } from './shared';

/**
 * Ellipsis and dash forms. The Chinese ellipsis is six dots in two character cells `……`
 * (GB/T 15834-2011 4.11); the dash is two em dashes `——` (4.10). A single `—` between two words
 * or numbers is the connector of 4.13 (2021—2025年, 北京—上海, 主城区—新城) and is left alone.
 * An ellipsis that ends an enumeration means 等 already, so 猪肝、大豆……等 uses both (附录A A.9.2):
 * two suggestions, no fix, since either one may go.
 */
/** Ellipses as written: `...` (three or more dots), `。。。`, `…` (one or more). */
const ELLIPSIS = String.raw`\.{3,}|。{3,}|…+`;

export const ellipsisDash: Rule = {
  meta: {
    id: 'ellipsis-dash',
    category: 'punctuation',
    description: '省略号应为“……”，破折号应为“——”；列举后的省略号不再与“等”“等等”连用',
    defaultSeverity: 'warn',
    fixable: true,
    basis: 'GB/T 15834-2011 4.10（破折号“——”）、4.11（省略号“……”）、4.13（连接号“—”）、附录A A.9.2（省略号和“等”“等等”不能同时使用）',
    basisLevel: '国标',
    docs: 'rules/docs/ellipsis-dash.md',
  },
  check(ctx) {
    const text = ctx.doc.prose;
    const ell = new RegExp(ELLIPSIS, 'g');
    for (let m = ell.exec(text); m; m = ell.exec(text)) {
      const s = m[0];
      const i = m.index;
      const end = i + s.length;
      if (s[0] === '…') {
        if (s.length !== 1) continue; // …… (and ………… for a whole omitted paragraph)
        if (!inChineseContext(text, i)) continue;
        if (text[i - 1] === '/' || text[i + 1] === '/') continue; // a path pattern: gov.cn/…/…
      } else if (s[0] === '.') {
        if (!inChineseContext(text, i, s.length)) continue;
      }
      ctx.report({
        start: i,
        end,
        message: `省略号应为占两个字位置的“……”，此处为“${s}”（GB/T 15834-2011 4.11）。请改为“……”。`,
        fix: { start: i, end, text: '……' },
      });
    }
    checkEllipsisWithDeng(ctx, text);
    // Dashes: `--`, `──` (box drawing), `－－` (full-width hyphen), a lone `—` used as a dash.
    const dash = /-{2,}|─{2,}|－{2,}|—+/g;
    for (let m = dash.exec(text); m; m = dash.exec(text)) {
      const s = m[0];
      const i = m.index;
      const end = i + s.length;
      if (s[0] === '—') {
        if (s.length !== 1) continue; // —— (and ———— stays: a doubled dash is not ours to judge)
        if (isConnector(text, i)) continue;
        if (!isChineseBefore(text, i) && !isChineseAt(text, end) && !atLineStartBeforeChinese(text, i)) continue;
      } else {
        if (s.length > 2 && s[0] !== '─') {
          // `---` and longer: Markdown rules and table rules, never prose dashes.
          if (!(isChineseBefore(text, i) && isChineseAt(text, end))) continue;
        }
        // 2021--2025: a range typed with two hyphens; which connector is meant is not ours to guess.
        if (isAsciiDigit(text[i - 1]) && isAsciiDigit(text[end])) continue;
        if (isAsciiLetter(text[i - 1]) || isAsciiLetter(text[end])) continue; // --option, A--B
        if (!inChineseContext(text, i, s.length)) continue;
      }
      ctx.report({
        start: i,
        end,
        message: `破折号应为占两个字位置的“——”，此处为“${s}”（GB/T 15834-2011 4.10）。请改为“——”。`,
        fix: { start: i, end, text: '——' },
      });
    }
  },
};

/** A single — between two words or numbers joins them (4.13 连接号): 2021—2025, 北京—上海. */
function isConnector(text: string, i: number): boolean {
  const before = isHanBefore(text, i) || isAsciiDigit(text[i - 1]) || isAsciiLetter(text[i - 1]) || text[i - 1] === '）' || text[i - 1] === '》' || text[i - 1] === '%';
  const after = isHanAt(text, i + 1) || isAsciiDigit(text[i + 1]) || isAsciiLetter(text[i + 1]) || text[i + 1] === '（' || text[i + 1] === '《';
  return before && after;
}

/** `—经济保持恢复发展`: a lead dash at the start of a paragraph (after indentation). */
function atLineStartBeforeChinese(text: string, i: number): boolean {
  let k = i;
  while (k > 0 && /[ \t\u3000]/.test(text[k - 1])) k--;
  return (k === 0 || text[k - 1] === '\n' || text[k - 1] === '\r') && isChineseAt(text, i + 1);
}

/**
 * `猪肝、大豆……等`: an ellipsis (any of the forms above) followed by 等 or 等等 that ends an
 * enumeration — a 、 earlier in the same clause. 等 that starts another word is left alone:
 * `……等到`, `……等待`, `……等级`, `……等于` (a quotation's ellipsis may be followed by them).
 */
function checkEllipsisWithDeng(ctx: RuleContext, text: string): void {
  const re = new RegExp(`(?:${ELLIPSIS})[ \u3000]*(等等|等)`, 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    const word = m[1];
    const dengStart = end - word.length;
    let ellEnd = start;
    while (ellEnd < dengStart && /[.。…]/.test(text[ellEnd])) ellEnd++;
    if (word === '等' && startsOtherWord(text, end)) continue;
    if (!enumerationBefore(text, start)) continue;
    // 猪肝、大豆、……等: without the ellipsis, the 顿号 before 等 goes too (no 顿号 before 等).
    const dropFrom = text[start - 1] === '、' || text[start - 1] === '，' ? start - 1 : start;
    ctx.report({
      start,
      end,
      message: `省略号和“${word}”不能同时使用：表示列举未尽时，省略号的作用与“等”“等等”相同，二者只用其一（GB/T 15834-2011 附录A A.9.2）。请删去省略号，或删去“${word}”。`,
      suggestions: [
        { title: '删去省略号', edit: { start: dropFrom, end: dengStart, text: '' } },
        { title: `删去“${word}”`, edit: { start: ellEnd, end, text: '' } },
      ],
    });
  }
}

/** 等 as the first character of another word: 等到、等待、等候、等级、等于、等同、等量… */
function startsOtherWord(text: string, after: number): boolean {
  const c = text[after];
  if (c === undefined) return false;
  if ('到待候级于量价效值额比距高腰边号式闲着了过'.includes(c)) return true;
  if (c === '同') return text[after + 1] !== '类'; // 等同于 but 等同类产品
  if (c === '一') return /^一(下|会|等)/.test(text.slice(after, after + 2)); // 等一下, not 等一批
  return false;
}

/** A 、 earlier in the same clause: the ellipsis closes an enumeration. */
function enumerationBefore(text: string, at: number): boolean {
  for (let k = at - 1; k >= 0 && at - k <= 200; k--) {
    const c = text[k];
    if (c === '、') return true;
    if ('。！？；：\n\r'.includes(c) || c === '\u0000') return false;
  }
  return false;
}
