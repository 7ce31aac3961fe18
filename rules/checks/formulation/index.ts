import type { Rule } from '../../engine/types';

/** Fixed-formulation rules (规范表述), driven by the YAML dictionaries in rules/data/. */
export const formulationRules: Rule[] = [];
