import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { lint } from '../../rules/engine/runner';
import { structureRules } from '../../rules/checks/structure';

/**
 * The seed speech (讲五点意见 followed by 一是…五是 across paragraphs, dated nowhere, no headings)
 * is correct structure: none of the structure rules may report anything on it. The copy in
 * test/fixtures is the one in ../shared/seed, so this runs without ../shared.
 */
describe('seed speech: structure rules', () => {
  const text = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'speech.txt'), 'utf8');

  it('has the five-point series the rules must accept', () => {
    assert.ok(text.includes('讲五点意见'));
    for (const n of ['一', '二', '三', '四', '五']) assert.ok(text.includes(`\n${n}是要`), `${n}是要 at a paragraph start`);
  });

  it('gets no series-numbering, heading-levels or document-date finding', () => {
    assert.deepStrictEqual(structureRules.map((r) => r.meta.id).sort(), ['attachment-note', 'closing-formula', 'document-date', 'document-number', 'document-title', 'heading-levels', 'series-numbering']);
    const { findings } = lint(text, { rules: structureRules, config: { rules: {}, dictionaries: [], date: '2022-03-01' } });
    assert.deepStrictEqual(findings.map((f) => `${f.line + 1}:${f.column + 1} ${f.ruleId} ${f.message}`), []);
  });

  it('would report the announced count if one item were missing (the check is live)', () => {
    const broken = text.replace(/\n五是要[^\n]*/, '');
    const { findings } = lint(broken, { rules: structureRules, config: { rules: {}, dictionaries: [], date: '2022-03-01' } });
    assert.deepStrictEqual(findings.map((f) => f.ruleId), ['series-numbering']);
    assert.ok(findings[0].message.includes('实际列出 4 条'), findings[0].message);
  });
});
