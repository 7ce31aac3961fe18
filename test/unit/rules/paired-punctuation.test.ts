import { testRule } from '../../helpers/rule-tester';
import { pairedPunctuation } from '../../../rules/checks/punctuation/paired-punctuation';

testRule(pairedPunctuation, {
  valid: [
    { code: '根据《中华人民共和国预算法》（以下简称预算法）和“放管服”要求，〔2019〕【注】〈〉', name: 'balanced' },
    { code: '《关于〈条例〉的说明》', name: 'nested book titles' },
    { code: '他说：“要落实‘两个确立’。”', name: 'nested quotes' },
    { code: '“第一段引文，\n“第二段引文。”', name: 'quotation of several paragraphs' },
    { code: '（1998年11月29日国务院令第253号发布\n根据2017年7月16日国务院令第682号修订）\n第一章　总则', name: 'regulation 题注 on several lines' },
    { code: '1）加强领导；2）落实责任', name: 'list numbering 1）' },
    { code: '中国(北京）自贸区', name: 'mixed pair is punctuation-width’s' },
    { code: 'don’t worry', name: 'apostrophe in English' },
  ],
  invalid: [
    { code: '根据《预算法规定，做好工作。', errors: [{ column: 3, messageIncludes: '后书名号“》”' }], output: null },
    { code: '做好工作”，确保落实。', errors: [{ column: 5, messageIncludes: '前双引号““”' }], output: null },
    { code: '《关于“加强管理》的通知”', errors: [{ column: 4, messageIncludes: '交叉' }, { column: 13 }], output: null },
    {
      name: 'an unclosed bracket waits at most five paragraphs',
      code: '（说明\n一\n二\n三\n四\n五\n第六）\n',
      errors: [{ line: 1, column: 1 }, { line: 7, column: 3 }],
      output: null,
    },
    {
      name: 'an opening quote typed where the closing one belongs',
      code: '他说“要坚持人民至上“。',
      errors: [{ column: 3, messageIncludes: '补上' }, { column: 11, messageIncludes: '很可能本应是后双引号“””' }],
      output: null,
    },
    { name: 'CRLF and astral', code: '𠮷田（说明\r\n正文\r\n', errors: [{ line: 1, column: 4 }], output: null },
    { name: 'Markdown paragraph spans lines', code: '第一行“引文\n第二行继续\n\n新段落。', format: 'markdown', errors: [{ line: 1, column: 4 }], output: null },
  ],
});
