import * as assert from 'assert';
import { LintDocument, MASK } from '../../../rules/engine/document';

describe('LintDocument', () => {
  it('maps offsets to UTF-16 positions across LF, CRLF and CR', () => {
    const doc = new LintDocument('甲\r\n乙𠮷丙\n丁\r戊');
    assert.deepStrictEqual(doc.positionAt(0), { line: 0, character: 0 });
    assert.deepStrictEqual(doc.positionAt(3), { line: 1, character: 0 });
    // 𠮷 is two code units: 丙 is at character 3 of line 1.
    assert.deepStrictEqual(doc.positionAt(6), { line: 1, character: 3 });
    assert.deepStrictEqual(doc.positionAt(8), { line: 2, character: 0 });
    assert.deepStrictEqual(doc.positionAt(10), { line: 3, character: 0 });
    assert.strictEqual(doc.lineCount, 4);
    assert.strictEqual(doc.offsetAt({ line: 1, character: 3 }), 6);
    assert.strictEqual(doc.offsetAt({ line: 1, character: 99 }), 7, 'clamped to the line end, before the break');
  });

  it('lines exclude their line breaks', () => {
    const doc = new LintDocument('一\r\n二\n');
    assert.deepStrictEqual(doc.lines(), [
      { start: 0, end: 1 },
      { start: 3, end: 4 },
      { start: 5, end: 5 },
    ]);
  });

  it('plain-text paragraphs are non-blank lines; Markdown paragraphs are blocks', () => {
    const text = '第一段\n\u3000\u3000\n第二段\n续行\n';
    assert.strictEqual(new LintDocument(text, 'text').paragraphs().length, 3);
    assert.strictEqual(new LintDocument(text, 'markdown').paragraphs().length, 2);
  });

  it('splits sentences after 。！？ and keeps a closing quote with its sentence', () => {
    const doc = new LintDocument('他说：“好。”我们走。对吗？');
    const s = doc.sentences({ start: 0, end: doc.text.length }).map((r) => doc.text.slice(r.start, r.end));
    assert.deepStrictEqual(s, ['他说：“好。”', '我们走。', '对吗？']);
  });

  it('masks excluded regions in prose at the same offsets, keeping line breaks', () => {
    const text = '见 https://www.gov.cn/a,b 。\n```\n甲,乙\n```\n';
    const doc = new LintDocument(text, 'markdown');
    assert.strictEqual(doc.prose.length, text.length);
    assert.ok(!doc.prose.includes('https'));
    assert.ok(!doc.prose.includes('甲,乙'));
    assert.strictEqual(doc.prose.split('\n').length, text.split('\n').length);
    assert.ok(doc.prose.includes(MASK));
    assert.ok(doc.touchesExcluded(text.indexOf('甲'), text.indexOf('甲') + 1));
    assert.ok(!doc.touchesExcluded(0, 1));
  });
});
