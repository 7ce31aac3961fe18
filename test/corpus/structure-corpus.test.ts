import * as assert from 'assert';
import { lint } from '../../rules/engine/runner';
import { structureRules } from '../../rules/checks/structure';
import { readShared } from '../helpers/shared';
import { countsOf, plantErrors, scanCorpus } from './structure-scan';

/**
 * Pins the numbers in docs/reports/structure-corpus.md. When a rule changes and these move,
 * re-run `node out/test/corpus/structure-scan.js` (and `--list RULE`, `--plant`), judge the new
 * findings and update the report together with the numbers here.
 */
describe('structure rules on the gov-docs corpus', () => {
  it('finding counts per rule and kind (all judged in docs/reports/structure-corpus.md)', () => {
    const { files, findings } = scanCorpus();
    assert.strictEqual(files, 1193);
    assert.deepStrictEqual(countsOf(findings), {
      'heading-levels/duplicate': 2,
      'heading-levels/gap': 10,
      'heading-levels/skip-level': 4,
      'heading-levels/style-mix': 1,
    });
    // Skipped levels are a hint: official texts do put 1. straight under 一、.
    assert.ok(findings.filter((f) => f.kind === 'skip-level').every((f) => f.severity === 'info'));
    assert.ok(findings.filter((f) => f.kind !== 'skip-level').every((f) => f.severity === 'warn'));
  });

  it('planted errors are found (recall on real layout)', () => {
    const got = Object.fromEntries(plantErrors().map((r) => [r.kind, `${r.detected}/${r.planted}`]));
    assert.deepStrictEqual(got, {
      'series: 三是 → 四是': '52/52',
      'series: 二是 → 一是 (first item repeated)': '51/56',
      'heading: （二） → （三）': '624/624',
      'heading: （一） → (一)': '624/624',
      'date: 2019年12月13日 → 2019年12月13号': '804/804',
    });
  });

  for (const name of ['gov_work_report_2022.txt', 'guofa_2019_28_wending_jiuye.txt', 'guobanfa_2020_52_yanglao_tuoyu.txt']) {
    it(`clean text ${name}: no structure finding, and the rules see its structure`, () => {
      const text = readShared('corpus', name);
      const run = (t: string) => lint(t, { rules: structureRules, config: { rules: {}, dictionaries: [], date: '2024-01-01' } }).findings;
      assert.deepStrictEqual(run(text).map((f) => `${f.line + 1}:${f.column + 1} ${f.ruleId} ${f.message}`), []);
      // Renumbering its second second-level heading must be reported.
      const broken = text.replace(/(^|\n)([ \u3000]*)（二）/, '$1$2（四）');
      assert.notStrictEqual(broken, text);
      assert.ok(run(broken).some((f) => f.ruleId === 'heading-levels'), 'a renumbered heading is reported');
    });
  }

  it('the shared seed speech is the fixture and gets no structure finding', () => {
    const seed = readShared('seed', 'speech.txt');
    const { findings } = lint(seed, { rules: structureRules, config: { rules: {}, dictionaries: [], date: '2022-03-01' } });
    assert.deepStrictEqual(findings, []);
  });
});
