import type { Rule } from '../../engine/types';
import { parseCnNumber, parseCnYear, parseDigits } from '../../engine/numerals';

const BASIS = 'GB/T 9704-2012 7.3.5.4（成文日期中的数字）、7.4.3（印发日期）';

/** GB/T 9704-2012 took effect on this day; before it GB/T 9704-1999 asked for dates in Chinese numerals. */
const STANDARD_2012_IN_FORCE = 20120701;

const SPACE = '[ \\t\\u3000\\u00a0\\ufeff]';
const DIGIT = '[0-9０-９]';
const CN_YEAR_DIGIT = '[〇○零OＯ０0一二三四五六七八九]';
const CN_NUM = '[一二三四五六七八九十]{1,3}';
// What may stand before the date on the same line: the 发文机关署名 or 印发机关 (Han text, no
// sentence punctuation), separated from the date by spaces — or, before 印发, written right
// against it (国务院办公厅2019年12月16日印发).
const PREFIX = `(?:[\\u4e00-\\u9fff（）()、·]{2,40}(?:${SPACE}+|(?=[0-9０-９][^\\n]*印发${SPACE}*$)))?`;
const DATE =
  `(?:(${DIGIT}{2,4})年(${DIGIT}{1,2})月(${DIGIT}{1,2})([日号])` +
  `|(${CN_YEAR_DIGIT}{4}|${CN_YEAR_DIGIT}{2})年(${CN_NUM})月(${CN_NUM})([日号])` +
  `|(${DIGIT}{4})([.．\\-/])(${DIGIT}{1,2})\\11(${DIGIT}{1,2}))`;
const LINE = new RegExp(`^(${SPACE}*${PREFIX})${DATE}(印发)?${SPACE}*$`);

/**
 * 成文日期 and 印发日期: a line that holds only a date (after the 发文机关署名 or 印发机关, before
 * 印发) must read 2022年3月1日 — Arabic digits, the full year, no zero padding, 日 not 号.
 * Dates in running text are left to the number rules.
 */
export const documentDate: Rule = {
  meta: {
    id: 'document-date',
    category: 'structure',
    description: '成文日期、印发日期应用阿拉伯数字将年、月、日标全，年份用全称，月、日不编虚位，用“日”不用“号”',
    defaultSeverity: 'warn',
    fixable: true,
    basis: BASIS,
    basisLevel: '国标',
    docs: 'rules/docs/document-date.md',
    // Each finding depends on its own line only.
    scope: 'paragraph',
  },
  check(ctx) {
    const doc = ctx.doc;
    for (const line of doc.lines()) {
      const text = doc.prose.slice(line.start, line.end);
      if (text.length > 400 || (!text.includes('年') && !/[.．\-/]/.test(text))) continue;
      const m = LINE.exec(text);
      if (!m) continue;
      const start = line.start + m[1].length;
      const printing = m[14] !== undefined;
      const end = line.start + text.replace(/[ \t\u3000\u00a0\ufeff]+$/, '').length - (printing ? 2 : 0);
      const written = doc.text.slice(start, end);
      const what = printing ? '印发日期' : '成文日期';
      const clause = printing ? '7.4.3' : '7.3.5.4';
      const problems: string[] = [];
      let year: number | undefined;
      let month: number | undefined;
      let day: number | undefined;
      let canFix = true;

      if (m[2] !== undefined) {
        year = parseDigits(m[2]);
        month = parseDigits(m[3]);
        day = parseDigits(m[4]);
        if (/[０-９]/.test(m[2] + m[3] + m[4])) problems.push('数字应为半角阿拉伯数字');
        if (m[2].length !== 4) {
          problems.push(`年份应标全称（四位数字），此处为“${m[2]}年”`);
          canFix = false;
        }
        if ((m[3].length === 2 && /^[0０]/.test(m[3])) || (m[4].length === 2 && /^[0０]/.test(m[4]))) problems.push('月、日不编虚位（1 不编为 01）');
        if (m[5] === '号') problems.push('用“日”不用“号”');
      } else if (m[6] !== undefined) {
        year = parseCnYear(m[6]);
        month = parseCnNumber(m[7]);
        day = parseCnNumber(m[8]);
        if (m[6].length !== 4 || year === undefined) {
          problems.push(`年份应标全称，此处为“${m[6]}年”`);
          canFix = false;
        }
        if (year !== undefined && month !== undefined && day !== undefined && year * 10000 + month * 100 + day < STANDARD_2012_IN_FORCE) {
          // Written under GB/T 9704-1999, which asked for dates in Chinese numerals.
          continue;
        } else {
          problems.push('应用阿拉伯数字，不用汉字（用汉字书写日期是已废止的 GB/T 9704-1999 的格式，GB/T 9704-2012 自 2012年7月1日起改用阿拉伯数字）');
        }
        if (m[9] === '号') problems.push('用“日”不用“号”');
      } else {
        year = parseDigits(m[10]);
        month = parseDigits(m[12]);
        day = parseDigits(m[13]);
        problems.push(`应写作“××××年×月×日”，不用“${m[11]}”分隔`);
      }
      if (year !== undefined && month !== undefined && day !== undefined && !isRealDate(year, month, day)) {
        ctx.report({
          start,
          end,
          message: `${what}“${written}”不存在（${month}月没有${day}日或月份无效），请核对日期。`,
        });
        continue;
      }
      if (problems.length === 0) continue;
      const right = year !== undefined && month !== undefined && day !== undefined ? `${year}年${month}月${day}日` : undefined;
      const fixable = canFix && right !== undefined;
      ctx.report({
        start,
        end,
        message:
          `${what}“${written}”不规范：${problems.join('；')}。GB/T 9704-2012 ${clause} 要求用阿拉伯数字将年、月、日标全，年份应标全称，月、日不编虚位（即 1 不编为 01）` +
          (fixable ? `，应写作“${right}”。` : '。'),
        ...(fixable ? { fix: { start, end, text: right } } : {}),
        // A two-digit year is most likely this century, but only the writer knows: a suggestion.
        ...(!fixable && m[2] !== undefined && m[2].length === 2 && month !== undefined && day !== undefined
          ? { suggestions: [{ title: `改为“20${m[2]}年${month}月${day}日”`, edit: { start, end, text: `20${m[2]}年${month}月${day}日` } }] }
          : {}),
      });
    }
  },
};

function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[m - 1];
}
