import type { Rule } from '../../engine/types';
import { inChineseContext, isAsciiDigit, isAsciiLetter } from '../../engine/chars';
import { isChineseAt, isChineseBefore, isHanAt, isHanBefore } from './shared';

/**
 * Ellipsis and dash forms. The Chinese ellipsis is six dots in two character cells `……`
 * (GB/T 15834-2011 4.11); the dash is two em dashes `——` (4.10). A single `—` between two words
 * or numbers is the connector of 4.13 (2021—2025年, 北京—上海, 主城区—新城) and is left alone.
 */
export const ellipsisDash: Rule = {
  meta: {
    id: 'ellipsis-dash',
    category: 'punctuation',
    description: '省略号应为“……”，破折号应为“——”',
    defaultSeverity: 'warn',
    fixable: true,
    basis: 'GB/T 15834-2011 4.10（破折号“——”）、4.11（省略号“……”）、4.13（连接号“—”）',
    basisLevel: '国标',
    docs: 'rules/docs/ellipsis-dash.md',
  },
  check(ctx) {
    const text = ctx.doc.prose;
    // Ellipses: `...` (three or more dots), `。。。`, a lone `…`.
    const ell = /\.{3,}|。{3,}|…+/g;
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
