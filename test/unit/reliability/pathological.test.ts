import * as assert from 'assert';
import { LintDocument } from '../../../rules/engine/document';
import { parseDirectives } from '../../../rules/engine/directives';
import { lint } from '../../../rules/engine/runner';
import { commaWidth } from '../../../rules/checks/punctuation/comma-width';

/**
 * Inputs that made the engine's own scanning quadratic (a base64 block, a long run of `[`, many
 * unclosed directive comments). Every document is built on every keystroke in the editor, so
 * this is a hang, not a slowness: 100 KB of ASCII letters took 108 s before the fix.
 * The bound is a hang guard (a linear scan takes milliseconds), not a benchmark.
 */
const N = 200_000;
const INPUTS: Record<string, string> = {
  'a long ASCII run without @ (base64, hashes)': 'QUJD'.repeat(N / 4),
  'ASCII with dots (domain-like)': 'a.'.repeat(N / 2),
  'many @': 'a@'.repeat(N / 2),
  'many [': '['.repeat(N / 2) + ']'.repeat(N / 2),
  'many [a](': '[a]('.repeat(N / 4),
  'unclosed directive comments': '<!-- gongwen-disable comma-width '.repeat(N / 34),
  'backticks': '`a'.repeat(N / 2),
  'link target with trailing spaces': '[a](b' + ' '.repeat(N),
  'URL run': 'https://' + 'a/'.repeat(N / 2),
  'CR only': '\r'.repeat(N),
};

describe('reliability: no quadratic scanning in the engine', function () {
  this.timeout(60_000);
  for (const [name, text] of Object.entries(INPUTS)) {
    for (const format of ['text', 'markdown'] as const) {
      it(`${name} [${format}, ${Math.round(text.length / 1000)} K chars]`, () => {
        const t = process.hrtime.bigint();
        const doc = new LintDocument(text, format);
        parseDirectives(doc);
        doc.paragraphs();
        const ms = Number(process.hrtime.bigint() - t) / 1e6;
        assert.ok(ms < 5000, `${ms.toFixed(0)} ms`);
      });
    }
  }

  it('many disable/enable blocks and many findings (4000 blocks, 20000 findings; was 24 s)', () => {
    const text = '<!-- gongwen-disable comma-width -->\n甲,乙\n<!-- gongwen-enable comma-width -->\n丙,丁,戊,己,庚,辛\n'.repeat(4000);
    const t = process.hrtime.bigint();
    const findings = lint(text, { rules: [commaWidth] }).findings;
    const ms = Number(process.hrtime.bigint() - t) / 1e6;
    assert.strictEqual(findings.length, 20000);
    assert.ok(ms < 5000, `${ms.toFixed(0)} ms`);
  });
});
