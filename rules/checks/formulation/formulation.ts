import type { DictionaryEntry } from '../../engine/dictionary-types';
import type { ReferenceDate, Rule } from '../../engine/types';
import { reportHits } from './scanner';

/**
 * Whether an entry applies at the reference date: from `validFrom` (inclusive) until `validUntil`
 * (exclusive), the same bounds enumeration-order uses. Before `validFrom` the correct form did not
 * exist yet (the "wrong" variant may well have been the right wording then); from `validUntil` on
 * the entry no longer holds.
 */
export function inForce(entry: DictionaryEntry, isoDate: string): boolean {
  if (entry.validFrom && isoDate < entry.validFrom) return false;
  if (entry.validUntil && isoDate >= entry.validUntil) return false;
  return true;
}

/** For dated entries, the message says which date the finding was judged at and from where. */
function dateNote(entry: DictionaryEntry, date: ReferenceDate): string {
  if (!entry.validFrom && !entry.validUntil) return '';
  const span = entry.validFrom && entry.validUntil ? `适用于 ${entry.validFrom} 至 ${entry.validUntil} 以前` : entry.validFrom ? `自 ${entry.validFrom} 起适用` : `适用于 ${entry.validUntil} 以前`;
  return `（按${date.origin}判断，该规范写法${span}）`;
}

/**
 * Wrong wording of fixed political and official formulations (规范表述), driven by the
 * `kind: formulation` entries of the dictionaries: 以习近平总书记为核心的党中央 → 以习近平同志为核心的党中央.
 * An entry with `validFrom`/`validUntil` is reported only when the reference date (--date /
 * config, else the document's 成文日期, else today) lies inside its validity.
 */
export const formulation: Rule = {
  meta: {
    id: 'formulation',
    category: 'formulation',
    description: '重要提法、规范表述的写法错误（如“以习近平总书记为核心的党中央”应为“以习近平同志为核心的党中央”）',
    defaultSeverity: 'error',
    fixable: true,
    basis: '党的二十大报告、政府工作报告等权威文本中的规范表述（每个词条注明出处）',
    basisLevel: '规范表述',
    docs: 'rules/docs/formulation.md',
  },
  check(ctx) {
    reportHits(ctx, 'formulation', (hit) => (inForce(hit.entry, ctx.date.iso) ? { extra: dateNote(hit.entry, ctx.date) } : { skip: true }));
  },
};
