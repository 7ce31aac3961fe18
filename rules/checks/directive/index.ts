import type { Rule } from '../../engine/types';
import { unusedDisableDirective } from './unused-disable-directive';

/** Rules about the inline disable comments themselves. */
export const directiveRules: Rule[] = [unusedDisableDirective];
