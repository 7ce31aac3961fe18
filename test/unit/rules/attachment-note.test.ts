import { testRule } from '../../helpers/rule-tester';
import { attachmentNote } from '../../../rules/checks/structure/attachment-note';

testRule(attachmentNote, {
  valid: [
    { code: '　　附件：重点任务分工方案\n\n国务院办公厅\n2019年12月16日\n', name: 'one attachment' },
    {
      code: '附件：1.各地区政府网站抽查情况\n　　　2.国务院部门及其内设、垂直管理机构政府网站抽查情况\n　　　3.抽查发现存在突出问题的政府网站名单\n',
      name: 'several attachments, numbered and aligned (names with 、 inside)',
    },
    { code: '附件：1．抽查评分较高的政府门户网站名单\r\n　　　2．政务新媒体抽查合格率达100%的地方和部门名单\r\n', name: 'full-width dot, CRLF' },
    { code: '附件：1.2017年第三季度政府网站监管工作情况\n　　　2.各地区政府网站运行和抽查情况\n', name: 'a name starting with a year after 1.' },
    { code: '附件：第二批双创示范基地名单（92个）\n', name: 'a closing bracket ends the name' },
    { code: '附件1\n\n重点任务分工\n', name: 'the 附件1 label on the attachment page is no 附件说明' },
    { code: '请按照附件：1.格式填写。', name: '附件 not at a line start' },
    { code: '附件所列事项，请认真落实。\n', name: '附件 without a colon' },
    { code: '附件：1.全国脱贫攻坚先进个人名单\n　　　2.全国脱贫攻坚先进集体名单\n附件1\n', name: 'the list ends at the first unnumbered line' },
    { code: '```\n附件：1.名单；2.清单。\n```\n', format: 'markdown', name: 'code block' },
  ],
  invalid: [
    {
      name: 'full stop after the only name',
      code: '　　附件：重点任务分工方案。\n',
      errors: [{ column: 14, endColumn: 15, messageIncludes: '不加标点' }],
      output: '　　附件：重点任务分工方案\n',
    },
    {
      name: 'the catalogue example: two attachments on one line with ；and 。',
      code: '附件：1.XXX；2.YYY。\n',
      errors: [{ column: 9, messageIncludes: '分行' }, { column: 15, messageIncludes: '不加标点' }],
      output: '附件：1.XXX\n　　　2.YYY\n',
    },
    {
      name: 'punctuation after each name on its own line, CRLF and astral characters',
      code: '附件：1.𠮷𠮷名单；\r\n　　　2.𠮷𠮷清单。\r\n',
      errors: [{ line: 1, column: 12 }, { line: 2, column: 12 }],
      output: '附件：1.𠮷𠮷名单\r\n　　　2.𠮷𠮷清单\r\n',
    },
    {
      name: '1、 instead of 1.',
      code: '附件：1、名单\n　　　2、清单\n',
      errors: [{ line: 1, column: 4, endColumn: 6, messageIncludes: '下脚点' }, { line: 2, column: 4 }],
      output: '附件：1.名单\n　　　2.清单\n',
    },
    {
      name: '（1） instead of 1.',
      code: '附件：（1）名单\n　　　（2）清单\n',
      errors: 2,
      output: '附件：1.名单\n　　　2.清单\n',
    },
    {
      name: '1） instead of 1.',
      code: '附件：1）名单\n　　　2）清单\n',
      errors: 2,
      output: '附件：1.名单\n　　　2.清单\n',
    },
    {
      name: 'half-width colon',
      code: '附件:重点任务分工方案\n',
      errors: [{ column: 3, messageIncludes: '全角冒号' }],
      output: '附件：重点任务分工方案\n',
    },
    {
      name: 'numbering gap (message only)',
      code: '附件：1.名单\n　　　3.清单\n',
      errors: [{ line: 2, column: 4, messageIncludes: '依次编排' }],
      output: null,
    },
  ],
});
