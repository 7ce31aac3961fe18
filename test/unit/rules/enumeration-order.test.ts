import { testRule } from '../../helpers/rule-tester';
import { enumerationOrder } from '../../../rules/checks/formulation/enumeration-order';

testRule(enumerationOrder, {
  valid: [
    { code: '政治意识、大局意识、核心意识、看齐意识', name: 'canonical order' },
    { code: '贯彻创新、协调、绿色、开放、共享的新发展理念。', name: 'new development philosophy in order' },
    { code: '坚持创新、协调、绿色发展。', name: 'a partial list without the set name is the writer’s own' },
    { code: '以马克思列宁主义、毛泽东思想、邓小平理论、“三个代表”重要思想、科学发展观为指导', name: 'guiding theories before 2017: order only, no missing check' },
    { code: '坚持法治社会与法治国家、法治政府建设相协调', name: '与 puts one item in focus: not a list' },
    { code: '增强村民自我管理、自我教育、自我服务能力', name: 'village self-governance order of the organic law' },
    {
      code: '“四个全面”战略布局：全面建成小康社会、全面深化改革、全面依法治国、全面从严治党',
      date: '2016-05-01',
      name: 'the 2015 version of 四个全面 at a 2016 date',
    },
  ],
  invalid: [
    {
      code: '大局意识、政治意识、核心意识、看齐意识',
      errors: [{ column: 1, endColumn: 20, severity: 'error', messageIncludes: '政治意识、大局意识、核心意识、看齐意识' }],
      output: '政治意识、大局意识、核心意识、看齐意识',
    },
    {
      name: 'pure reordering keeps the separators',
      code: '协调、创新、绿色、开放和共享',
      errors: 1,
      output: '创新、协调、绿色、开放和共享',
    },
    {
      name: 'core socialist values with 逗号 between the groups',
      code: '富强、民主、文明、和谐，平等、自由、公正、法治，爱国、敬业、诚信、友善',
      errors: 1,
      output: '富强、民主、文明、和谐，自由、平等、公正、法治，爱国、敬业、诚信、友善',
    },
    {
      name: 'a missing member is reported when the set is named',
      code: '增强“四个意识”（政治意识、大局意识、核心意识）',
      errors: [{ severity: 'warn', messageIncludes: '缺少“看齐意识”' }],
      output: null,
    },
    {
      name: 'a replaced member: suggestion, no fix',
      code: '“四个意识”即政治意识、大局意识、服务意识、看齐意识',
      errors: [{ severity: 'warn', messageIncludes: '“服务意识”不是其中一项', suggestions: ['“四个意识”即政治意识、大局意识、核心意识、看齐意识'] }],
      output: null,
    },
    {
      name: 'a replaced last member',
      code: '坚定“四个自信”：道路自信、理论自信、制度自信、历史自信。',
      errors: [{ suggestions: ['坚定“四个自信”：道路自信、理论自信、制度自信、文化自信。'] }],
      output: null,
    },
    {
      name: 'the 2015 version of 四个全面 after the 2020 change, set named',
      code: '“四个全面”战略布局：全面建成小康社会、全面深化改革、全面依法治国、全面从严治党',
      date: '2024-01-01',
      errors: [{ messageIncludes: '缺少“全面建设社会主义现代化国家”' }],
      output: null,
    },
  ],
});
