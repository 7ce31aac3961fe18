import type { Rule } from '../../engine/types';
import { seriesNumbering } from './series-numbering';
import { headingLevels } from './heading-levels';
import { documentDate } from './document-date';
import { documentNumber } from './document-number';
import { documentTitle } from './document-title';
import { attachmentNote } from './attachment-note';
import { closingFormula } from './closing-formula';

/** Document-structure rules: series numbering, heading levels, document dates. */
export const structureRules: Rule[] = [seriesNumbering, headingLevels, documentDate, documentNumber, documentTitle, attachmentNote, closingFormula];
