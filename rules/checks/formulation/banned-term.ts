import type { Rule } from '../../engine/types';
import { reportHits } from './scanner';

/** 新华社《新闻报道中的禁用词》等清单中适用于公文的禁用词、慎用词（`kind: banned`）。 */
export const bannedTerm: Rule = {
  meta: {
    id: 'banned-term',
    category: 'formulation',
    description: '公文中不应使用的禁用词、慎用词（如“北朝鲜”“前苏联”“维族”）',
    defaultSeverity: 'error',
    fixable: true,
    basis: '新华社《新闻报道中的禁用词》（2015年第一批，2016年修订）',
    basisLevel: '实务',
    docs: 'rules/docs/banned-term.md',
  },
  check(ctx) {
    reportHits(ctx, 'banned');
  },
};
