import { testRule } from '../../helpers/rule-tester';
import { formulation } from '../../../rules/checks/formulation/formulation';

testRule(formulation, {
  valid: [
    { code: '紧密团结在以习近平同志为核心的党中央周围。', name: 'the correct form' },
    { code: '坚持以习近平新时代中国特色社会主义思想为指导。', name: 'correct form of the guiding thought' },
    { code: '要认真学习总书记重要讲话精神。', name: '学习总书记 is not 习总书记 (exception)' },
    { code: '各级人社部门要加强指导。', name: '人社部门 is a generic term (exception)' },
    { code: '见《关于做好工作的通知》（人社部函〔2020〕11号）。', name: 'a document number code 人社部函 stays' },
    { code: '人民代表大会制度是我国的根本政治制度。', name: 'people’s congress system, right' },
    { code: '用法示例：`以习近平总书记为核心的党中央` 是错误写法。', format: 'markdown', name: 'inline code in Markdown is not checked' },
    { code: '党的十九届六中全会、党的二十届三中全会', name: 'plenums written with 届' },
  ],
  invalid: [
    {
      code: '紧密团结在以习近平总书记为核心的党中央周围。',
      errors: [{ line: 1, column: 6, endColumn: 20, severity: 'error', messageIncludes: '以习近平同志为核心的党中央' }],
      output: '紧密团结在以习近平同志为核心的党中央周围。',
    },
    {
      name: '二十大三中全会: only 大 → 届 is replaced',
      code: '深入学习贯彻党的二十大三中全会精神。',
      errors: [{ column: 9, endColumn: 12, messageIncludes: '届' }],
      output: '深入学习贯彻党的二十届三中全会精神。',
    },
    {
      name: 'basic vs fundamental political system',
      code: '人民代表大会制度是我国的基本政治制度。',
      errors: [{ column: 13, endColumn: 19 }],
      output: '人民代表大会制度是我国的根本政治制度。',
    },
    {
      code: '全面、准确、完整贯彻新发展理念',
      errors: 1,
      output: '完整、准确、全面贯彻新发展理念',
    },
    {
      name: 'ASCII quotes are the same formulation',
      code: '坚持"三个代表"思想。',
      errors: 1,
      output: '坚持“三个代表”重要思想。',
    },
    {
      name: 'astral character before the finding keeps UTF-16 columns right',
      code: '𠮷以人民为核心的发展思想',
      errors: [{ column: 3, endColumn: 14 }],
      output: '𠮷以人民为中心的发展思想',
    },
    {
      name: 'CRLF lines',
      code: '第一段。\r\n筑牢中华民族共同体意识。\r\n',
      errors: [{ line: 2, column: 1 }],
      output: '第一段。\r\n铸牢中华民族共同体意识。\r\n',
    },
    {
      name: 'no fix where the rewording is not mechanical',
      code: '构建以国际大循环为主体的格局。',
      errors: [{ messageIncludes: '以国内大循环为主体' }],
      output: null,
    },
    {
      name: 'department short forms are warnings',
      code: '由省发改委牵头。',
      errors: [{ severity: 'warn', column: 3, endColumn: 6 }],
      output: '由省发展改革委牵头。',
    },
    {
      name: 'informal title, with an exception nearby that does not hide it',
      code: '习总书记强调，要学习总书记讲话。',
      errors: [{ column: 1, endColumn: 5 }],
      output: '习近平总书记强调，要学习总书记讲话。',
    },
  ],
});
