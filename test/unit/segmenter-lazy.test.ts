import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as path from 'path';
import { segmenter } from '../../rules/engine/segmenter';

/**
 * The jieba dictionary costs ~0.14 s and ~90 MB: it must load lazily, once per process, and never
 * for a document without a 的/地/得 candidate. Checked in a fresh Node process, because other
 * tests in this process may already have loaded it.
 */
const OUT = path.resolve(__dirname, '..', '..');

function inFreshProcess(script: string): unknown {
  const out = execFileSync(process.execPath, ['-e', script], { cwd: OUT, encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop() as string);
}

describe('segmenter loading', () => {
  it('loads only when a rule needs it, and once per process', function () {
    this.timeout(20000);
    const result = inFreshProcess(`
      const { lint } = require('./rules/engine/runner');
      const { languageRules } = require('./rules/checks/language');
      const seg = require('./rules/engine/segmenter');
      const events = [];
      seg.onSegmenterLoad((phase) => events.push(phase));
      const opts = { rules: languageRules, dictionaries: { entries: [] } };
      const states = [];
      lint('全面推进依法治国，二〇二二年增长15%～30%。', opts);
      states.push(seg.segmenter.loaded);
      lint('土地和各地的经验。我国的经济总量。', opts);
      states.push(seg.segmenter.loaded);
      const n1 = lint('我们要坚定不移的推进高质量发展。', opts).findings.length;
      states.push(seg.segmenter.loaded);
      const n2 = lint('取得了显著地成效。', opts).findings.length;
      console.log(JSON.stringify({ states, events, n1, n2 }));
    `);
    assert.deepStrictEqual(result, { states: [false, false, true], events: ['start', 'end'], n1: 1, n2: 1 });
  });

  it('reports word offsets in the tagged string (UTF-16, astral characters included)', () => {
    const text = '𠮷我们要坚定不移地推进改革';
    const words = segmenter.tag(text);
    for (const w of words) assert.strictEqual(text.slice(w.start, w.start + w.word.length), w.word);
    assert.strictEqual(words.map((w) => w.word).join(''), text);
    const de = words.find((w) => w.word === '地');
    assert.ok(de && de.tag === 'uv', JSON.stringify(words));
  });
});
