import * as assert from 'assert';
import fc from 'fast-check';
import { AhoCorasick, type AcStrategy } from '../../rules/checks/formulation/aho-corasick';

/**
 * The automaton has three searches (from the first two code units of the needles, with the
 * complete transition table, and the sparse automaton). They must give the same matches in the
 * same order: by end, longer first, needles of the same text in the order they were added (the
 * dictionary rules and enumeration-order rely on that order).
 */
function run(strategy: AcStrategy, needles: string[], text: string): string[] {
  const ac = new AhoCorasick(strategy);
  for (const n of needles) ac.add(n);
  return ac.search(text).map((m) => `${m.needle}@${m.start}-${m.end}`);
}

function naive(needles: string[], text: string): string[] {
  const out: string[] = [];
  needles.forEach((n, id) => {
    for (let i = text.indexOf(n); i !== -1; i = text.indexOf(n, i + 1)) out.push(`${id}@${i}-${i + n.length}`);
  });
  return out.sort();
}

describe('Aho–Corasick: the three searches agree', () => {
  const ch = fc.constantFrom('党', '的', '二', '十', '大', '届', '𠮷', 'a', '中', '国');
  const str = (min: number, max: number) => fc.array(ch, { minLength: min, maxLength: max }).map((a) => a.join(''));

  for (const [label, minLength] of [['needles of 2+ code units (first-pair search)', 2], ['needles of 1+ code units', 1]] as const) {
    it(`${label}: same matches, same order`, () => {
      fc.assert(
        fc.property(fc.array(str(minLength, 6), { minLength: 1, maxLength: 14 }), str(0, 80), (needles, text) => {
          const auto = run('auto', needles, text);
          assert.deepStrictEqual(run('table', needles, text), auto);
          assert.deepStrictEqual(run('sparse', needles, text), auto);
          assert.deepStrictEqual([...auto].sort(), naive(needles, text));
        }),
        { numRuns: 400 },
      );
    });
  }

  it('orders matches ending together longest first, repeated needles in the order added', () => {
    const needles = ['主义思想', '社会主义思想', '主义思想', '思想'];
    const expected = ['1@2-8', '0@4-8', '2@4-8', '3@6-8'];
    for (const s of ['auto', 'table', 'sparse'] as const) assert.deepStrictEqual(run(s, needles, '中国社会主义思想'), expected, s);
  });
});
