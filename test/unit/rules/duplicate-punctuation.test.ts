import { testRule } from '../../helpers/rule-tester';
import { duplicatePunctuation } from '../../../rules/checks/punctuation/duplicate-punctuation';

testRule(duplicatePunctuation, {
  valid: [
    { code: '这难道不是事实吗？！真是太好了！？', name: '？！ and ！？' },
    { code: '怎么办？？', name: 'doubled question marks (叠用)' },
    { code: '他说：“好。”，然后走了。《条例》，（试行）。', name: '标号 next to 点号' },
    { code: '等等……', name: 'ellipsis' },
    { code: '如此。。。', name: '。。。 is ellipsis-dash’s' },
  ],
  invalid: [
    { code: '推进改革，，促进发展。', errors: [{ column: 5, endColumn: 7 }], output: '推进改革，促进发展。' },
    { code: '完成任务。。', errors: 1, output: '完成任务。' },
    { code: '甲、、、乙', errors: 1, output: '甲、乙' },
    {
      code: '要求：，做好工作',
      errors: [{ messageIncludes: '冒号后接逗号', suggestions: ['要求：做好工作', '要求，做好工作'] }],
      output: null,
    },
    { code: '完成。，然后', errors: 1, output: null },
    { name: 'CRLF', code: '第一行\r\n推进，，落实\r\n', errors: [{ line: 2, column: 3 }], output: '第一行\r\n推进，落实\r\n' },
    { name: 'astral', code: '𠮷；；田', errors: [{ column: 3 }], output: '𠮷；田' },
  ],
});
