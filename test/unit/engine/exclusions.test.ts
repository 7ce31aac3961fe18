import * as assert from 'assert';
import { findExcludedRanges } from '../../../rules/engine/exclusions';
import type { Format } from '../../../rules/engine/types';

function excluded(text: string, format: Format): string[] {
  return findExcludedRanges(text, format).map((r) => text.slice(r.start, r.end));
}

describe('excluded regions', () => {
  it('URLs give trailing sentence punctuation back to the sentence', () => {
    assert.deepStrictEqual(excluded('详见https://www.gov.cn/zhengce.,再说', 'text'), ['https://www.gov.cn/zhengce']);
    assert.deepStrictEqual(excluded('（见http://a.cn/x_(1))', 'text'), ['http://a.cn/x_(1)']);
  });
  it('e-mail addresses and HTML comments, in plain text too', () => {
    assert.deepStrictEqual(excluded('联系 office@gov.cn <!-- 备注 -->', 'text'), ['office@gov.cn', '<!-- 备注 -->']);
  });
  it('Markdown: front matter, fenced and indented code, inline code, link targets, tags', () => {
    const md = [
      '---',
      'title: 通知',
      '---',
      '正文`a,b`与[链接](https://x.cn/a,b "标题")及<br>。',
      '',
      '    缩进代码,1',
      '',
      '~~~js',
      'x = 1, 2',
      '~~~',
      '[ref]: https://example.com/a,b',
    ].join('\n');
    const got = excluded(md, 'markdown');
    assert.ok(got[0].startsWith('---') && got[0].endsWith('---'), 'front matter');
    assert.ok(got.includes('`a,b`'), 'inline code');
    assert.ok(got.some((g) => g.startsWith('](https://x.cn/a,b')), 'link target');
    assert.ok(got.includes('<br>'), 'HTML tag');
    assert.ok(got.includes('    缩进代码,1'), 'indented code');
    assert.ok(got.includes('~~~js\nx = 1, 2\n~~~'), 'fenced code');
    assert.ok(got.includes('[ref]: https://example.com/a,b'), 'reference definition');
  });
  it('full-width indentation is not indented code', () => {
    assert.deepStrictEqual(excluded('\n\u3000\u3000正文,继续', 'markdown'), []);
  });
  it('an unclosed fence runs to the end of the document', () => {
    assert.deepStrictEqual(excluded('正文\n```\n代码,1\n', 'markdown'), ['```\n代码,1\n']);
  });
});
