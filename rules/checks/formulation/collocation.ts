import type { Rule } from '../../engine/types';
import { reportHits } from './scanner';

/**
 * Fixed verb–object collocations of political sets: 增强“四个意识”、坚定“四个自信”、做到“两个维护”.
 * Only verbs the data lists as wrong are reported; documented older accepted verbs (树牢、牢固树立
 * “四个意识”) are listed as accepted and stay silent.
 */
export const collocation: Rule = {
  meta: {
    id: 'collocation',
    category: 'formulation',
    description: '固定搭配的动词用错（如“坚定‘四个意识’”应为“增强‘四个意识’”）',
    defaultSeverity: 'error',
    fixable: true,
    basis: '2022年政府工作报告：增强“四个意识”、坚定“四个自信”、做到“两个维护”',
    basisLevel: '规范表述',
    docs: 'rules/docs/collocation.md',
  },
  check(ctx) {
    // 增强“两个维护”的政治自觉: the verb governs the noun after 的, not the set.
    reportHits(ctx, 'collocation', (hit) => (ctx.doc.prose[hit.end] === '的' ? { skip: true } : undefined));
  },
};
