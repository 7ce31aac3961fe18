import type { Rule } from '../../engine/types';
import { isQuoted, reportHits } from './scanner';

/**
 * Formulations that were right until a date (`kind: outdated`, `validUntil`): 迎接党的二十大胜利召开
 * after the congress met, 以习近平同志为总书记的党中央 after 2016-10 … Judged against the reference
 * date (--date / config, else the document's 成文日期 or opening date or year, else today); the
 * message says which date was used. Inside quotation marks or 书名号 (a quotation or a title of a
 * historical text) it is only a hint and carries no fix.
 */
export const outdatedFormulation: Rule = {
  meta: {
    id: 'outdated-formulation',
    category: 'formulation',
    description: '已过时的提法（按文档日期判断，如党的二十大召开后仍写“迎接党的二十大胜利召开”）',
    defaultSeverity: 'warn',
    fixable: true,
    basis: '各提法的更替时间（每个词条注明出处）；判断日期见消息',
    basisLevel: '规范表述',
    docs: 'rules/docs/outdated-formulation.md',
  },
  check(ctx) {
    const date = ctx.date.iso;
    reportHits(ctx, 'outdated', (hit) => {
      const until = hit.entry.validUntil;
      if (!until || date < until) return { skip: true };
      // 原农业部、前国家旅游局: the text itself says the body is a former one.
      const before = ctx.doc.prose[hit.start - 1];
      if (before === '原' || before === '前') return { skip: true };
      const when = `（按${ctx.date.origin}判断，该提法自 ${until} 起已不适用）`;
      if (isQuoted(ctx.doc, hit.start, hit.end)) {
        return { severity: 'info', noFix: true, extra: `${when}。此处在引号或书名号内，如为引用历史文本可保留` };
      }
      return { extra: when };
    });
  },
};
