import type { Rule, RuleContext } from '../../engine/types';
import type { Range } from '../../engine/document';
import { isAsciiDigit, isAsciiLetter } from '../../engine/chars';
import { isChineseAt, isChineseBefore, quotedRanges, where } from './shared';

/**
 * Straight quotes `"…"` and `'…'` around Chinese. Quotes are paired per line, in order; a pair is
 * fixed only when the pairing is unambiguous (an even number of straight quotes of that kind on
 * the line). Nesting follows GB/T 15834-2011 4.8: double quotes outside, single inside, so a
 * straight pair inside “…” becomes ‘…’.
 */
export const quoteStyle: Rule = {
  meta: {
    id: 'quote-style',
    category: 'punctuation',
    description: '中文语境中的直引号“\"”“\'”应为弯引号“”‘’，且外层用双引号、里层用单引号',
    defaultSeverity: 'warn',
    fixable: true,
    basis: 'GB/T 15834-2011 4.8（引号）；中文文本使用全角引号',
    basisLevel: '国标',
    docs: 'rules/docs/quote-style.md',
  },
  check(ctx) {
    const text = ctx.doc.prose;
    if (!text.includes('"') && !text.includes("'")) return;
    const curly = quotedRanges(text, ctx.doc).filter((r) => text[r.start] === '“');
    for (const line of ctx.doc.lines()) {
      checkKind(ctx, text, line, '"', curly);
      checkKind(ctx, text, line, "'", curly);
    }
  },
};

function checkKind(ctx: RuleContext, text: string, line: Range, q: string, curly: Range[]): void {
  const marks: number[] = [];
  for (let i = text.indexOf(q, line.start); i !== -1 && i < line.end; i = text.indexOf(q, i + 1)) {
    // Apostrophes and feet/inch marks: `don't`, `5'`, `5"`.
    if (q === "'" && (isAsciiLetter(text[i - 1]) || isAsciiDigit(text[i - 1])) && (isAsciiLetter(text[i + 1]) || !isChineseAt(text, i + 1))) continue;
    if (isAsciiDigit(text[i - 1]) && !isChineseAt(text, i + 1) && !isChineseBefore(text, i - 1)) continue;
    marks.push(i);
  }
  if (marks.length === 0) return;
  const doc = ctx.doc;
  if (marks.length % 2 === 1) {
    // Which mark lacks its partner cannot be told: report the Chinese ones without a fix.
    for (const i of marks) {
      if (!isChineseBefore(text, i) && !isChineseAt(text, i + 1)) continue;
      ctx.report({
        start: i,
        end: i + 1,
        message: `中文语境中应使用弯引号${q === '"' ? '“”' : '‘’'}，此处为直引号“${q}”；本行直引号共${marks.length}个，无法确定配对，未自动修复（GB/T 15834-2011 4.8）。请补齐并改为${q === '"' ? '“…”' : '‘…’'}。`,
      });
    }
    return;
  }
  for (let k = 0; k < marks.length; k += 2) {
    const open = marks[k];
    const close = marks[k + 1];
    const inner = text.slice(open + 1, close);
    const chinese =
      /[\u3400-\u9fff\uf900-\ufaff\ud840-\ud87f，。、；：？！“”‘’《》（）…—]/.test(inner) ||
      isChineseBefore(text, open) ||
      isChineseAt(text, close + 1);
    if (!chinese) continue;
    const nested = curly.some((r) => r.start < open && close < r.end);
    const [o, c] = q === '"' && !nested ? ['“', '”'] : ['‘', '’'];
    let note = '';
    if (q === '"' && nested) note = '它在双引号“…”之内，按规定里层用单引号，';
    else if (q === "'" && !nested) note = '单引号一般只用于双引号之内；如果这里不是引号里的引号，请改用双引号“…”，';
    const message = `中文语境中应使用弯引号，此处为直引号${q}…${q}（与${where(doc, close)}的直引号配对）。${note}改为${o}…${c}（GB/T 15834-2011 4.8）。`;
    if (inner.includes('\u0000')) {
      ctx.report({ start: open, end: open + 1, message, fix: { start: open, end: open + 1, text: o } });
      ctx.report({ start: close, end: close + 1, message, fix: { start: close, end: close + 1, text: c } });
    } else {
      const report: Parameters<RuleContext['report']>[0] = { start: open, end: open + 1, message, fix: { start: open, end: close + 1, text: o + inner + c } };
      if (q === "'" && !nested) {
        report.suggestions = [
          { title: '改为单引号‘…’', edit: { start: open, end: close + 1, text: `‘${inner}’` } },
          { title: '改为双引号“…”', edit: { start: open, end: close + 1, text: `“${inner}”` } },
        ];
      }
      ctx.report(report);
    }
  }
}
