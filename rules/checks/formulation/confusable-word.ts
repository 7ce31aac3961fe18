import type { Rule } from '../../engine/types';
import { reportHits } from './scanner';

/** 易混淆、易写错的词（`kind: confusable`）：布署 → 部署，截止目前 → 截至目前，做出决定 → 作出决定…… */
export const confusableWord: Rule = {
  meta: {
    id: 'confusable-word',
    category: 'wording',
    description: '易混淆、易写错的词和异形词（如“布署”“截止目前”“做出决定”“其它”）',
    defaultSeverity: 'error',
    fixable: true,
    basis: '《第一批异形词整理表》的推荐词形、公文用字实务（每个词条注明出处）',
    basisLevel: '实务',
    docs: 'rules/docs/confusable-word.md',
  },
  check(ctx) {
    reportHits(ctx, 'confusable');
  },
};
