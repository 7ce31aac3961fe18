import * as assert from 'assert';
import { compileUserPattern, UnsafePatternError } from '../../rules/engine/safe-regex';

describe('safe-regex (user patterns on RE2)', () => {
  it('finds matches with UTF-16 offsets, astral characters included', () => {
    const p = compileUserPattern('总书记为核心');
    assert.deepStrictEqual(p.matchAll('𠮷以习近平总书记为核心').map((m) => m.index), [6]);
  });
  it('finishes a catastrophic-backtracking pattern on 100 KB quickly', () => {
    const p = compileUserPattern('(a+)+$');
    const started = process.hrtime.bigint();
    assert.deepStrictEqual(p.matchAll('a'.repeat(100_000) + 'b'), []);
    // Generous bound: backtracking engines take astronomically long here, RE2 milliseconds.
    assert.ok(Number(process.hrtime.bigint() - started) / 1e6 < 5000);
  });
  it('rejects lookbehind with a message that says why', () => {
    assert.throws(() => compileUserPattern('(?<=习近平)总书记'), (e: unknown) => e instanceof UnsafePatternError && /环视/.test(e.message));
  });
});
