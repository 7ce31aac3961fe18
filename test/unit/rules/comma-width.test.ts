import { testRule } from '../../helpers/rule-tester';
import { commaWidth } from '../../../rules/checks/punctuation/comma-width';

testRule(commaWidth, {
  valid: [
    { code: '推进改革，促进发展。', name: 'full-width comma' },
    { code: '全年GDP增长8.1%，达到1,143,670亿元。', name: 'thousands separators' },
    { code: 'Hello, world', name: 'English phrase' },
    { code: '参见 https://www.gov.cn/a,b,c 了解详情。', name: 'comma inside a URL' },
    { code: '代码 `a,b` 不检查。', format: 'markdown', name: 'inline code in Markdown' },
    { code: '```\n你好,世界\n```\n', format: 'markdown', name: 'fenced code in Markdown' },
    { code: '<!-- gongwen-disable-next-line comma-width -->\n推进改革,促进发展。', name: 'disable-next-line directive' },
    { code: '推进改革,促进发展。<!-- gongwen-disable-line comma-width -->', name: 'disable-line directive' },
  ],
  invalid: [
    {
      code: '推进改革,促进发展。',
      errors: [{ line: 1, column: 5, endColumn: 6, messageIncludes: '全角逗号' }],
      output: '推进改革，促进发展。',
    },
    {
      code: '推进改革,促进发展，落实责任。',
      errors: [{ messageIncludes: '混用了半角逗号（1处）和全角逗号（1处）' }],
      output: '推进改革，促进发展，落实责任。',
    },
    {
      name: 'astral character before the comma keeps UTF-16 columns right',
      code: '𠮷田,推进',
      // 𠮷 is two UTF-16 code units: the comma is the 4th code unit.
      errors: [{ line: 1, column: 4, endColumn: 5 }],
      output: '𠮷田，推进',
    },
    {
      name: 'CRLF lines',
      code: '第一段。\r\n推进改革,促进发展。\r\n',
      errors: [{ line: 2, column: 5 }],
      output: '第一段。\r\n推进改革，促进发展。\r\n',
    },
    {
      name: 'comma after a Latin word before Chinese',
      code: '全年GDP,增长较快。',
      errors: 1,
      output: '全年GDP，增长较快。',
    },
    {
      name: 'block disable covers only the named rule span',
      code: '<!-- gongwen-disable comma-width -->\n甲,乙\n<!-- gongwen-enable comma-width -->\n丙,丁\n',
      errors: [{ line: 4 }],
      output: '<!-- gongwen-disable comma-width -->\n甲,乙\n<!-- gongwen-enable comma-width -->\n丙，丁\n',
    },
  ],
});
