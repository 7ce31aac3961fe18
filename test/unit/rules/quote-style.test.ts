import { testRule } from '../../helpers/rule-tester';
import { quoteStyle } from '../../../rules/checks/punctuation/quote-style';

testRule(quoteStyle, {
  valid: [
    { code: '树牢“四个意识”，坚定“四个自信”。', name: 'curly quotes' },
    { code: 'He said "hello" and left.', name: 'English sentence' },
    { code: "It's the government's plan.", name: 'English apostrophes' },
    { code: 'The screen is 15.6" wide and 2\' long.', name: 'inch and foot marks in English' },
    { code: '配置项 `"name": "值"` 不检查。', format: 'markdown', name: 'inline code' },
    { code: '<a title="标题">链接</a>', format: 'markdown', name: 'HTML attribute' },
  ],
  invalid: [
    { code: '推进"放管服"改革', errors: [{ column: 3, messageIncludes: '第1行第7列' }], output: '推进“放管服”改革' },
    { code: '"四个意识"、"四个自信"', errors: 2, output: '“四个意识”、“四个自信”' },
    { name: 'nesting: straight pair inside curly quotes becomes single', code: '他说：“要落实"两个确立"的要求。”', errors: [{ messageIncludes: '里层用单引号' }], output: '他说：“要落实‘两个确立’的要求。”' },
    {
      name: 'straight single quotes at the top level: fix to single, suggest double',
      code: "坚持'房住不炒'定位",
      errors: [{ suggestions: ['坚持‘房住不炒’定位', '坚持“房住不炒”定位'] }],
      output: '坚持‘房住不炒’定位',
    },
    { name: 'English word quoted in Chinese', code: '所谓"smart"城市', errors: 1, output: '所谓“smart”城市' },
    { name: 'odd count: no fix', code: '推进"放管服改革', errors: [{ messageIncludes: '无法确定配对' }], output: null },
    { name: 'per line pairing with CRLF', code: '甲"乙"\r\n丙"丁"\r\n', errors: [{ line: 1 }, { line: 2 }], output: '甲“乙”\r\n丙“丁”\r\n' },
    { name: 'astral character inside', code: '"𠮷田"同志', errors: 1, output: '“𠮷田”同志' },
  ],
});
