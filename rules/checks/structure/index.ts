import type { Rule } from '../../engine/types';

/** Document-structure rules: series numbering, heading levels, document dates. */
export const structureRules: Rule[] = [];
