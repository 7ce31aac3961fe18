import * as fs from 'fs';
import * as path from 'path';
import { testRule } from '../../helpers/rule-tester';
import { seriesNumbering } from '../../../rules/checks/structure/series-numbering';

const seed = fs.readFileSync(path.join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'speech.txt'), 'utf8');

testRule(seriesNumbering, {
  valid: [
    { code: seed, name: 'the seed speech: 讲五点意见 + 一是…五是 across paragraphs' },
    { code: '主要措施：一是加强领导；二是完善制度；三是强化督查。', name: 'series inside one paragraph' },
    { code: '一是加强领导。\n二是完善制度。一是建章；二是立制；三是落实。\n三是强化督查。', name: 'nested series inside an item' },
    { code: '一是加强领导，二是完善制度。\n另一方面，一是稳增长，二是保就业。', name: 'two separate series' },
    { code: '第一，提高认识。第二，加强领导。第三，狠抓落实。', name: '第一，第二，' },
    { code: '首先，统一思想；其次，完善制度；再次，加强督查；最后，狠抓落实。', name: '首先…其次…再次…最后' },
    { code: '统一是前提，唯一是目标，之一是关键。', name: 'X是 inside words' },
    { code: '坚持质量第一、效益优先。保护为主、抢救第一、合理利用。', name: '第一 inside a phrase' },
    { code: '第一、二批试点已完成。第二、三产业比重上升。', name: 'lists of ordinals' },
    { code: '一是一，二是二，实事求是。', name: 'the idiom 一是一，二是二' },
    { code: '，三要素齐全，一要求三到位。', name: 'X要 words' },
    { code: '一、总体要求\n一是加强领导。\n二、主要任务\n一是完善制度。\n二是强化督查。', name: 'headings end a series' },
    { code: '我讲三点意见：\n一、提高认识\n二、加强领导\n三、狠抓落实', name: 'stated count met by headings' },
    { code: '提出以下两点要求：一是提高认识，二是加强领导。', name: '两 as a count' },
    { code: '下面，我讲三个问题。\n一、统一思想\n（一）认清形势。\n（二）明确任务。\n二、突出重点\n三、狠抓落实', name: '讲三个问题 met by first-level headings with sub-headings' },
    { code: '我讲几点意见。\n一是提高认识。\n二是加强领导。', name: '几点 is not a count' },
    { code: '（二）基本原则。一是\n坚持需求导向。\n二是\n坚持市场主导。', name: 'run-in heading opens a series that later paragraphs continue' },
    { code: '`一是 三是`', format: 'markdown', name: 'code span' },
    { code: '主要措施：一是加强领导。\n同时，二是完善制度，三是强化督查。', name: 'an inline series continued inside the next paragraph' },
    { code: '一是加强领导。\n具体包括：\n一是建章。\n二是立制。\n三是落实。\n二是完善制度。\n三是强化督查。', name: 'nested series whose items also open paragraphs' },
  ],
  invalid: [
    {
      name: 'gap inside a paragraph',
      code: '主要措施：一是加强领导；二是完善制度；四是强化督查。',
      errors: [{ column: 20, endColumn: 22, messageIncludes: '缺少“三是”' }],
      output: null,
    },
    {
      name: 'repeat across paragraphs',
      code: '一是加强领导。\n二是完善制度。\n二是强化督查。',
      errors: [{ line: 3, messageIncludes: '重复' }],
      output: null,
    },
    {
      name: 'wrong order',
      code: '一是加强领导，三是完善制度，二是强化督查。',
      errors: [{ messageIncludes: '缺少“二是”' }, { messageIncludes: '颠倒' }],
      output: null,
    },
    {
      name: 'mixed 是 and 要 with a suggestion',
      code: '工作中，一是加强领导，二要完善制度。',
      errors: [{ messageIncludes: '混用', suggestions: ['工作中，一是加强领导，二是要完善制度。'] }],
      output: null,
    },
    {
      name: 'series starting at 二是',
      code: '当前，二是完善制度，三是强化督查。',
      errors: [{ messageIncludes: '前面没有“一是”' }],
      output: null,
    },
    {
      name: 'stated count not met (seed shape with four items)',
      code: '我就进一步加强人大工作讲五点意见。\n一是对党忠诚。\n二是聚焦中心。\n三是以人为本。\n四是务实重行。',
      errors: [{ line: 1, column: 12, messageIncludes: '其后实际列出 4 条' }],
      output: null,
    },
    {
      name: '讲三个问题 not met',
      code: '下面，我讲三个问题。\n一、统一思想\n二、突出重点',
      errors: [{ messageIncludes: '“三个问题”，其后实际列出 2 条' }],
      output: null,
    },
    {
      name: 'stated count not met by headings',
      code: '提出以下三点要求：\n一、提高认识\n二、加强领导',
      errors: [{ messageIncludes: '实际列出 2 条' }],
      output: null,
    },
    {
      name: '第一、 takes a comma (fix)',
      code: '第一、提高认识。第二，加强领导。',
      errors: [{ column: 1, endColumn: 4, messageIncludes: '逗号' }],
      output: '第一，提高认识。第二，加强领导。',
    },
    {
      name: '首先 … 再次 without 其次',
      code: '首先，统一思想；再次，狠抓落实。',
      errors: [{ messageIncludes: '应为“其次”' }],
      output: null,
    },
    {
      name: 'astral text and CRLF',
      code: '𠮷是前提。\r\n一是加强领导。\r\n三是强化督查。\r\n',
      errors: [{ line: 3, column: 1, endColumn: 3 }],
      output: null,
    },
    {
      name: 'Markdown list items',
      code: '- 一是加强领导；\n- 二是完善制度；\n- 二是强化督查。\n',
      format: 'markdown',
      errors: [{ line: 3, column: 3 }],
      output: null,
    },
  ],
});
