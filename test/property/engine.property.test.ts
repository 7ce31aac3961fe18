import * as assert from 'assert';
import * as fc from 'fast-check';
import { LintDocument, MASK } from '../../rules/engine/document';
import { applyEdits, fixUntilStable } from '../../rules/engine/fixes';
import type { TextEdit } from '../../rules/engine/types';
import { documentArb, propertyParams } from './arbitraries';
import { slowPosition } from './check';

/** Engine invariants the rules rely on: document model, masking, edit application. */
describe('property: engine', function () {
  this.timeout(60_000);

  it('prose has the text’s length, keeps every line break, and masks only excluded regions', () => {
    fc.assert(
      fc.property(documentArb({ ruleIds: ['comma-width'] }), (d) => {
        const doc = new LintDocument(d.text, d.format);
        assert.strictEqual(doc.prose.length, d.text.length);
        let prev = -1;
        for (const r of doc.excluded) {
          assert.ok(r.start >= 0 && r.end <= d.text.length && r.start < r.end, `bad excluded range ${JSON.stringify(r)}`);
          assert.ok(r.start > prev, 'excluded ranges sorted and disjoint');
          prev = r.end;
        }
        for (let i = 0; i < d.text.length; i++) {
          const t = d.text[i];
          const p = doc.prose[i];
          if (t === '\n' || t === '\r') assert.strictEqual(p, t, `line break at ${i} kept`);
          else if (p !== t) {
            assert.strictEqual(p, MASK);
            assert.ok(doc.touchesExcluded(i, i + 1), `offset ${i} masked but not excluded`);
          }
        }
      }),
      propertyParams(200),
    );
  });

  it('positionAt agrees with a slow count over CR, LF and CRLF, and offsetAt inverts it', () => {
    fc.assert(
      fc.property(documentArb({ ruleIds: [] }), fc.nat(), (d, n) => {
        const doc = new LintDocument(d.text, d.format);
        const offset = d.text.length === 0 ? 0 : n % (d.text.length + 1);
        const p = doc.positionAt(offset);
        assert.deepStrictEqual(p, slowPosition(d.text, offset));
        // Offsets inside a CRLF pair have no position of their own.
        if (!(d.text[offset - 1] === '\r' && d.text[offset] === '\n')) assert.strictEqual(doc.offsetAt(p), offset);
      }),
      propertyParams(300),
    );
  });

  const editsArb = (len: number): fc.Arbitrary<TextEdit[]> =>
    fc.array(
      fc.tuple(fc.nat({ max: len }), fc.nat({ max: 4 }), fc.constantFrom('', '，', 'x', '。。', '𠮷')).map(([s, n, text]) => ({ start: s, end: Math.min(len, s + n), text })),
      { maxLength: 12 },
    );

  it('applyEdits: applied edits are disjoint, the rest of the text is untouched, report order does not matter', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 40 }).chain((text) => fc.tuple(fc.constant(text), editsArb(text.length))),
        fc.nat(),
        ([text, edits], rot) => {
          const { output, applied, skipped } = applyEdits(text, edits);
          for (let i = 1; i < applied.length; i++) {
            const a = applied[i - 1];
            const b = applied[i];
            assert.ok(a.end <= b.start, `overlap ${JSON.stringify(a)} ${JSON.stringify(b)}`);
            assert.ok(!(a.start === a.end && b.start === b.end && a.start === b.start), 'two insertions at one point');
            assert.ok(!(a.start === a.end && a.start === b.start) , 'insertion and replacement starting at one point');
          }
          // Rebuild independently.
          let rebuilt = '';
          let pos = 0;
          for (const e of applied) {
            rebuilt += text.slice(pos, e.start) + e.text;
            pos = e.end;
          }
          rebuilt += text.slice(pos);
          assert.strictEqual(output, rebuilt);
          assert.ok(applied.length + skipped.length <= edits.length);
          const k = edits.length ? rot % edits.length : 0;
          const rotated = [...edits.slice(k), ...edits.slice(0, k)];
          assert.strictEqual(applyEdits(text, rotated).output, output, 'result depends on report order');
          assert.strictEqual(applyEdits(text, [...edits].reverse()).output, output, 'result depends on report order');
        },
      ),
      propertyParams(500),
    );
  });

  it('fixUntilStable stops within MAX_FIX_PASSES even when fixes never settle', () => {
    let calls = 0;
    const r = fixUntilStable('ab', (t) => {
      calls++;
      return [{ start: 0, end: 1, text: t[0] === 'a' ? 'b' : 'a' }];
    });
    assert.ok(calls <= 10 && r.passes === 10, `passes ${r.passes}`);
  });
});
