import type { Rule } from '../../engine/types';
import { deDiDe } from './de-di-de';
import { numberFormat } from './number-format';

/** Language rules: 的/地/得 and number formats. */
export const languageRules: Rule[] = [deDiDe, numberFormat];
