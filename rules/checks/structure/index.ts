import type { Rule } from '../../engine/types';
import { headingLevels } from './heading-levels';

/** Document-structure rules: series numbering, heading levels, document dates. */
export const structureRules: Rule[] = [headingLevels];
