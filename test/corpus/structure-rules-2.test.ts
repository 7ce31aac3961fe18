import * as assert from 'assert';
import { lint } from '../../rules/engine/runner';
import { readShared } from '../helpers/shared';
import { RULES_2, countsOf2, plantErrors2, scanCorpus2 } from './structure-rules-2-scan';

/**
 * Pins the numbers in docs/reports/structure-rules-2.md. When a rule changes and these move,
 * re-run `node out/test/corpus/structure-rules-2-scan.js` (and `--list RULE`, `--titles`), judge
 * the new findings and update the report together with the numbers here.
 */
describe('structure rules 2 (document-number, document-title, attachment-note, closing-formula) on gov-docs', () => {
  const scan = scanCorpus2();

  it('finding counts per rule and kind (none: the corpus is correct official text)', () => {
    assert.strictEqual(scan.files, 1193);
    assert.deepStrictEqual(countsOf2(scan.findings), {});
  });

  it('the title heuristic finds the titles it should and no more', () => {
    assert.deepStrictEqual(scan.titles, {
      '(no title found)': 544,
      '(other ending)': 1,
      决定: 18,
      函: 37,
      意见: 154,
      批复: 116,
      通报: 14,
      通知: 309,
    });
  });

  it('planted errors are found (recall on real layout)', () => {
    const got = Object.fromEntries(plantErrors2().map((r) => [r.kind, `${r.detected}/${r.planted}`]));
    assert.deepStrictEqual(got, {
      'number: 〔2019〕28号 → (2019)28号': '712/712',
      'number: 〔2019〕28号 → 〔2019〕第28号': '712/712',
      'title: 文种 → 请示报告': '648/648',
      // The one miss is a scrape-damaged title with spaces between its last characters (提 质 扩 容 的 意 见):
      // its ending is no 文种, so a full stop there is left alone like any other non-title line.
      'title: 。 at the end': '648/649',
      'attachment: 。 after the last name': '144/144',
      'closing: 特此报告。 at the end of a 通知': '159/159',
    });
  });

  for (const name of ['gov_work_report_2022.txt', 'guofa_2019_28_wending_jiuye.txt', 'guobanfa_2020_52_yanglao_tuoyu.txt']) {
    it(`clean text ${name}: no finding`, () => {
      const findings = lint(readShared('corpus', name), { rules: RULES_2, config: { rules: {}, dictionaries: [], date: '2024-01-01' } }).findings;
      assert.deepStrictEqual(findings.map((f) => `${f.line + 1}:${f.column + 1} ${f.ruleId} ${f.message}`), []);
    });
  }

  it('guofa_2019_28: its title and 发文字号 are seen (damaging them is reported)', () => {
    const text = readShared('corpus', 'guofa_2019_28_wending_jiuye.txt');
    const run = (t: string) => lint(t, { rules: RULES_2, config: { rules: {}, dictionaries: [], date: '2024-01-01' } }).findings.map((f) => f.ruleId);
    assert.deepStrictEqual(run(text.replace('国发〔2019〕28号', '国发[2019]28号')), ['document-number']);
    assert.deepStrictEqual(run(text.replace('稳就业工作的意见', '稳就业工作的意见。')), ['document-title']);
  });
});
