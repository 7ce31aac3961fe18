import type { Rule } from '../../engine/types';
import { formulation } from './formulation';
import { enumerationOrder } from './enumeration-order';
import { collocation } from './collocation';
import { outdatedFormulation } from './outdated-formulation';
import { bannedTerm } from './banned-term';
import { confusableWord } from './confusable-word';

/** Fixed-formulation rules (规范表述), driven by the YAML dictionaries in rules/data/. */
export const formulationRules: Rule[] = [formulation, enumerationOrder, collocation, outdatedFormulation, bannedTerm, confusableWord];
