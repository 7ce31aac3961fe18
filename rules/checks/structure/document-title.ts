import type { Report, Rule } from '../../engine/types';
import { findTitle } from './title-line';

const BASIS = '《党政机关公文处理工作条例》第八条（公文种类）、第九条（标题由发文机关名称、事由和文种组成）';

/** Words writers use as a 文种 that are not one of the 15 (a hint: only the writer knows which 文种 is meant). */
const NOT_DOC_TYPES = ['申请报告', '情况汇报', '工作汇报', '汇报', '申请', '总结'];

/**
 * The title of a 公文 (…关于…的<文种>, found by title-line.ts; silence when the document does not
 * clearly start with one): no stacked 文种 (请示报告), no
 * punctuation at the end; as hints, a non-文种 ending (汇报、申请、总结) and a redundant verb after 关于
 * (关于请求…的请示, 关于上报…的报告).
 */
export const documentTitle: Rule = {
  meta: {
    id: 'document-title',
    category: 'structure',
    description: '公文标题由发文机关名称、事由和文种组成：文种应为条例规定的15种之一，不并用文种，末尾不加标点；“关于请求……的请示”等多余动词作提示',
    defaultSeverity: 'warn',
    fixable: true,
    basis: BASIS,
    basisLevel: '条例',
    docs: 'rules/docs/document-title.md',
  },
  check(ctx) {
    const title = findTitle(ctx.doc);
    if (!title) return;
    const { text, offsets } = title;
    const at = (i: number) => offsets[i];
    const endOf = (i: number) => offsets[i] + 1;
    const reports: Report[] = [];
    const forwarding = /转发|批转|印发|发布/.test(text);

    // Trailing punctuation only on a title that ends with its 文种: a short sentence that happens to
    // contain 关于…的 (《关于…的若干意见》主要内容如下。) is no title.
    if (title.trailing && title.docType) {
      const mark = ctx.doc.text.slice(title.trailing.start, title.trailing.end);
      reports.push({
        start: title.trailing.start,
        end: title.trailing.end,
        message: `公文标题末尾不加标点符号，应删去“${mark}”。标题是由发文机关名称、事由和文种组成的短语（《党政机关公文处理工作条例》第九条），不是句子。`,
        fix: { start: title.trailing.start, end: title.trailing.end, text: '' },
      });
    }

    // Stacked 文种: 请示报告 / 报告请示.
    const stacked = /(请示报告|报告请示)$/.exec(text);
    if (stacked) {
      const s = stacked.index;
      reports.push({
        start: at(s),
        end: endOf(s + 3),
        message:
          `标题中的文种“${stacked[1]}”把“请示”和“报告”并用了。请示和报告是两个文种（《党政机关公文处理工作条例》第八条）：` +
          '请求上级指示、批准用“请示”，汇报工作、反映情况、答复询问用“报告”，报告中不得夹带请示事项（第十五条），应二选一。',
        suggestions: [
          { title: '改为“请示”', edit: { start: at(s), end: endOf(s + 3), text: '请示' } },
          { title: '改为“报告”', edit: { start: at(s), end: endOf(s + 3), text: '报告' } },
        ],
      });
    } else if (!title.docType) {
      const tail = text.slice(text.lastIndexOf('的') + 1);
      const bad = NOT_DOC_TYPES.find((w) => tail.endsWith(w));
      if (bad && tail.length <= bad.length + 4) {
        const s = text.length - bad.length;
        reports.push({
          start: at(s),
          end: endOf(text.length - 1),
          severity: 'info',
          message:
            `标题以“${bad}”结尾，“${bad}”不是法定文种。《党政机关公文处理工作条例》第八条规定的公文种类为决议、决定、命令（令）、公报、公告、通告、意见、通知、通报、报告、请示、批复、议案、函、纪要；` +
            '汇报工作、反映情况宜用“报告”，请求批准宜用“请示”（向无隶属关系的主管部门请求批准用“函”）。如本文不是公文，可忽略。',
        });
      }
    }

    // Redundant verbs after 关于 (only when the title's own 文种 already says it). A hint: this is
    // editing practice, not a clause, and official titles do use 关于对…的批复 (中共中央 国务院关于对
    // 《河北雄安新区规划纲要》的批复), so 对 is not checked at all.
    if (!forwarding && title.docType) {
      const redundant: Array<{ word: string; type: string; why: string }> = [
        { word: '请求', type: '请示', why: '“请示”本身就是向上级请求指示、批准' },
        { word: '上报', type: '报告', why: '“报告”本身就是向上级报送' },
      ];
      for (const r of redundant) {
        if (title.docType !== r.type) continue;
        const i = text.indexOf('关于' + r.word);
        if (i === -1) continue;
        const s = i + 2;
        const e = s + r.word.length;
        const suggestions = [{ title: `删去“${r.word}”`, edit: { start: at(s), end: endOf(e - 1), text: '' } }];
        const verb = /^(批准|审批|同意)/.exec(text.slice(e));
        if (verb) suggestions.push({ title: `删去“${r.word}${verb[1]}”`, edit: { start: at(s), end: endOf(e + verb[1].length - 1), text: '' } });
        reports.push({
          start: at(s),
          end: endOf(e - 1),
          severity: 'info',
          message: `标题中“关于${r.word}……的${r.type}”的“${r.word}”可以删去：${r.why}，标题写事由即可（发文机关名称＋事由＋文种，《党政机关公文处理工作条例》第九条）。这是公文写作惯例，仅作提示。`,
          suggestions,
        });
      }
    }

    reports.sort((a, b) => a.start - b.start);
    for (const r of reports) ctx.report(r);
  },
};
