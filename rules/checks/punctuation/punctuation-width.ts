import type { Rule, RuleContext } from '../../engine/types';
import { inChineseContext, isAsciiDigit, isAsciiLetter, skipSpacesBackward, skipSpacesForward } from '../../engine/chars';
import { isChineseAt, isChineseBefore, where } from './shared';
import { findDocumentNumbers } from '../structure/document-number-pattern';

/**
 * Half-width `. ; : ? ! ( )` in Chinese text (the comma has its own rule, comma-width). Each
 * mark is checked where it stands; parentheses are fixed as a pair so that a fix never leaves
 * `（…)` behind. The year brackets of a 发文字号 (国发(2019)28号) belong to document-number.
 */

const FULL: Record<string, string> = { ';': '；', ':': '：', '?': '？', '!': '！', '.': '。' };
const NAME: Record<string, string> = { ';': '分号', ':': '冒号', '?': '问号', '!': '叹号', '.': '句号' };

export const punctuationWidth: Rule = {
  meta: {
    id: 'punctuation-width',
    category: 'punctuation',
    description: '中文语境中的半角标点“. ; : ? ! ( )”应为全角',
    defaultSeverity: 'warn',
    fixable: true,
    basis: 'GB/T 15834-2011 4.1–4.9（句号、问号、叹号、分号、冒号、括号）；中文文本使用全角标点',
    basisLevel: '国标',
    docs: 'rules/docs/punctuation-width.md',
  },
  check(ctx) {
    const text = ctx.doc.prose;
    const re = /[.;:?!]/g;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const i = m.index;
      const c = m[0];
      if (c === '.' && (text[i + 1] === '.' || text[i - 1] === '.')) continue; // `...`: ellipsis-dash
      if (!isChinesePoint(text, i, c)) continue;
      ctx.report({
        start: i,
        end: i + 1,
        message: `中文语境中应使用全角${NAME[c]}“${FULL[c]}”，此处为半角“${c}”（GB/T 15834-2011）。请改为“${FULL[c]}”。`,
        fix: { start: i, end: i + 1, text: FULL[c] },
      });
    }
    checkParentheses(ctx, text);
  },
};

