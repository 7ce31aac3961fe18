import { testRule } from '../../helpers/rule-tester';
import { nestedMarks } from '../../../rules/checks/punctuation/nested-marks';

testRule(nestedMarks, {
  valid: [
    { code: '《关于贯彻〈条例〉的通知》', name: 'single 书名号 inside double' },
    { code: '他说：“要落实‘两个确立’的要求。”', name: 'single quotes inside double' },
    { code: '《关于公开征求〈关于修改《中华人民共和国网络安全法》的决定〉意见的通知》', name: 'third level of 书名号 is double again' },
    { code: '他说：“文件指出：‘要推进“放管服”改革’。”', name: 'third level of quotes is double again' },
    { code: '根据《条例》和《办法》，推进“放管服”改革和“互联网+”行动。', name: 'siblings are not nested' },
    { code: '《关于推进“放管服”改革的通知》', name: 'quotes inside a title' },
    { code: '学习“《关于“放管服”的通知》”精神', name: 'a title quoted inside quotes keeps its own quotes' },
    { code: '〈条例〉中的《办法》', name: 'a top-level single 书名号 is not judged' },
    {
      name: 'quotation of several paragraphs: a new paragraph opening “ is not nesting',
      code: '他指出：“第一，要加强领导。\n“第二，要落实责任。\n“第三，要严格考核。”',
    },
    { code: '他说“好“。要落实“两个确立”。', name: 'an unclosed quote in the paragraph: pairing unclear, no finding' },
    { code: '要落实“两个确立”的要求”', name: 'a closer without opener: no finding' },
    { code: '《关于“加强管理》的通知”', name: 'crossed marks: no finding' },
    { code: '“要落实“两个确立”的要求', name: 'outer quote left open and the next paragraph does not continue it' },
    { code: '“It’s “fine”', name: 'English apostrophe is not a closer, but the outer quote stays open' },
    { code: '```\n《关于《条例》的通知》\n```\n', format: 'markdown', name: 'code in Markdown' },
    { code: '<!-- gongwen-disable-next-line nested-marks -->\n《关于贯彻《条例》的通知》', name: 'disable directive' },
  ],
  invalid: [
    {
      code: '《关于贯彻《条例》的通知》',
      errors: [{ line: 1, column: 6, endColumn: 10, messageIncludes: '应改为〈条例〉' }],
      output: '《关于贯彻〈条例〉的通知》',
    },
    {
      code: '他说：“要落实“两个确立”的要求。”',
      errors: [{ column: 8, endColumn: 14, messageIncludes: '应改为‘两个确立’' }],
      output: '他说：“要落实‘两个确立’的要求。”',
    },
    {
      name: 'two inner titles',
      code: '《国务院关于印发《方案》和《办法》的通知》',
      errors: 2,
      output: '《国务院关于印发〈方案〉和〈办法〉的通知》',
    },
    {
      name: 'three levels all double: only the middle one is wrong',
      code: '《关于公开征求《关于修改《网络安全法》的决定》意见的通知》',
      errors: 1,
      output: '《关于公开征求〈关于修改《网络安全法》的决定〉意见的通知》',
    },
    {
      name: 'a title inside a title through quotes',
      code: '《关于“学习《条例》”的通知》',
      errors: 1,
      output: '《关于“学习〈条例〉”的通知》',
    },
    {
      name: 'quotes inside a quote inside a title',
      code: '《关于“落实“放管服”要求”的通知》',
      errors: 1,
      output: '《关于“落实‘放管服’要求”的通知》',
    },
    {
      name: 'a middle paragraph of a quotation of several paragraphs',
      code: '他指出：“第一，要落实“两个确立”。\n“第二，要推进“放管服”改革。\n“第三，要严格考核。”',
      errors: [{ line: 1, column: 12 }, { line: 2, column: 8 }],
      output: '他指出：“第一，要落实‘两个确立’。\n“第二，要推进‘放管服’改革。\n“第三，要严格考核。”',
    },
    {
      name: 'CRLF and an astral character',
      code: '第一段。\r\n𠮷“要落实“两个确立”的要求”',
      errors: [{ line: 2, column: 7 }],
      output: '第一段。\r\n𠮷“要落实‘两个确立’的要求”',
    },
    {
      name: 'inline code inside the inner pair: reported without a fix',
      format: 'markdown',
      code: '“运行“`npm test`”的结果”',
      errors: [{ messageIncludes: '另一对双引号之内' }],
      output: null,
    },
  ],
});
