import type { Rule } from '../../engine/types';
import { findTitle } from './title-line';

const BASIS = '公文写作惯例（结束语与文种对应）；《党政机关公文处理工作条例》第十五条（报告不得夹带请示事项）';

interface Formula {
  text: string;
  /** The 文种 the formula belongs to. */
  type: string;
  /** True for formulas that ask the superior to approve or instruct (请示 items). */
  request?: boolean;
}

const FORMULAS: Formula[] = [
  { text: '特此通知', type: '通知' },
  { text: '特此通报', type: '通报' },
  { text: '特此报告', type: '报告' },
  { text: '特此函告', type: '函' },
  { text: '特此函复', type: '函' },
  { text: '特此批复', type: '批复' },
  { text: '特此公告', type: '公告' },
  { text: '特此通告', type: '通告' },
  { text: '妥否，请批示', type: '请示', request: true },
  { text: '当否，请批示', type: '请示', request: true },
  { text: '以上请示', type: '请示', request: true },
  { text: '请批示', type: '请示', request: true },
  { text: '请予审批', type: '请示', request: true },
  { text: '请予批准', type: '请示', request: true },
];

/** Types whose closing formula is checked: the ones where a mismatch is unmistakable. */
const CHECKED_TYPES = new Set(['通知', '通报', '报告', '函', '批复', '请示', '公告', '通告']);

/**
 * The closing formula (特此通知, 特此报告, 妥否，请批示 …) must match the 文种 of the title: a 报告
 * ending in 特此通知 or carrying a request (请批示) is a slip. Convention, so a hint. Only formulas
 * that stand at the start of a line or after 。 and end their sentence count; titles that forward
 * or issue another document (转发、批转、印发) are left alone, since the text they carry may have
 * its own formula.
 */
export const closingFormula: Rule = {
  meta: {
    id: 'closing-formula',
    category: 'structure',
    description: '结束语应与文种一致：通知用“特此通知”，报告用“特此报告”且不夹带请示事项，请示用“妥否，请批示”等',
    defaultSeverity: 'info',
    fixable: false,
    basis: BASIS,
    basisLevel: '实务',
    docs: 'rules/docs/closing-formula.md',
  },
  check(ctx) {
    const prose = ctx.doc.prose;
    if (prose.indexOf('特此') === -1 && prose.indexOf('请') === -1) return;
    const title = findTitle(ctx.doc);
    if (!title || !title.docType || !CHECKED_TYPES.has(title.docType)) return;
    // Forwarding titles carry another text; a stacked 请示报告 has no single 文种 (document-title reports it).
    if (/转发|批转|印发|发布/.test(title.text) || /(请示报告|报告请示)$/.test(title.text)) return;
    const type = title.docType;
    const titleEnd = title.lines[title.lines.length - 1].end;
    const seen = new Set<number>();
    for (const f of FORMULAS) {
      if (f.type === type) continue;
      // Only a request in a 报告 is checked among the request formulas (条例第十五条); elsewhere
      // (通知、函…) a 请批示 is too rare to judge.
      if (f.request && type !== '报告') continue;
      let i = prose.indexOf(f.text, titleEnd);
      while (i !== -1) {
        const end = i + f.text.length;
        if (!seen.has(i) && standsAlone(prose, i, end, f)) {
          seen.add(i);
          // A longer formula at the same place was reported already (妥否，请批示 covers 请批示).
          ctx.report({
            start: i,
            end,
            message: f.request
              ? `本文标题的文种是“报告”，却以“${f.text}”向上级请求批示、审批。《党政机关公文处理工作条例》第十五条规定报告不得夹带请示事项：需要上级批准的事项应另行用“请示”行文，报告可用“特此报告”结束。`
              : `本文标题的文种是“${type}”，结束语却是“${f.text}”（那是“${f.type}”的结束语）。结束语应与文种一致${suggestionFor(type)}。这是公文写作惯例，仅作提示。`,
          });
        }
        i = prose.indexOf(f.text, end);
      }
    }
  },
};

function suggestionFor(type: string): string {
  const map: Record<string, string> = {
    通知: '，通知可用“特此通知”',
    通报: '，通报可用“特此通报”',
    报告: '，报告可用“特此报告”',
    函: '，函可用“特此函告”或“请函复”',
    批复: '，批复可用“此复”或“特此批复”',
    请示: '，请示可用“妥否，请批示”“以上请示，请予审批”',
    公告: '，公告可用“特此公告”',
    通告: '，通告可用“特此通告”',
  };
  return map[type] ?? '';
}

/** The formula starts a line or a sentence, and ends its sentence (。！ or the end of the line). */
function standsAlone(prose: string, start: number, end: number, f: Formula): boolean {
  let b = start - 1;
  while (b >= 0 && (prose[b] === ' ' || prose[b] === '\u3000' || prose[b] === '\t')) b--;
  const before = b < 0 ? '\n' : prose[b];
  // 请批示 inside 妥否，请批示 is covered by the longer formula.
  const okBefore = before === '\n' || before === '\r' || before === '。' || before === '！' || (f.request && f.text === '请批示' && before === '，' && !/[妥当]否$/.test(prose.slice(Math.max(0, b - 2), b)));
  if (!okBefore) return false;
  let a = end;
  while (a < prose.length && (prose[a] === ' ' || prose[a] === '\u3000' || prose[a] === '\t')) a++;
  const after = a >= prose.length ? '\n' : prose[a];
  return after === '。' || after === '！' || after === '\n' || after === '\r' || (f.text === '以上请示' && after === '，');
}
