import type { Rule } from './engine/types';
import { punctuationRules } from './checks/punctuation';
import { formulationRules } from './checks/formulation';
import { languageRules } from './checks/language';
import { structureRules } from './checks/structure';
import { directiveRules } from './checks/directive';

/** Every shipped rule. Ids are stable; the order is the order rules run in. */
export const allRules: readonly Rule[] = [...punctuationRules, ...formulationRules, ...languageRules, ...structureRules, ...directiveRules];

const byId = new Map(allRules.map((r) => [r.meta.id, r]));

export function getRule(id: string): Rule | undefined {
  return byId.get(id);
}
