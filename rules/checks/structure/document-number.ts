import type { Rule } from '../../engine/types';
import { asciiDigits, findDocumentNumbers, hanRunStart, type DocumentNumberMatch } from './document-number-pattern';

const BASIS = 'GB/T 9704-2012 7.2.5（发文字号）';

/** Words that lead into a cited 发文字号 (按照国发〔2019〕28号…): the 机关代字 starts after them. */
const LEAD_INS = ['按照', '根据', '依据', '依照', '参照', '执行', '落实', '贯彻', '对照', '印发', '转发', '及', '和', '与', '的', '将', '把', '按', '据', '依', '见', '以', '了', '是', '在', '由', '为', '于', '即'];

/**
 * Where the 机关代字 before `open` starts, when it can be told: after a non-Han character or after
 * a lead-in word; `known` is false when a long Han run gives no clue (used only for display then).
 */
function agencyCodeStart(text: string, open: number): { start: number; known: boolean } {
  const run = hanRunStart(text, open, 10, true);
  const s = text.slice(run, open);
  let best = -1;
  for (const w of LEAD_INS) {
    const k = s.lastIndexOf(w);
    if (k !== -1 && k + w.length < s.length && k + w.length > best) best = k + w.length;
  }
  if (best !== -1) return { start: run + best, known: true };
  return { start: run, known: open - run < 10 };
}

/**
 * 发文字号: 机关代字 + 〔年份〕 + 序号 + 号 (GB/T 9704-2012 7.2.5): the year in 六角括号 and in full,
 * the serial without leading zeros and without 第. Only a bracketed year right after Han characters
 * (the 机关代字) and followed by digits and 号 counts, so ordinary brackets with years never fire.
 * Also a hint when a citation puts the 发文字号 before the title (国发〔2019〕28号文件《…》).
 */
export const documentNumber: Rule = {
  meta: {
    id: 'document-number',
    category: 'structure',
    description: '发文字号应写作“机关代字〔年份〕序号号”：年份用六角括号〔〕并标全称，序号不编虚位、不加“第”',
    defaultSeverity: 'warn',
    fixable: true,
    basis: BASIS,
    basisLevel: '国标',
    docs: 'rules/docs/document-number.md',
    // Each finding depends on a few characters around one 发文字号.
    scope: 'paragraph',
  },
  check(ctx) {
    const prose = ctx.doc.prose;
    const text = ctx.doc.text;
    // The recogniser is shared with punctuation-width, which leaves these brackets to this rule.
    for (const m of findDocumentNumbers(prose)) checkNumber(m);

    function checkNumber({ open, close, yearLength: yearLen, di, serialStart, hao }: DocumentNumberMatch): void {
      const end = hao + 1;
      const agencyCode = agencyCodeStart(prose, open);
      const agencyStart = agencyCode.start;
      const year = asciiDigits(prose.slice(open + 1, close));
      const serialRaw = prose.slice(serialStart, hao);
      const serial = asciiDigits(serialRaw).replace(/^0+/, '');

      const problems: string[] = [];
      const openCh = prose[open];
      const closeCh = prose[close];
      if (openCh !== '〔' || closeCh !== '〕') problems.push(`年份应用六角括号“〔〕”，不用“${openCh}${closeCh}”`);
      if (yearLen === 2) problems.push(`年份应标全称（四位数字），不能简写为“${year}”`);
      if (di) problems.push('序号前不加“第”');
      if (serialRaw.length > 1 && /^[0０]/.test(serialRaw)) problems.push('序号不编虚位（1 不编为 001）');

      const agency = text.slice(agencyStart, open);
      const written = text.slice(agencyStart, end);
      if (problems.length > 0) {
        const canFix = yearLen === 4;
        const right = `〔${canFix ? year : 'XXXX'}〕${serial}号`;
        ctx.report({
          start: open,
          end,
          message:
            `发文字号“${written}”不规范：${problems.join('；')}。GB/T 9704-2012 7.2.5 规定发文字号由发文机关代字、年份、发文顺序号组成，` +
            `年份、发文顺序号用阿拉伯数字标注，年份应标全称，用六角括号“〔〕”括入，发文顺序号不加“第”字，不编虚位` +
            (canFix ? `，应写作“${agency}${right}”。` : '，请补全年份。'),
          ...(canFix
            ? { fix: { start: open, end, text: right } }
            : { suggestions: [{ title: `改为“${agency}〔20${year}〕${serial}号”`, edit: { start: open, end, text: `〔20${year}〕${serial}号` } }] }),
        });
        return;
      }

      // STR-05: a citation that puts the 发文字号 before the title.
      let t = end;
      if (prose.startsWith('文件', t)) t += 2;
      if (prose[t] === '《') {
        const titleEnd = prose.indexOf('》', t + 1);
        if (titleEnd !== -1 && titleEnd - t <= 120 && !prose.slice(t, titleEnd).includes('\n')) {
          const title = text.slice(t, titleEnd + 1);
          if (!agencyCode.known) return;
          ctx.report({
            start: agencyStart,
            end: titleEnd + 1,
            severity: 'info',
            message:
              `引用公文时宜先引标题，后引发文字号：“${text.slice(agencyStart, titleEnd + 1)}”宜写作“${title}（${written}）”。` +
              '这是公文写作惯例（原《国家行政机关公文处理办法》第二十三条要求“引用公文应当先引标题，后引发文字号”），仅作提示。',
            suggestions: [{ title: `改为“${title}（${written}）”`, edit: { start: agencyStart, end: titleEnd + 1, text: `${title}（${written}）` } }],
          });
        }
      }
    }
  },
};
