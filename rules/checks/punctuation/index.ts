import type { Rule } from '../../engine/types';
import { commaWidth } from './comma-width';
import { punctuationWidth } from './punctuation-width';
import { quoteStyle } from './quote-style';
import { pairedPunctuation } from './paired-punctuation';
import { nestedMarks } from './nested-marks';
import { duplicatePunctuation } from './duplicate-punctuation';
import { ellipsisDash } from './ellipsis-dash';
import { spaceAroundPunctuation } from './space-around-punctuation';
import { placeholder } from './placeholder';

/** Punctuation rules (GB/T 15834-2011) and the placeholder check, in the order their findings read best. */
export const punctuationRules: Rule[] = [
  commaWidth,
  punctuationWidth,
  quoteStyle,
  pairedPunctuation,
  nestedMarks,
  duplicatePunctuation,
  ellipsisDash,
  spaceAroundPunctuation,
  placeholder,
];

export { commaWidth, punctuationWidth, quoteStyle, pairedPunctuation, nestedMarks, duplicatePunctuation, ellipsisDash, spaceAroundPunctuation, placeholder };
