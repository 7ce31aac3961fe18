import type { Report, Rule } from '../../engine/types';
import type { Range } from '../../engine/document';
import { MASK } from '../../engine/document';
import { CLOSE_OF, OPEN_OF, indentEnd, isApostrophe } from './shared';

/**
 * Double marks inside double marks: 《关于贯彻《条例》的通知》 → 《关于贯彻〈条例〉的通知》
 * (GB/T 15834-2011 4.15.3.5) and “要落实“两个确立”的要求” → “要落实‘两个确立’的要求” (4.8.3.4).
 *
 * Per paragraph, one stack for “ ‘ 《 〈. A pair is judged by its depth: the number of enclosing
 * pairs of its own family (书名号 count through quotes; quotes start again inside a 书名号, whose
 * title is quoted as written). Odd depth wants the single form; a double form there is reported and
 * the pair replaced as a whole. The outermost pair must be the double form, else the chain is not
 * judged (a top-level 〈…〉 or ‘…’ is someone else's concern), and a double form at an even depth is
 * never wrong.
 *
 * Only unambiguous structure is judged: a paragraph with a crossing, a closer without its opener,
 * or an opener left open gives no finding at all (paired-punctuation reports those). The one
 * opener that may stay open is a “ when the next paragraph starts with “: a quotation of several
 * paragraphs (4.8.3.5) opens each paragraph and closes only at the end. The paragraph that opens
 * such a quotation is not nested in the one before it; each paragraph starts from an empty stack.
 */

const MARKS = /[“”‘’《》〈〉]/g;

interface Open {
  ch: string;
  at: number;
  /** Enclosing pairs of the same family (quotes: since the nearest enclosing 书名号). */
  depth: number;
  /** The outermost opener of the chain this mark belongs to. */
  root: string;
}

export const nestedMarks: Rule = {
  meta: {
    id: 'nested-marks',
    category: 'punctuation',
    description: '书名号里面的书名号应为单书名号〈〉，双引号里面的引号应为单引号‘’',
    defaultSeverity: 'warn',
    fixable: true,
    basis: 'GB/T 15834-2011 4.15.3.5（书名号里还要用书名号时，外层用双书名号，里层用单书名号）、4.8.3.4（引号里还要用引号时，外层用双引号，里层用单引号）',
    basisLevel: '国标',
    docs: 'rules/docs/nested-marks.md',
  },
  check(ctx) {
    const doc = ctx.doc;
    const text = doc.prose;
    if (!/[“《]/.test(text)) return;
    const paragraphs = doc.paragraphs();
    MARKS.lastIndex = 0;
    let m = MARKS.exec(text);
    paragraphs.forEach((para, index) => {
      while (m && m.index < para.start) m = MARKS.exec(text);
      const stack: Open[] = [];
      const found: Report[] = [];
      let broken = false;
      for (; m && m.index < para.end; m = MARKS.exec(text)) {
        if (broken) continue;
        const i = m.index;
        const c = m[0];
        if (CLOSE_OF[c] !== undefined) {
          stack.push(open(stack, c, i));
          continue;
        }
        if (isApostrophe(text, i)) continue;
        const top = stack[stack.length - 1];
        if (!top || top.ch !== OPEN_OF[c]) {
          broken = true; // a closer without its opener, or crossed pairs: paired-punctuation's
          continue;
        }
        stack.pop();
        const report = judge(text, top, i);
        if (report) found.push(report);
      }
      if (broken || found.length === 0) return;
      if (stack.length > 0 && !(stack.length === 1 && stack[0].ch === '“' && nextStartsWithQuote(text, paragraphs[index + 1]))) return;
      for (const r of found) ctx.report(r);
    });
  },
};

function open(stack: readonly Open[], ch: string, at: number): Open {
  const book = ch === '《' || ch === '〈';
  for (let k = stack.length - 1; k >= 0; k--) {
    const s = stack[k];
    const sBook = s.ch === '《' || s.ch === '〈';
    if (book && sBook) return { ch, at, depth: s.depth + 1, root: s.root };
    if (!book && sBook) break; // quotes start again inside a title
    if (!book && !sBook) return { ch, at, depth: s.depth + 1, root: s.root };
  }
  return { ch, at, depth: 0, root: ch };
}

/** The finding for the pair opened by `o` and closed at `close`, when its form is wrong. */
function judge(text: string, o: Open, close: number): Report | undefined {
  if (o.depth % 2 === 0) return undefined; // the double form is right at even depths
  const book = o.ch === '《';
  if (!book && o.ch !== '“') return undefined; // already the single form
  if (o.root !== (book ? '《' : '“')) return undefined;
  const [single, singleClose] = book ? ['〈', '〉'] : ['‘', '’'];
  const inner = text.slice(o.at + 1, close);
  const shown = inner.length <= 20 && !inner.includes(MASK) && !/[\r\n]/.test(inner) ? inner : '…';
  const message = book
    ? `书名号里面还要用书名号时，外层用双书名号《》，里层用单书名号〈〉（GB/T 15834-2011 4.15.3.5）。此处的《${shown}》在另一对书名号之内，应改为〈${shown}〉。`
    : `引号里面还要用引号时，外层用双引号“”，里层用单引号‘’（GB/T 15834-2011 4.8.3.4）。此处的“${shown}”在另一对双引号之内，应改为‘${shown}’。`;
  // One edit for the pair, so that no fix leaves one half changed. Masked text (inline code) inside
  // the pair: only the opening mark is reported, without a fix (a fix never spans masked text).
  if (inner.includes(MASK)) return { start: o.at, end: o.at + 1, message };
  return { start: o.at, end: close + 1, message, fix: { start: o.at, end: close + 1, text: single + inner + singleClose } };
}

/** 4.8.3.5: the next paragraph of a quotation of several paragraphs starts with “. */
function nextStartsWithQuote(text: string, next: Range | undefined): boolean {
  return next !== undefined && text[indentEnd(text, next)] === '“';
}
