import type { Rule } from '../../engine/types';
import { commaWidth } from './comma-width';

/** Punctuation rules (GB/T 15834-2011), in the order their findings read best. */
export const punctuationRules: Rule[] = [commaWidth];
