import * as assert from 'assert';
import { lint } from '../../../rules/engine/runner';
import { LintDocument } from '../../../rules/engine/document';
import type { Format } from '../../../rules/engine/types';
import { testRule } from '../../helpers/rule-tester';
import { documentDate } from '../../../rules/checks/structure/document-date';

testRule(documentDate, {
  valid: [
    { code: '国务院\n2019年12月13日\n（此件公开发布）', name: 'signature block with a correct date' },
    { code: '国务院办公厅　　2019年12月16日印发', name: 'correct 印发日期 after the 印发机关' },
    { code: '国务院办公厅2019年12月16日印发', name: 'correct 印发日期 written against the 印发机关' },
    { code: '　　总理　　李克强\n2018年11月6日          ', name: 'trailing spaces and NBSP padding' },
    { code: '国务院\n二〇一一年三月一日', name: 'Chinese numerals before GB/T 9704-2012 took effect (1999 format)' },
    { code: '会议于2022年03月01日召开。', name: 'dates in running text are not 成文日期 (left to number rules)' },
    { code: '——在全市工作会议上的讲话\n（2022年3月1日）', name: 'a parenthesized speech date is not a 成文日期' },
    { code: '2022年10月12日', name: 'two-digit months and days are not padding' },
    { code: '2024年2月29日', name: 'leap day' },
    { code: '```\n2022-03-01\n```\n', format: 'markdown', name: 'code block' },
  ],
  invalid: [
    {
      name: 'Chinese numerals after 2012 (the 1999 format)',
      code: '国务院\n二〇二二年三月一日\n',
      errors: [{ line: 2, column: 1, endColumn: 10, messageIncludes: 'GB/T 9704-1999' }],
      output: '国务院\n2022年3月1日\n',
    },
    {
      name: '○ (U+25CB) and 十二月三十一日',
      code: '二○二○年十二月三十一日',
      errors: 1,
      output: '2020年12月31日',
    },
    {
      name: 'zero padding and 号 in a 印发日期',
      code: '国务院办公厅　2022年03月01号印发',
      errors: [{ column: 8, messageIncludes: '印发日期' }],
      output: '国务院办公厅　2022年3月1日印发',
    },
    {
      name: '印发日期 written against the 印发机关, zero-padded',
      code: '国务院办公厅2019年02月06日印发',
      errors: [{ column: 7, endColumn: 18 }],
      output: '国务院办公厅2019年2月6日印发',
    },
    {
      name: 'Chinese-numeral 印发日期 after spaces: the year is not cut',
      code: '国务院办公厅　二〇二二年三月一日印发',
      errors: [{ column: 8, messageIncludes: '不用汉字' }],
      output: '国务院办公厅　2022年3月1日印发',
    },
    {
      name: 'two-digit year: no fix, one suggestion',
      code: '22年3月1日',
      errors: [{ messageIncludes: '年份应标全称', suggestions: ['2022年3月1日'] }],
      output: null,
    },
    {
      name: 'dotted and ISO forms',
      code: '国务院\n2022.3.1\n2022-03-01\n2022/3/1',
      errors: 3,
      output: '国务院\n2022年3月1日\n2022年3月1日\n2022年3月1日',
    },
    {
      name: 'full-width digits',
      code: '２０２２年３月１日',
      errors: [{ messageIncludes: '半角' }],
      output: '2022年3月1日',
    },
    {
      name: 'a date that does not exist',
      code: '2022年2月30日',
      errors: [{ messageIncludes: '不存在' }],
      output: null,
    },
    {
      name: 'astral character on the line before, CRLF',
      code: '𠮷县人民政府\r\n2022年03月1日\r\n',
      errors: [{ line: 2, column: 1, endColumn: 11 }],
      output: '𠮷县人民政府\r\n2022年3月1日\r\n',
    },
    {
      name: 'full-width indentation before the date',
      code: '　　　　2022年3月1号',
      errors: [{ column: 5 }],
      output: '　　　　2022年3月1日',
    },
  ],
});


describe('document-date: paragraph scope holds', () => {
  const docs: Array<[string, Format]> = [
    ['国务院\r\n二〇二二年三月一日\r\n（此件公开发布）\r\n\r\n国务院办公厅　2022年03月01号印发\r\n', 'text'],
    ['# 通知\n\n国务院\n2022.3.1\n\n正文。\n\n２０２２年３月１日\n', 'markdown'],
  ];
  for (const [text, format] of docs) {
    it(`findings of the whole ${format} document equal those of its paragraphs linted alone`, () => {
      const opts = { format, rules: [documentDate], config: { rules: {}, dictionaries: [], date: '2024-01-01' } };
      const whole = lint(text, opts).findings.map((f) => `${f.start}-${f.end} ${f.message}`);
      const parts: string[] = [];
      for (const p of new LintDocument(text, format).paragraphs()) {
        for (const f of lint(text.slice(p.start, p.end), opts).findings) parts.push(`${f.start + p.start}-${f.end + p.start} ${f.message}`);
      }
      assert.ok(whole.length > 0);
      assert.deepStrictEqual(parts, whole);
    });
  }
});
