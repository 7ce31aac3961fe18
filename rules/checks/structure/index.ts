import type { Rule } from '../../engine/types';
import { seriesNumbering } from './series-numbering';
import { headingLevels } from './heading-levels';
import { documentDate } from './document-date';

/** Document-structure rules: series numbering, heading levels, document dates. */
export const structureRules: Rule[] = [seriesNumbering, headingLevels, documentDate];
