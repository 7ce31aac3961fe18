import type { Rule } from '../../engine/types';
import { reportHits } from './scanner';

/**
 * Wrong wording of fixed political and official formulations (规范表述), driven by the
 * `kind: formulation` entries of the dictionaries: 以习近平总书记为核心的党中央 → 以习近平同志为核心的党中央.
 */
export const formulation: Rule = {
  meta: {
    id: 'formulation',
    category: 'formulation',
    description: '重要提法、规范表述的写法错误（如“以习近平总书记为核心的党中央”应为“以习近平同志为核心的党中央”）',
    defaultSeverity: 'error',
    fixable: true,
    basis: '党的二十大报告、政府工作报告等权威文本中的规范表述（每个词条注明出处）',
    basisLevel: '规范表述',
    docs: 'rules/docs/formulation.md',
  },
  check(ctx) {
    reportHits(ctx, 'formulation');
  },
};
