import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { lint, fixText } from '../../rules/engine/runner';
import type { LintOptions } from '../../rules/engine/runner';
import { punctuationRules } from '../../rules/checks/punctuation';
import { inChineseContext } from '../../rules/engine/chars';

/**
 * Acceptance of issue 2 on the seed speech (test/fixtures/speech.txt, a copy of
 * ../shared/seed/speech.txt): with the punctuation rules only, every half-width comma, the one
 * comma-space and the placeholders are reported, and nothing else; the fixed text differs from the
 * original only by `,` → `，` and that dropped space.
 */
const SEED = fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'speech.txt'), 'utf8');
const options: LintOptions = { rules: punctuationRules, config: { rules: {}, dictionaries: [], date: '2022-03-01' } };

describe('seed speech with the punctuation rules', () => {
  const findings = lint(SEED, options).findings;
  const byRule = (id: string) => findings.filter((f) => f.ruleId === id);

  it('reports every half-width comma (131) and only those as comma-width', () => {
    const commas = [...SEED].filter((c) => c === ',').length;
    assert.strictEqual(commas, 131);
    const cw = byRule('comma-width');
    assert.strictEqual(cw.length, 131);
    assert.ok(cw.every((f) => SEED.slice(f.start, f.end) === ','));
    assert.ok(cw[0].message.includes('混用了半角逗号（131处）和全角逗号（17处）'), cw[0].message);
  });

  it('reports the comma-space 步伐, 建设', () => {
    const sp = byRule('space-around-punctuation');
    assert.strictEqual(sp.length, 1);
    assert.strictEqual(SEED.slice(sp[0].start - 3, sp[0].end + 2), '步伐, 建设');
    assert.deepStrictEqual(sp[0].fix, { start: sp[0].start, end: sp[0].end, text: '' });
  });

  it('reports the placeholders XX、XX、XX同志, 新X市 and 新X的 as errors', () => {
    const ph = byRule('placeholder');
    assert.deepStrictEqual(
      ph.map((f) => SEED.slice(f.start - 1, f.end + 1)),
      ['的XX、', '、XX、', '、XX同', '新X市', '新X的'],
    );
    assert.ok(ph.every((f) => f.severity === 'error' && !f.fix));
  });

  it('reports nothing else', () => {
    const others = findings.filter((f) => !['comma-width', 'space-around-punctuation', 'placeholder'].includes(f.ruleId));
    assert.deepStrictEqual(others.map((f) => `${f.ruleId} ${f.line + 1}:${f.column + 1} ${f.message}`), []);
    assert.strictEqual(findings.length, 131 + 1 + 5);
  });

  it('fixes to a text with no half-width comma in Chinese context, otherwise unchanged', () => {
    const { output } = fixText(SEED, options);
    for (let i = output.indexOf(','); i !== -1; i = output.indexOf(',', i + 1)) {
      assert.ok(!inChineseContext(output, i), `half-width comma left at ${i}`);
    }
    assert.strictEqual(output, SEED.replace('步伐, 建设', '步伐,建设').replace(/,/g, '，'));
    assert.deepStrictEqual(lint(output, options).findings.filter((f) => f.fix), [], 'no fixable finding left');
  });
});

describe('punctuation rules together: fixes never break the text', () => {
  const cases: [string, string][] = [
    ['推进(改革,发展)工作; 确保落实', '推进（改革，发展）工作；确保落实'],
    ['他说:"要落实\'两个确立\',做到\'两个维护\'"。', '他说：“要落实‘两个确立’，做到‘两个维护’”。'],
    ['目标--全面建成, 等等...。。', '目标——全面建成，等等……。'],
    ['(一) 总体要求', '（一）总体要求'],
  ];
  for (const [input, expected] of cases) {
    it(JSON.stringify(input), () => {
      const { output } = fixText(input, options);
      assert.strictEqual(output, expected);
      assert.deepStrictEqual(lint(output, options).findings.filter((f) => f.fix).map((f) => f.ruleId), []);
    });
  }
});
