import * as assert from 'assert';
import { lint } from '../../../rules/engine/runner';
import { allRules } from '../../../rules/registry';
import type { Format } from '../../../rules/engine/types';

/**
 * Inputs the property tests shrank to when they found a crash, kept so the crash cannot come back
 * unnoticed even when a shorter property run does not happen to generate them again.
 */
const CRASHERS: Array<{ text: string; format: Format; found: string }> = [
  // space-around-punctuation read text[-1] (undefined) through isCjkPunctuation at offset 0.
  { text: ', ，', format: 'text', found: 'space-around-punctuation, half-width point at the very start' },
  { text: ', 。', format: 'markdown', found: 'same, Markdown' },
];

describe('reliability: inputs that once crashed a rule', () => {
  for (const c of CRASHERS) {
    it(`${JSON.stringify(c.text)} [${c.format}] (${c.found})`, () => {
      const errors = lint(c.text, { format: c.format, rules: allRules }).findings.filter((f) => f.ruleId === 'internal-error');
      assert.deepStrictEqual(errors.map((f) => f.message), []);
    });
  }
});
