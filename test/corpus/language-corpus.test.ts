import * as assert from 'assert';
import { lint } from '../../rules/engine/runner';
import { languageRules } from '../../rules/checks/language';
import { injectErrors, injectNumberErrors, otherTexts, runCorpus, type CorpusRun } from './language-sample';
import { readShared } from '../helpers/shared';

/**
 * Pins what the language rules find on the 1,193 real State Council documents. Every finding
 * listed here was judged by hand (docs/reports/language-corpus.md). A change in these numbers
 * means a rule changed behaviour on real text: re-judge the new findings and update the report
 * and this test together.
 */
const EXPECTED_COUNTS: Record<string, number> = {
  'number-format/full-width-digits': 2,
  'number-format/mixed-numerals': 1,
  'number-format/range-unit': 1,
  'number-format/ratio-sign': 4,
};

describe('language rules on the gov-docs corpus', function () {
  this.timeout(300000);
  let run: CorpusRun;
  before(() => {
    run = runCorpus();
  });

  it('reads the whole corpus', () => {
    assert.strictEqual(run.files, 1193);
    assert.ok(run.chars > 5_000_000, `chars ${run.chars}`);
  });

  it('finds exactly the judged findings', () => {
    assert.deepStrictEqual(run.counts, EXPECTED_COUNTS);
  });

  it('hands under 1% of the scanned characters to the segmenter', () => {
    assert.ok(run.charsTagged > 0, 'the corpus has candidates, so something is tagged');
    assert.ok(run.charsTagged / run.chars < 0.01, `tagged ${run.charsTagged} of ${run.chars}`);
  });

  it('catches injected 的/地/得 errors without findings elsewhere', () => {
    const results = Object.fromEntries(injectErrors().map((r) => [r.kind, r]));
    for (const r of Object.values(results)) assert.strictEqual(r.elsewhere, 0, `${r.kind}: findings away from the injected errors`);
    // Lower bounds from the measurement in docs/reports/language-corpus.md.
    assert.ok(results['de-di-de/de-to-di'].detected >= 205, JSON.stringify(results['de-di-de/de-to-di']));
    assert.ok(results['de-di-de/di-to-de'].detected >= 125, JSON.stringify(results['de-di-de/di-to-de']));
    assert.ok(results['de-di-de/de-to-de2'].detected >= 6, JSON.stringify(results['de-di-de/de-to-de2']));
  });

  it('number-format: injected number errors in real contexts are caught, with no finding elsewhere', () => {
    // Numbers from docs/reports/language-corpus.md (number-format, error injection). The injected
    // counts depend on the corpus only; the detected counts are lower bounds.
    const got = Object.fromEntries(injectNumberErrors().map((r) => [r.kind, r]));
    const expected: Record<string, [number, number]> = {
      'number-format/approximate-ji': [4, 4],
      'number-format/fixed-expression': [1385, 1385],
      'number-format/percent-in-words': [1021, 1021],
      'number-format/pure-decimal': [43, 43],
      'number-format/comma-in-number': [460, 460],
      'number-format/truncated-date': [1416, 666],
      'number-format/ratio-sign': [21, 12],
    };
    assert.deepStrictEqual(Object.keys(got).sort(), Object.keys(expected).sort());
    for (const [kind, [injected, detected]] of Object.entries(expected)) {
      const r = got[kind];
      assert.strictEqual(r.injected, injected, `${kind} injected`);
      assert.ok(r.detected >= detected, `${kind}: detected ${r.detected} < ${detected}`);
      assert.strictEqual(r.elsewhere, 0, `${kind}: findings away from the injected errors`);
    }
  });

  it('out of sample: no finding on the official texts, only full-width digits in the ECSpell sentences', () => {
    const got = Object.fromEntries(otherTexts().map((t) => [t.name, t.findings.map((f) => f.kind)]));
    assert.deepStrictEqual(got, {
      'gov_work_report_2022.txt': [],
      'guofa_2019_28_wending_jiuye.txt': [],
      'guobanfa_2020_52_yanglao_tuoyu.txt': [],
      'ecspell-odw (corrected sentences)': Array(8).fill('number-format/full-width-digits'),
    });
  });

  it('the shared seed speech gets one de-di-de finding and no number finding', () => {
    const text = readShared('seed', 'speech.txt');
    const findings = lint(text, { rules: languageRules, dictionaries: { entries: [] } as never }).findings;
    assert.deepStrictEqual(
      findings.map((f) => `${f.ruleId} ${text.slice(f.start, f.end)}`),
      ['de-di-de 坚定不移的推进'],
    );
  });
});
