import type { Rule } from '../../engine/types';
import type { Range } from '../../engine/document';
import { CLOSE_OF, OPEN_OF, indentEnd, isApostrophe, where } from './shared';

/**
 * Unbalanced or crossed paired marks: “” ‘’ 《》 〈〉 （） 【】 〔〕. A stack runs through the
 * paragraphs (lines in plain text, blocks in Markdown). An opener may find its partner a few
 * paragraphs later (CARRY): the 题注 of a regulation “（1998年…公布　根据…修订）” is set on several
 * lines, and scraped or converted text breaks lines inside brackets (细颗粒物（PM⏎）). A quotation
 * of several paragraphs opens each paragraph with “ and closes only at the end (GB/T 15834-2011
 * 4.8), so an open quote followed by a paragraph that starts with the same quote is fine.
 * Half-width ( ) count as partners of （ ） here, so `（…)` is left to punctuation-width.
 * No fix: only the writer knows where the missing partner belongs.
 */

const NAME: Record<string, string> = {
  '“': '双引号',
  '‘': '单引号',
  '《': '书名号',
  '〈': '单书名号',
  '（': '括号',
  '【': '方头括号',
  '〔': '六角括号',
};
/** Every mark this rule looks at; the scan jumps from one to the next. */
const MARKS = /[“”‘’《》〈〉（）【】〔〕()]/g;
/** How many following paragraphs an opener may wait for its partner. */
const CARRY = 5;

interface Open {
  /** The opener as its group: `(` is kept as `（`. */
  ch: string;
  at: number;
  para: number;
  half: boolean;
}

export const pairedPunctuation: Rule = {
  meta: {
    id: 'paired-punctuation',
    category: 'punctuation',
    description: '成对标点（引号、书名号、括号）应配对且正确嵌套',
    defaultSeverity: 'warn',
    fixable: false,
    basis: 'GB/T 15834-2011 4.8（引号）、4.9（括号）、4.15（书名号）：成对使用',
    basisLevel: '国标',
    docs: 'rules/docs/paired-punctuation.md',
  },
  check(ctx) {
    const text = ctx.doc.prose;
    const doc = ctx.doc;
    const paragraphs = doc.paragraphs();
    const unclosed = (o: Open, earlier: Open | undefined): void => {
      if (o.half) return; // a lone `(` is punctuation-width's
      // `他说“好“。`: a second opening quote where the closing one belongs.
      const hint = earlier
        ? `它前面（${where(doc, earlier.at)}）还有一个未闭合的“${o.ch}”，此处很可能本应是后${NAME[o.ch]}“${CLOSE_OF[o.ch]}”。`
        : `请在引用或标注结束处补上“${CLOSE_OF[o.ch]}”。`;
      ctx.report({
        start: o.at,
        end: o.at + 1,
        message: `前${NAME[o.ch]}“${o.ch}”没有对应的后${NAME[o.ch]}“${CLOSE_OF[o.ch]}”：本段及其后${CARRY}段内都找不到（GB/T 15834-2011：${NAME[o.ch]}成对使用）。${hint}`,
      });
    };
    let stack: Open[] = [];
    // One scan over the whole prose: restarting at each paragraph would search on through every
    // following paragraph without marks to find the next one (quadratic in long mark-free runs).
    MARKS.lastIndex = 0;
    let m = MARKS.exec(text);
    paragraphs.forEach((para, index) => {
      while (m && m.index < para.start) m = MARKS.exec(text);
      for (; m && m.index < para.end; m = MARKS.exec(text)) {
        const i = m.index;
        const c = m[0];
        if (CLOSE_OF[c] !== undefined || c === '(') {
          stack.push({ ch: c === '(' ? '（' : c, at: i, para: index, half: c === '(' });
          continue;
        }
        const want = OPEN_OF[c];
        if (want === undefined) continue;
        if (isApostrophe(text, i)) continue;
        let k = stack.length - 1;
        while (k >= 0 && stack[k].ch !== want) k--;
        if (k < 0) {
          if (c === ')') continue; // a lone `)` is punctuation-width's
          if (c === '）' && isListMarker(text, para, i)) continue;
          ctx.report({
            start: i,
            end: i + 1,
            message: `后${NAME[want]}“${c}”没有对应的前${NAME[want]}“${want}”：在它之前找不到“${want}”（GB/T 15834-2011：${NAME[want]}成对使用）。请补上“${want}”或删去多余的“${c}”。`,
          });
          continue;
        }
        // Marks opened after the partner and still open: crossed nesting such as 《“》”.
        for (let j = stack.length - 1; j > k; j--) {
          const o = stack[j];
          if (o.half) continue;
          ctx.report({
            start: o.at,
            end: o.at + 1,
            message: `前${NAME[o.ch]}“${o.ch}”在“${c}”（${where(doc, i)}）之前没有闭合：成对标点交叉了或缺少后${NAME[o.ch]}“${CLOSE_OF[o.ch]}”（GB/T 15834-2011：成对标点应成对使用、里外层不交叉）。请在“${c}”之前补上“${CLOSE_OF[o.ch]}”。`,
          });
        }
        stack.length = k;
      }
      if (stack.length === 0) return; // nothing open: nothing to carry or report
      const next = paragraphs[index + 1];
      const nextFirst = next ? text[indentEnd(text, { start: next.start, end: next.end })] : undefined;
      const kept: Open[] = [];
      const dropped = new Map<string, Open>();
      for (const o of stack) {
        if ((o.ch === '“' || o.ch === '‘') && nextFirst === o.ch) continue; // quotation of several paragraphs
        if (!next || index - o.para >= CARRY) {
          const earlier = dropped.get(o.ch);
          unclosed(o, (o.ch === '“' || o.ch === '‘') && earlier && earlier.para === o.para ? earlier : undefined);
          dropped.set(o.ch, o);
        } else kept.push(o);
      }
      stack = kept;
    });
  },
};

/** `1）` `一）` `a）` at the start of a line or after a clause mark: list numbering, not a bracket. */
function isListMarker(text: string, para: Range, close: number): boolean {
  let k = close;
  while (k > para.start && /[0-9A-Za-z一二三四五六七八九十０-９]/.test(text[k - 1])) k--;
  if (k === close || close - k > 3) return false;
  let b = k;
  while (b > para.start && /[ \t\u3000]/.test(text[b - 1])) b--;
  return b === para.start || text[b - 1] === '\n' || /[；：。，、;:]/.test(text[b - 1]);
}
