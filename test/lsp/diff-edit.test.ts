import * as assert from 'assert';
import { diffEdit } from '../../server/lsp/code-actions';
import { applyEdits } from '../../rules/engine/fixes';

/** The single-edit form of a multi-pass fix-all (in-process; the protocol tests cover the rest). */
describe('LSP: diffEdit (one edit from text to fixed text)', () => {
  const cases: Array<[string, string]> = [
    ['甲,乙,丙', '甲，乙，丙'],
    ['abc', 'abc'],
    ['', '新'],
    ['旧', ''],
    ['前𠮷后', '前𠮹后'],
    ['𠮷,', '𠮷，'],
    [',𠮷', '，𠮷'],
    ['aaaa', 'aa'],
    ['\r\n,\r\n', '\r\n，\r\n'],
  ];
  for (const [a, b] of cases) {
    it(`${JSON.stringify(a)} → ${JSON.stringify(b)}`, () => {
      const e = diffEdit(a, b);
      assert.strictEqual(applyEdits(a, [e]).output, b);
      assert.ok(e.start <= e.end);
      for (const o of [e.start, e.end]) {
        const before = a.charCodeAt(o - 1);
        const here = a.charCodeAt(o);
        assert.ok(!(before >= 0xd800 && before <= 0xdbff && here >= 0xdc00 && here <= 0xdfff), `offset ${o} splits a surrogate pair`);
      }
    });
  }
  it('keeps the common prefix and suffix', () => {
    assert.deepStrictEqual(diffEdit('一二,三四', '一二，三四'), { start: 2, end: 3, text: '，' });
  });
});
