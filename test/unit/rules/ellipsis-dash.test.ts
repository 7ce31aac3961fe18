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
  ],
});
