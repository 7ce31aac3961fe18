import * as assert from 'assert';
import fc from 'fast-check';
import { AhoCorasick } from '../../rules/checks/formulation/aho-corasick';

/** Every occurrence of every needle, the slow obvious way. */
function naive(needles: string[], text: string): string[] {
  const out: string[] = [];
  needles.forEach((n, id) => {
    for (let i = text.indexOf(n); i !== -1; i = text.indexOf(n, i + 1)) out.push(`${id}@${i}-${i + n.length}`);
  });
  return out.sort();
}

describe('Aho–Corasick matcher of the formulation dictionaries', () => {
  it('finds nested and overlapping needles', () => {
    const ac = new AhoCorasick();
    for (const n of ['中国特色社会主义思想', '习近平新时代中国特色社会主义思想', '社会主义', '主义思想']) ac.add(n);
    const got = ac.search('坚持习近平新时代中国特色社会主义思想').map((m) => `${m.needle}@${m.start}-${m.end}`).sort();
    assert.deepStrictEqual(got, ['0@8-18', '1@2-18', '2@12-16', '3@14-18'].sort());
  });

  it('matches astral characters exactly (UTF-16 offsets)', () => {
    const ac = new AhoCorasick();
    ac.add('𠮷田');
    ac.add('田');
    assert.deepStrictEqual(ac.search('𠮷田𠮷').map((m) => [m.needle, m.start, m.end]), [[0, 0, 3], [1, 2, 3]]);
  });

  it('agrees with a naive search on random needles and texts', () => {
    const ch = fc.constantFrom('党', '的', '二', '十', '大', '届', '𠮷', 'a');
    const str = (min: number, max: number) => fc.array(ch, { minLength: min, maxLength: max }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.uniqueArray(str(1, 4), { minLength: 1, maxLength: 12 }), str(0, 60), (needles, text) => {
        const ac = new AhoCorasick();
        for (const n of needles) ac.add(n);
        const got = ac.search(text).map((m) => `${m.needle}@${m.start}-${m.end}`).sort();
        assert.deepStrictEqual(got, naive(needles, text));
      }),
      { numRuns: 300 },
    );
  });
});
