import * as assert from 'assert';
import { applyEdits, fixUntilStable, MAX_FIX_PASSES } from '../../../rules/engine/fixes';

describe('applyEdits', () => {
  it('applies non-overlapping edits regardless of report order', () => {
    const r = applyEdits('a,b,c', [
      { start: 3, end: 4, text: '，' },
      { start: 1, end: 2, text: '，' },
    ]);
    assert.strictEqual(r.output, 'a，b，c');
    assert.strictEqual(r.applied.length, 2);
  });
  it('skips an edit that overlaps an earlier one', () => {
    const r = applyEdits('abcdef', [
      { start: 1, end: 4, text: 'X' },
      { start: 3, end: 5, text: 'Y' },
    ]);
    assert.strictEqual(r.output, 'aXef');
    assert.strictEqual(r.skipped.length, 1);
  });
  it('two insertions at one place: only the first is applied in a pass', () => {
    const r = applyEdits('ab', [
      { start: 1, end: 1, text: 'X' },
      { start: 1, end: 1, text: 'Y' },
    ]);
    assert.strictEqual(r.output, 'aXb');
  });
  it('drops edits outside the text', () => {
    const r = applyEdits('ab', [{ start: 1, end: 9, text: 'X' }]);
    assert.strictEqual(r.output, 'ab');
    assert.strictEqual(r.skipped.length, 1);
  });
});

describe('fixUntilStable', () => {
  it('re-runs until no fix is left', () => {
    // Each pass can only fix the first of two overlapping candidates.
    const collect = (t: string) => {
      const i = t.indexOf('..');
      return i === -1 ? [] : [{ start: i, end: i + 2, text: '.' }, { start: i + 1, end: i + 3, text: '.' }];
    };
    const r = fixUntilStable('a....b', collect);
    assert.strictEqual(r.output, 'a.b');
    assert.ok(r.passes >= 2);
  });
  it('stops after MAX_FIX_PASSES when fixes never converge', () => {
    let n = 0;
    const r = fixUntilStable('x', (t) => {
      n++;
      return [{ start: 0, end: t.length, text: t + 'x' }];
    });
    assert.strictEqual(r.passes, MAX_FIX_PASSES);
    assert.strictEqual(n, MAX_FIX_PASSES);
  });
});
