import * as assert from 'assert';
import { compileUserPattern, withoutCaptures, UnsafePatternError } from '../../../rules/engine/safe-regex';

/**
 * Patterns from users' dictionaries run on RE2. Linear time is not enough on its own: with capture
 * groups RE2 tracks submatches over the whole match, and `(.*a){12}` on 100 KB took 11 s. The
 * bound below is a hang guard, not a benchmark (each case takes milliseconds to ~100 ms now).
 */
describe('reliability: user patterns cannot hang a check', function () {
  this.timeout(120_000);
  const input = 'a'.repeat(100_000) + '中'.repeat(1_000) + '𠮷';
  const CATASTROPHIC = ['(a+)+$', '(a|a)*b', '(a|aa)+$', '(.*a){12}', '(\\w+\\s?)+$', '(x+x+)+y', '(.*.*.*)*=', '([\\u4e00-\\u9fff]+)+。$', '(?P<x>a*)*b'];
  for (const p of CATASTROPHIC) {
    it(`${p} on 100 KB`, () => {
      const re = compileUserPattern(p);
      const t = process.hrtime.bigint();
      re.matchAll(input);
      const ms = Number(process.hrtime.bigint() - t) / 1e6;
      assert.ok(ms < 3000, `${ms.toFixed(0)} ms`);
    });
  }

  it('groups are still reported, on demand, with UTF-16 indexes', () => {
    const found = compileUserPattern('(坚持)(以人民)?为中心').matchAll('𠮷坚持为中心，坚持以人民为中心');
    assert.deepStrictEqual(
      found.map((m) => [m.index, m.text, m.groups.map((g) => g ?? null)]),
      [
        [2, '坚持为中心', ['坚持', null]],
        [8, '坚持以人民为中心', ['坚持', '以人民']],
      ],
    );
  });

  it('withoutCaptures keeps escapes, classes and other (?…) groups', () => {
    assert.strictEqual(withoutCaptures('(a)(?:b)(?P<n>c)(?<m>d)[(]\\(x)'), '(?:a)(?:b)(?:c)(?:d)[(]\\(x)');
    assert.strictEqual(withoutCaptures('[]()](e)'), '[]()](?:e)');
    assert.strictEqual(withoutCaptures('[^]()](e)'), '[^]()](?:e)');
    assert.strictEqual(withoutCaptures('(?i)ab'), '(?i)ab');
  });

  it('patterns RE2 cannot run are refused with a reason', () => {
    for (const p of ['(?=a)', '\\1', '[', 'a{2000}', 'a{1,100}{1,100}']) {
      assert.throws(() => compileUserPattern(p), (e: unknown) => e instanceof UnsafePatternError && /正则表达式无效/.test((e as Error).message), p);
    }
  });

  it('empty matches advance instead of looping', () => {
    assert.strictEqual(compileUserPattern('x*').matchAll('中文中文').length, 5);
  });
});
