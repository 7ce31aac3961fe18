import type { Rule } from '../../engine/types';
import { inChineseContext, isAsciiDigit } from '../../engine/chars';

/**
 * Half-width commas in Chinese text. Writers who type with an English input method leave `,`
 * among `，`; the message counts both so the writer sees the document mixes two styles.
 */
export const commaWidth: Rule = {
  meta: {
    id: 'comma-width',
    category: 'punctuation',
    description: '中文语境中的半角逗号“,”应为全角逗号“，”',
    defaultSeverity: 'warn',
    fixable: true,
    basis: 'GB/T 15834-2011 4.4（逗号）；中文文本使用全角标点',
    basisLevel: '国标',
    docs: 'rules/docs/comma-width.md',
  },
  check(ctx) {
    const text = ctx.doc.prose;
    const positions: number[] = [];
    for (let i = text.indexOf(','); i !== -1; i = text.indexOf(',', i + 1)) {
      if (isThousandsSeparator(text, i)) continue;
      if (!inChineseContext(text, i)) continue;
      positions.push(i);
    }
    if (positions.length === 0) return;
    const fullWidth = countChar(text, '，');
    const mixed = fullWidth > 0 ? `全文混用了半角逗号（${positions.length}处）和全角逗号（${fullWidth}处），` : '';
    for (const i of positions) {
      ctx.report({
        start: i,
        end: i + 1,
        message: `中文语境中应使用全角逗号“，”，此处为半角逗号“,”。${mixed}请统一为全角。`,
        fix: { start: i, end: i + 1, text: '，' },
      });
    }
  },
};

/** 1,000 and 12,345.6: a comma between digits with exactly three digits after it. */
function isThousandsSeparator(text: string, i: number): boolean {
  if (!isAsciiDigit(text[i - 1])) return false;
  return isAsciiDigit(text[i + 1]) && isAsciiDigit(text[i + 2]) && isAsciiDigit(text[i + 3]) && !isAsciiDigit(text[i + 4]);
}

function countChar(text: string, ch: string): number {
  let n = 0;
  for (let i = text.indexOf(ch); i !== -1; i = text.indexOf(ch, i + 1)) n++;
  return n;
}

