import { testRule } from '../../helpers/rule-tester';
import { headingLevels } from '../../../rules/checks/structure/heading-levels';

const restartDoc = ['一、总体要求', '（一）指导思想。', '（二）基本原则。', '二、主要任务', '（一）稳岗。', '（二）扩岗。', '1.加大支持。', '2.强化服务。'].join('\n');
const continuousDoc = ['一、总体要求', '（一）指导思想。', '（二）基本原则。', '二、主要任务', '（三）稳岗。', '（四）扩岗。', '三、保障措施', '（五）加强领导。'].join('\n');

testRule(headingLevels, {
  valid: [
    { code: restartDoc, name: 'sub-levels restart under each first-level heading' },
    { code: continuousDoc, name: 'sub-levels run through the document (国发〔2019〕28号 style)' },
    { code: '一、总体要求\n1.指导思想。\n2.基本原则。\n二、主要任务\n1.稳岗。', name: 'two-level document 一、 → 1.' },
    { code: '一、总体要求\n（一）目标。\n1.2019年底前完成清理。\n2.2020年全面推开。', name: '1. followed by a year is a heading, not a decimal' },
    { code: '一、总体要求\n（一）目标。\n1．完成清理。\n2．全面推开。', name: 'full-width point 1． is accepted' },
    { code: '增长1.5倍。\n2.3亿元用于补助。', name: 'decimals at line start are not headings' },
    { code: '一、二、三产业协调发展。\n二、三产业比重上升。', name: 'contracted lists are not headings' },
    { code: '一、总体要求\n二、主要任务\n一、二月份，经济运行平稳。\n三、保障措施', name: '一、二月份 is not a heading' },
    { code: '第一条　为了规范管理，制定本条例。\n（一）甲；\n（二）乙。\n第二条　下列情形：\n（一）丙；\n（二）丁。', name: 'articles restart enumerations' },
    { code: '一、主要任务\n二、保障措施\n附件：1.名单\n2.清单\n附件1\n一、说明\n二、要求', name: 'attachments start new numbering' },
    { code: '一、总体要求\n二、主要任务\n三、保障措施\n\n一、附表说明\n二、填报要求', name: 'a part starting again at 一、 is a new document part' },
    { code: '# 一、总体要求\n\n## （一）指导思想\n\n## （二）基本原则\n', format: 'markdown', name: 'Markdown headings with # markup' },
    { code: '一、总体要求\n（一）中央事权。\n1.公路。（1）国道。\n（2）界河桥梁。\n2.水路。（1）干线航道。\n（2）西江航运。', name: 'run-in sub-heading on the heading line' },
    { code: '```\n一. 代码\n(一) 代码\n```\n', format: 'markdown', name: 'fenced code is not checked' },
    { code: '　　一、总体要求\r\n　　（一）指导思想。\r\n　　（二）基本原则。\r\n', name: 'indented CRLF text' },
  ],
  invalid: [
    {
      name: 'half-width parentheses',
      code: '一、总体要求\n(一)指导思想。\n(二)基本原则。',
      errors: [{ line: 2, column: 1, endColumn: 4, messageIncludes: '应写作“（一）”' }, { line: 3 }],
      output: '一、总体要求\n（一）指导思想。\n（二）基本原则。',
    },
    {
      name: 'first level with a point, third level with 顿号, second level with an extra 顿号',
      code: '一.总体要求\n（一）、目标\n1、完成清理。',
      errors: [{ messageIncludes: '“一、”' }, { messageIncludes: '“（一）”' }, { messageIncludes: '“1.”' }],
      output: '一、总体要求\n（一）目标\n1.完成清理。',
    },
    {
      name: 'fourth level half-width',
      code: '1.甲。\n(1)乙。\n(2)丙。',
      errors: 2,
      output: '1.甲。\n（1）乙。\n（2）丙。',
    },
    {
      name: 'gap',
      code: '一、总体要求\n二、主要任务\n四、保障措施',
      errors: [{ line: 3, messageIncludes: '“二、”之后应为“三、”，此处为“四、”' }],
      output: null,
    },
    {
      name: 'duplicate',
      code: '一、总体要求\n（一）目标。\n（二）原则。\n（二）任务。',
      errors: [{ line: 4, messageIncludes: '重复' }],
      output: null,
    },
    {
      name: 'wrong order',
      code: '（一）目标。\n（三）原则。\n（二）任务。',
      errors: [{ line: 2, messageIncludes: '不连续' }, { line: 3, messageIncludes: '颠倒' }],
      output: null,
    },
    {
      name: 'restart then continuous: one mix finding',
      code: ['一、总体要求', '（一）甲。', '（二）乙。', '二、主要任务', '（一）丙。', '（二）丁。', '三、保障措施', '（三）戊。', '四、组织实施', '（四）己。'].join('\n'),
      errors: [{ line: 8, messageIncludes: '编号方式前后不一' }],
      output: null,
    },
    {
      name: 'first sub-heading not 1 under a parent',
      code: '一、总体要求\n（二）目标。',
      errors: [{ line: 2, messageIncludes: '第一个第二层序数应为“（一）”' }],
      output: null,
    },
    {
      name: 'skipped level when the document uses the level elsewhere (hint, once per section)',
      code: '一、总体要求\n（一）目标。\n二、主要任务\n1.稳岗。\n2.扩岗。',
      errors: [{ line: 4, severity: 'info', messageIncludes: '跳过了第二层' }],
      output: null,
    },
    {
      name: 'astral text before a wrong marker on the next line',
      code: '𠮷一、总体要求\n(一)目标。',
      errors: [{ line: 2, column: 1 }],
      output: '𠮷一、总体要求\n（一）目标。',
    },
    {
      name: 'CRLF and full-width indentation',
      code: '　　一、总体要求\r\n　　(一)目标。\r\n',
      errors: [{ line: 2, column: 3, endColumn: 6 }],
      output: '　　一、总体要求\r\n　　（一）目标。\r\n',
    },
    {
      name: 'Markdown heading with a wrong marker',
      code: '# 一.总体要求\n\n## (一)目标\n',
      format: 'markdown',
      errors: 2,
      output: '# 一、总体要求\n\n## （一）目标\n',
    },
  ],
});
