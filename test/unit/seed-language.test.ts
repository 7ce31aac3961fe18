import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { lint } from '../../rules/engine/runner';
import { languageRules } from '../../rules/checks/language';

/** The seed speech (a copy of ../shared/seed/speech.txt kept in test/fixtures). */
const SPEECH = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'speech.txt');

describe('seed speech: language rules', () => {
  const text = fs.readFileSync(SPEECH, 'utf8');
  const findings = lint(text, { rules: languageRules, dictionaries: { entries: [] } as never }).findings;

  it('gets exactly one de-di-de finding: 坚定不移的推进', () => {
    const dedi = findings.filter((f) => f.ruleId === 'de-di-de');
    assert.deepStrictEqual(
      dedi.map((f) => text.slice(f.start, f.end)),
      ['坚定不移的推进'],
    );
    const f = dedi[0];
    assert.strictEqual(f.line, 1, 'second line of the speech');
    assert.strictEqual(f.fix, undefined, 'both 地 and no particle are right: suggestions, not a fix');
    const apply = (s: { edit: { start: number; end: number; text: string } }): string =>
      text.slice(f.start, s.edit.start) + s.edit.text + text.slice(s.edit.end, f.end);
    assert.deepStrictEqual((f.suggestions ?? []).map(apply), ['坚定不移地推进', '坚定不移推进']);
  });

  it('gets no number-format finding', () => {
    assert.deepStrictEqual(
      findings.filter((f) => f.ruleId === 'number-format').map((f) => `${f.line + 1}:${f.column + 1} ${f.message}`),
      [],
    );
  });

  it('has no internal error', () => {
    assert.deepStrictEqual(findings.filter((f) => f.ruleId === 'internal-error').map((f) => f.message), []);
  });
});
