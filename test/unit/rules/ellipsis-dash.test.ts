import { testRule } from '../../helpers/rule-tester';
import { ellipsisDash } from '../../../rules/checks/punctuation/ellipsis-dash';

testRule(ellipsisDash, {
  valid: [
    { code: '猪肉、蔬菜、水果……都要保供。', name: 'correct ellipsis' },
    { code: '——经济保持恢复发展。', name: 'correct dash' },
    { code: '“十四五”规划（2021—2025年）', name: 'range connector between numbers' },
    { code: '北京—上海特别旅客快车；主城区—新城—新市镇—乡村', name: 'connector between words' },
    { code: 'Wait... what? Use --verbose.', name: 'English text' },
    { code: '| 项目 | 内容 |\n| --- | --- |\n| 甲 | 乙 |', format: 'markdown', name: 'Markdown table rule' },
    { code: '标题\n---\n正文', format: 'markdown', name: 'Markdown setext/rule line' },
    { code: '域名为“△△△.gov.cn/…/…”结构', name: 'path pattern' },
    { code: '2021--2025年', name: 'two hyphens between numbers are not guessed' },
    { code: '含铁的食物有猪肝、大豆、菠菜等。', name: '等 without an ellipsis' },
    { code: '含铁的食物有猪肝、大豆、菠菜……', name: 'an ellipsis without 等' },
    { code: '报告指出：“……等到条件成熟时再推开。”', name: '……等到: 等 starts another word' },
    { code: '分为一级、二级、三级……等级越高，要求越严。', name: '……等级: 等 starts another word' },
    { code: '他说：“我们……等一下再议。”', name: 'no enumeration before the ellipsis' },
    { code: '提出“猪肝、大豆……”等要求', name: 'the ellipsis is inside a quotation that 等 follows' },
    { code: '猪肝、大豆。……等到明年', name: 'the enumeration is in an earlier sentence' },
  ],
  invalid: [
    { code: '等等...', errors: [{ column: 3, endColumn: 6, messageIncludes: '省略号' }], output: '等等……' },
    { code: '如此。。。还有', errors: 1, output: '如此……还有' },
    { code: '蔬菜、水果…都要保供', errors: 1, output: '蔬菜、水果……都要保供' },
    { code: '目标--全面建成小康社会', errors: [{ messageIncludes: '破折号' }], output: '目标——全面建成小康社会' },
    { code: '目标──全面建成', errors: 1, output: '目标——全面建成' },
    { code: '目标－－全面建成', errors: 1, output: '目标——全面建成' },
    { name: 'single em dash at paragraph start', code: '　　—经济保持恢复发展。', errors: 1, output: '　　——经济保持恢复发展。' },
    { name: 'single em dash before a quote', code: '一个目标—“全面小康”', errors: 1, output: '一个目标——“全面小康”' },
    { name: 'CRLF and astral', code: '甲\r\n𠮷田...', errors: [{ line: 2, column: 4 }], output: '甲\r\n𠮷田……' },
    {
      name: 'ellipsis followed by 等: two suggestions, no fix',
      code: '含铁的食物有猪肝、大豆、菠菜……等。',
      errors: [{ column: 15, endColumn: 18, messageIncludes: '省略号和“等”不能同时使用', suggestions: ['含铁的食物有猪肝、大豆、菠菜等。', '含铁的食物有猪肝、大豆、菠菜……。'] }],
      output: null,
    },
    {
      name: 'ellipsis followed by 等等',
      code: '猪肝、大豆……等等',
      errors: [{ messageIncludes: '“等等”', suggestions: ['猪肝、大豆等等', '猪肝、大豆……'] }],
      output: null,
    },
    {
      name: '等 before a noun, and enumerations that 等 closes',
      code: '推进交通、能源、水利……等一批重大项目，以及教育、医疗……等同类服务。',
      errors: [{ suggestions: ['推进交通、能源、水利等一批重大项目，以及教育、医疗……等同类服务。', '推进交通、能源、水利……一批重大项目，以及教育、医疗……等同类服务。'] }, { column: 28 }],
      output: null,
    },
    {
      name: 'a 顿号 before the ellipsis goes with it',
      code: '猪肝、大豆、……等',
      errors: [{ suggestions: ['猪肝、大豆等', '猪肝、大豆、……'] }],
      output: null,
    },
    {
      name: 'a malformed ellipsis before 等: its form is fixed, 等 is only suggested',
      code: '猪肝、大豆...等',
      errors: [{ messageIncludes: '占两个字位置' }, { messageIncludes: '不能同时使用' }],
      output: '猪肝、大豆……等',
    },
    {
      name: 'CRLF and astral before the ellipsis',
      code: '甲\r\n𠮷、乙……等',
      // 𠮷 is two UTF-16 code units: the ellipsis starts at the 5th.
      errors: [{ line: 2, column: 5 }],
      output: null,
    },
  ],
});
