import * as assert from 'assert';
import * as fc from 'fast-check';
import { allRules } from '../../rules/registry';
import { dictionariesFor, type LintOptions } from '../../rules/engine/runner';
import type { Format, Rule } from '../../rules/engine/types';
import { documentArb, dictionaryFragments, propertyParams, ruleIdsOf, ruleTestSnippets } from './arbitraries';
import { violations } from './check';

/**
 * Every rule in the registry, on random documents. The registry grows while rules are added; these
 * properties cover each new rule without anyone writing a line here. A failure prints the shrunk
 * document and the seed; rerun it with GONGWEN_PROPERTY_SEED=… (and GONGWEN_PROPERTY_PATH=…).
 * GONGWEN_PROPERTY_RUNS=5000 makes a long run.
 */
const TODAY = new Date('2024-06-01T00:00:00Z');

function optionsFor(rules: readonly Rule[], format: Format, date: string | undefined): LintOptions {
  return {
    format,
    rules,
    today: TODAY,
    config: {
      rules: Object.fromEntries(rules.map((r) => [r.meta.id, { level: r.meta.defaultSeverity, options: {} }])),
      dictionaries: [],
      date,
    },
  };
}

function assertClean(text: string, options: LintOptions): void {
  const v = violations(text, options);
  assert.deepStrictEqual(v, [], `${v.length} violation(s) on ${JSON.stringify(text)} (${options.format}):\n  ${v.join('\n  ')}`);
}

describe('property: every rule on random documents', function () {
  // Run counts are moderate here; the properties take a few seconds together.
  this.timeout(120_000);
  const ids = ruleIdsOf(allRules);
  const extra = dictionaryFragments(dictionariesFor([]));
  const snippets = ruleTestSnippets();

  it(`the registry has rules to check (${allRules.length})`, () => {
    assert.ok(allRules.length > 0);
  });

  it('all rules together: no throw, ranges valid, fixes converge, fixing is idempotent, masked text untouched', () => {
    fc.assert(
      fc.property(documentArb({ ruleIds: ids, extraFragments: extra, snippets }), fc.constantFrom(undefined, '2024-06-01', '2019-01-01'), (d, date) => {
        assertClean(d.text, optionsFor(allRules, d.format, date));
      }),
      propertyParams(300),
    );
  });

  it('each rule alone keeps the same invariants', () => {
    fc.assert(
      fc.property(fc.constantFrom(...allRules), documentArb({ ruleIds: ids, extraFragments: extra, snippets, maxBlocks: 8 }), (rule, d) => {
        assertClean(d.text, optionsFor([rule], d.format, '2024-06-01'));
      }),
      propertyParams(300),
    );
  });

  it('rules at level info and error behave the same way (severity does not change ranges)', () => {
    fc.assert(
      fc.property(documentArb({ ruleIds: ids, extraFragments: extra, snippets, maxBlocks: 6 }), fc.constantFrom('info' as const, 'error' as const), (d, level) => {
        const options = optionsFor(allRules, d.format, '2024-06-01');
        for (const id of Object.keys(options.config!.rules)) options.config!.rules[id] = { level, options: {} };
        assertClean(d.text, options);
      }),
      propertyParams(100),
    );
  });
});
