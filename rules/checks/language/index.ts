import type { Rule } from '../../engine/types';

/** Language rules: 的/地/得 and number formats. */
export const languageRules: Rule[] = [];