function isChinesePoint(text: string, i: number, c: string): boolean {
  const prev = text[i - 1];
  const next = text[i + 1];
  if (c === '.') {
    // Only a period written right after Chinese: `发展.我们`. After a digit it is a decimal point,
    // an ordinal (`1.` is the level-3 heading marker of GB/T 9704, also inline after `；`) or a
    // version number; after a Latin letter it belongs to English (`U.S.`, `e.g.`).
    if (!isChineseBefore(text, i) || /[“‘（《〈【〔「『]/.test(prev)) return false; // “.政务”: a domain suffix
    // `通知.pdf`: a file name.
    if (isAsciiLetter(next) || isAsciiDigit(next)) return false;
    return true;
  }
  // `&nbsp;` `&#8220;`: the end of an HTML entity.
  if (c === ';' && /&#?[A-Za-z0-9]{1,10}$/.test(text.slice(Math.max(0, i - 12), i))) return false;
  if (c === ':') {
    // 15:30, 1:2, 1:50000 — times and ratios.
    if (isAsciiDigit(prev) && isAsciiDigit(next)) return false;
    // `C:\`, `::`.
    if (next === '\\' || next === '/' || prev === ':' || next === ':') return false;
  }
  if (c === '?' || c === '!') {
    // `吗??` `吗?!`: a run of ? and ! shares the context of its ends.
    let a = i;
    let b = i + 1;
    while (a > 0 && (text[a - 1] === '?' || text[a - 1] === '!')) a--;
    while (b < text.length && (text[b] === '?' || text[b] === '!')) b++;
    return inChineseContext(text, a, b - a);
  }
  return inChineseContext(text, i);
}

/**
 * Parentheses: pair `(`/`（` with `)`/`）` on the same line (innermost first). A half-width pair is
 * Chinese when its content has Chinese or a Chinese character stands right outside it; the fix
 * replaces both marks in one edit. A mixed pair `(…）` gets its half-width mark fixed. A lone
 * half-width parenthesis in Chinese context is reported without a fix (paired-punctuation reports
 * lone full-width ones).
 */
const PARENS = /[()（）]/g;

function checkParentheses(ctx: RuleContext, text: string): void {
  const doc = ctx.doc;
  if (!text.includes('(') && !text.includes(')')) return;
  // One scan over the text, not one per line (which would search on past every line without
  // brackets to the next one).
  const numberBrackets = documentNumberBrackets(text);
  PARENS.lastIndex = 0;
  let m = PARENS.exec(text);
  for (const line of doc.lines()) {
    const stack: number[] = [];
    const pairs: [number, number][] = [];
    const lone: number[] = [];
    while (m && m.index < line.start) m = PARENS.exec(text);
    for (; m && m.index < line.end; m = PARENS.exec(text)) {
      const i = m.index;
      const c = m[0];
      // The year brackets of a 发文字号 are not parentheses: document-number asks for 〔〕 there.
      if (numberBrackets.has(i)) continue;
      if (c === '(' || c === '（') stack.push(i);
      else if (c === ')' || c === '）') {
        if (stack.length > 0) pairs.push([stack.pop() as number, i]);
        else if (c === ')') lone.push(i);
      }
    }
    lone.push(...stack.filter((i) => text[i] === '('));
    for (const [open, close] of pairs) {
      const halfOpen = text[open] === '(';
      const halfClose = text[close] === ')';
      if (!halfOpen && !halfClose) continue;
      if (halfOpen !== halfClose) {
        // `(…）` or `（…)`: the full-width partner shows the writer meant Chinese brackets.
        const at = halfOpen ? open : close;
        ctx.report({
          start: at,
          end: at + 1,
          message: `括号一半全角一半半角：“${text[at]}”与${where(doc, halfOpen ? close : open)}的“${text[halfOpen ? close : open]}”配对，中文语境中应统一为全角括号“（）”（GB/T 15834-2011 4.9）。请改为“${halfOpen ? '（' : '）'}”。`,
          fix: { start: at, end: at + 1, text: halfOpen ? '（' : '）' },
        });
        continue;
      }
      const inner = text.slice(open + 1, close);
      const chinese =
        /[\u3400-\u9fff\uf900-\ufaff\ud840-\ud87f，。、；：？！“”‘’《》（）…—]/.test(inner) ||
        isChineseBefore(text, skipSpacesBackward(text, open)) ||
        isChineseAt(text, skipSpacesForward(text, close + 1));
      if (!chinese) continue;
      const message = (other: string): string =>
        `中文语境中应使用全角括号“（）”，此处为半角括号“( )”（与${other}配对，GB/T 15834-2011 4.9）。请把这一对括号改为“（…）”。`;
      const span = text.slice(open, close + 1);
      if (span.includes('\u0000')) {
        // Code or a URL inside: fix each mark on its own so the fix never touches the hidden part.
        ctx.report({ start: open, end: open + 1, message: message(`${where(doc, close)}的“)”`), fix: { start: open, end: open + 1, text: '（' } });
        ctx.report({ start: close, end: close + 1, message: message(`${where(doc, open)}的“(”`), fix: { start: close, end: close + 1, text: '）' } });
      } else {
        ctx.report({
          start: open,
          end: open + 1,
          message: message(`${where(doc, close)}的“)”`),
          fix: { start: open, end: close + 1, text: `（${inner}）` },
        });
      }
    }
    for (const i of lone.sort((a, b) => a - b)) {
      if (!inChineseContext(text, i)) continue;
      // `1)` `a)` list markers at the start of a line or after a clause mark are not brackets.
      if (text[i] === ')' && isListMarker(text, line.start, i)) continue;
      ctx.report({
        start: i,
        end: i + 1,
        message: `中文语境中的半角括号“${text[i]}”应为全角“${text[i] === '(' ? '（' : '）'}”，且本行找不到与之配对的${text[i] === '(' ? '后括号“)”' : '前括号“(”'}（GB/T 15834-2011 4.9）。请补齐并改为全角括号。`,
      });
    }
  }
}

/**
 * Offsets of the year brackets of every 发文字号 (国发(2019)28号), as document-number recognises
 * them. They are left to document-number, whose advice is 〔〕 (GB/T 9704-2012 7.2.5): a fix to
 * （） here would turn one wrong form into another. This holds also when document-number is turned
 * off: whoever turns it off has said 发文字号 formats are not to be checked, and this rule has no
 * right fix to offer for them.
 */
function documentNumberBrackets(text: string): Set<number> {
  const at = new Set<number>();
  for (const n of findDocumentNumbers(text)) {
    at.add(n.open);
    at.add(n.close);
  }
  return at;
}

function isListMarker(text: string, lineStart: number, close: number): boolean {
  let k = close;
  while (k > lineStart && /[0-9A-Za-z一二三四五六七八九十]/.test(text[k - 1])) k--;
  if (k === close || close - k > 3) return false;
  const before = text.slice(lineStart, k);
  return /^[\s\u3000]*$/.test(before) || /[；：。，、;:]\s*$/.test(before);
}
