import type { Rule } from '../../engine/types';
import type { Range } from '../../engine/document';
import { isAsciiDigit, isAsciiLetter } from '../../engine/chars';
import { inAny, isHanAt, isHanBefore, quotedRanges } from './shared';

/**
 * Unfilled template placeholders: XX / ×× / ＸＸ runs, a lone X standing for a name (新X市, X县),
 * 某某, and bracketed notes such as 【待补充】（待定）. A document that still carries them is not
 * finished, so they are errors and have no fix: only the writer knows what goes there.
 *
 * Not placeholders: Latin words and codes (GDP, 5G, XXL, Xbox, the XX chromosome), the
 * multiplication sign (210×297, 销售额×税率: a lone × is never taken for a placeholder), terms and
 * codes (1+X证书, 用X代表消防救援, X射线, X光), an anonymised name (王某某, 李某某), a single 某 (某市,
 * 某企业 are ordinary anonymisation). A placeholder inside quotation marks or right after
 * 如/例如/比如 is usually a mention of a template (“×××人民政府”字样, 如某某同志) rather than a gap
 * in this document: it is still reported, but as info.
 */

const X_RUN = /[XxＸｘ×]+/g;
/** Words where a lone X is a real term, not a gap. */
const X_TERMS = /^(?:射线|光|线|染色体|轴|型|形|世代|因子|战略)/;
const BRACKET_NOTE =
  /[【（(〔［\[]\s*(?:待补充|待填写|待填|待定|待确认|待核实|待核定|待完善|待更新|待修改|此处填写[^】）)〕］\]]{0,12}|请填写[^】）)〕］\]]{0,12}|填写[^】）)〕］\]]{0,8}|略|附件略|TODO|TBD|todo)\s*[】）)〕］\]]/g;
const MOU = /某某+/g;
/**
 * Common single-character surnames. Characters that are everyday words before a name (于, 向,
 * 应, 时, 全, 和, 成, 明…) are left out, so that `向某某同志学习` and `应某某邀请` are still
 * placeholders while `王某某` is an anonymised name.
 */
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤温康施牛樊葛邢齐乔伍庞颜倪庄聂章鲁岳翟殷詹欧耿兰焦俞柳甘祝包宁尚符舒阮柯纪梅童凌毕裴霍涂苗谷盛翁冉骆蓝靳柴蒙鲍喻祁蒲滕屈饶牟艾尤穆卓缪褚娄窦戚岑宫卜晏瞿佟臧闵苟邬卞姬仇栾隋刁巫寇桑郎甄敖巩佘邝';

function isSurnameBefore(text: string, start: number): boolean {
  const ch = text[start - 1];
  return ch !== undefined && ch !== '' && SURNAMES.includes(ch);
}

export const placeholder: Rule = {
  meta: {
    id: 'placeholder',
    category: 'placeholder',
    description: '文中残留未填写的模板占位符（XX、××、新X市、某某、【待补充】等）',
    defaultSeverity: 'error',
    fixable: false,
    basis: '实务：公文定稿前须把模板占位符全部替换为实际内容（公文起草要求内容完整、表述准确）',
    basisLevel: '实务',
    docs: 'rules/docs/placeholder.md',
  },
  check(ctx) {
    const text = ctx.doc.prose;
    let quoted: Range[] | undefined;
    const lenient = (start: number, end: number): boolean => {
      quoted ??= quotedRanges(text, ctx.doc);
      return inAny(quoted, start, end) || /(?:如|例如|比如|诸如|譬如)[：:]?$/.test(text.slice(Math.max(0, start - 3), start));
    };
    const report = (start: number, end: number, what: string): void => {
      const mention = lenient(start, end);
      ctx.report({
        start,
        end,
        message: mention
          ? `“${what}”像是模板占位符；它在引号内或“如”之后，可能是在举例说明格式，若是未填写的内容请补上实际内容。`
          : `“${what}”是未填写的模板占位符，公文定稿前须替换为实际内容（人名、地名、单位、数字或日期等）。`,
        ...(mention ? { severity: 'info' as const } : {}),
      });
    };

    for (let m = X_RUN.exec(text); m; m = X_RUN.exec(text)) {
      const s = m[0];
      const start = m.index;
      const end = start + s.length;
      if (!isXPlaceholder(text, s, start, end)) continue;
      report(start, end, s);
    }
    X_RUN.lastIndex = 0;
    for (let m = MOU.exec(text); m; m = MOU.exec(text)) {
      // 张某某, 李某某: the usual anonymised name in 通报 and case descriptions, not a gap.
      if (m[0].length === 2 && isSurnameBefore(text, m.index)) continue;
      report(m.index, m.index + m[0].length, m[0]);
    }
    MOU.lastIndex = 0;
    for (let m = BRACKET_NOTE.exec(text); m; m = BRACKET_NOTE.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (/略/.test(m[0]) && !/待|填写|TODO|TBD|todo/.test(m[0])) {
        // （略）/（附件略） can be legitimate in a published copy: a warning, not an error.
        ctx.report({
          start,
          end,
          message: `“${m[0]}”表示此处内容被省略：如果是起草时留的空，请补上内容；如果是公开发布时有意省略（如附件略），可忽略本提示。`,
          severity: 'warn',
        });
        continue;
      }
      report(start, end, m[0]);
    }
    BRACKET_NOTE.lastIndex = 0;
  },
};

/** After a lone X: the suffixes of names, places, units, dates and numbers it stands in front of. */
const SLOT_AFTER = /^(?:[市县区省镇乡村州盟旗街路号楼室局厅处科部委办组院校所站队同年月日条款项章节届次名个位人家元万亿期批类级]|公司|集团|单位|先生|女士)/;
/** Before a lone X: 新X, 第X, 某X. */
const SLOT_BEFORE = /[新第某]$/;

function isXPlaceholder(text: string, s: string, start: number, end: number): boolean {
  const prev = text[start - 1];
  const next = text[end];
  // Part of a Latin word, a code or a formula: XXL, Xbox, X1, x86, 1+X, a×b=c.
  if (isAsciiLetter(prev) || isAsciiLetter(next) || isAsciiDigit(prev) || isAsciiDigit(next)) return false;
  if (/[-_+=*/.:@#]/.test(prev ?? '') || /[-_+=*/.:@#]/.test(next ?? '')) return false;
  // Only runs of one form count: XX, xx, ××, ＸＸ, or a lone X/Ｘ.
  if (!/^(?:[Xx]{2,}|×{2,}|ｘ{2,}|Ｘ+|X)$/.test(s)) return false;
  const hanBefore = isHanBefore(text, start);
  const hanAfter = isHanAt(text, end);
  const cjkAround = hanBefore || hanAfter || /[、，。；：（）《》“”]/.test(prev ?? '') || /[、，。；：（）《》“”]/.test(next ?? '');
  if (!cjkAround) return false; // English text: `the XX chromosome`
  if (s.length === 1) {
    // A lone X is a code letter or a variable (用X代表, X射线) unless it sits in a name slot:
    // 新X市, X县, 第X条, X月X日.
    if (X_TERMS.test(text.slice(end, end + 3))) return false;
    return SLOT_AFTER.test(text.slice(end, end + 2)) || SLOT_BEFORE.test(text.slice(Math.max(0, start - 1), start));
  }
  return true;
}
