// The second round of dictionary entries (docs/reports/formulation-corpus.md, 第二轮补充词条):
// for each entry a right case that stays silent and a wrong case with its exact fixed output.
import { testRule } from '../../helpers/rule-tester';
import { formulation } from '../../../rules/checks/formulation/formulation';
import { enumerationOrder } from '../../../rules/checks/formulation/enumeration-order';
import { outdatedFormulation } from '../../../rules/checks/formulation/outdated-formulation';

testRule(enumerationOrder, {
  valid: [
    { code: '形成了坚持真理、坚守理想，践行初心、担当使命，不怕牺牲、英勇斗争，对党忠诚、不负人民的伟大建党精神。', name: 'great founding spirit in order' },
    { code: '要不忘初心、牢记使命，践行初心、担当使命。', name: 'two members alone are no written-out set' },
    { code: '坚持社会主义道路、坚持人民民主专政、坚持中国共产党的领导、坚持马克思列宁主义毛泽东思想', name: 'four cardinal principles in order' },
    { code: '坚持社会主义道路，坚持人民民主专政，坚持中国共产党的领导，坚持马克思列宁主义、毛泽东思想这四项基本原则', name: 'older wording of the fourth item, in order' },
    { code: '坚持四项基本原则：坚持社会主义道路、坚持人民民主专政、坚持中国共产党的领导', name: 'four cardinal principles: order only, a missing item is not reported' },
    { code: '全面推进党的政治建设、思想建设、组织建设、作风建设、纪律建设，把制度建设贯穿其中', name: 'party building in order' },
    { code: '加强党的政治建设、思想建设、组织建设，突出政治功能', name: 'party building: a partial list is not reported' },
    { code: '全面推进党的思想建设、政治建设、组织建设、作风建设、纪律建设', date: '2016-01-01', name: 'party building order is checked from the 19th congress on' },
  ],
  invalid: [
    {
      name: 'great founding spirit: two pairs swapped',
      code: '弘扬坚持真理、坚守理想，不怕牺牲、英勇斗争，践行初心、担当使命，对党忠诚、不负人民的伟大建党精神',
      errors: [{ column: 3, severity: 'error', messageIncludes: '坚持真理、坚守理想、践行初心' }],
      output: '弘扬坚持真理、坚守理想，践行初心、担当使命，不怕牺牲、英勇斗争，对党忠诚、不负人民的伟大建党精神',
    },
    {
      name: 'great founding spirit: a replaced member, named',
      code: '伟大建党精神即坚持真理、坚定理想，践行初心、担当使命，不怕牺牲、英勇斗争，对党忠诚、不负人民',
      errors: [{ severity: 'warn', messageIncludes: '缺少“坚守理想”', suggestions: ['伟大建党精神即坚持真理、坚守理想，践行初心、担当使命，不怕牺牲、英勇斗争，对党忠诚、不负人民'] }],
      output: null,
    },
    {
      name: 'four cardinal principles out of order',
      code: '坚持中国共产党的领导、坚持社会主义道路、坚持人民民主专政、坚持马克思列宁主义毛泽东思想',
      errors: [{ column: 1, endColumn: 39, severity: 'warn' }],
      output: '坚持社会主义道路、坚持人民民主专政、坚持中国共产党的领导、坚持马克思列宁主义毛泽东思想',
    },
    {
      name: 'party building out of order',
      code: '全面推进党的思想建设、政治建设、组织建设、作风建设、纪律建设',
      errors: [{ column: 7, endColumn: 31, severity: 'error', messageIncludes: '政治建设、思想建设、组织建设、作风建设、纪律建设' }],
      output: '全面推进党的政治建设、思想建设、组织建设、作风建设、纪律建设',
    },
  ],
});

testRule(outdatedFormulation, {
  valid: [
    { code: '统筹山水林田湖草系统治理。', date: '2018-06-01', name: 'without 沙 before the 20th congress' },
    { code: '坚持山水林田湖草沙一体化保护和系统治理。', date: '2024-01-01', name: 'the current form is not matched by its own prefix' },
    { code: '国务院扶贫办牵头负责。', date: '2019-05-01', name: 'the office before the 2021 renaming' },
    { code: '原国务院扶贫办的有关职责。', date: '2024-01-01', name: 'a former body named as former (原)' },
    { code: '国家乡村振兴局牵头负责。', date: '2024-01-01', name: '国家乡村振兴局 stays a name (a plate on 农业农村部 since 2023)' },
    { code: '社会主要矛盾是人民日益增长的物质文化需要同落后的社会生产之间的矛盾。', date: '2015-01-01', name: 'the old principal contradiction before the 19th congress' },
    { code: '我国社会主要矛盾已经从人民日益增长的物质文化需要同落后的社会生产之间的矛盾转化为新的矛盾。', date: '2024-01-01', name: 'the old formulation told as history (exception)' },
  ],
  invalid: [
    {
      name: '山水林田湖草 after the 20th congress',
      code: '统筹山水林田湖草系统治理。',
      date: '2023-06-01',
      errors: [{ column: 3, endColumn: 9, severity: 'warn', messageIncludes: '山水林田湖草沙' }],
      output: '统筹山水林田湖草沙系统治理。',
    },
    {
      name: '国务院扶贫办 after 2021-02-25: no fix (two possible bodies)',
      code: '由国务院扶贫办牵头。',
      date: '2022-01-01',
      errors: [{ column: 2, endColumn: 8, severity: 'warn', messageIncludes: '国家乡村振兴局' }],
      output: null,
    },
    {
      name: 'the full name of the office',
      code: '国务院扶贫开发领导小组办公室负责',
      date: '2022-01-01',
      errors: [{ column: 1, endColumn: 15 }],
      output: null,
    },
    {
      name: 'the pre-2017 principal contradiction as current',
      code: '当前社会主要矛盾是人民日益增长的物质文化需要同落后的社会生产之间的矛盾。',
      date: '2019-01-01',
      errors: [{ column: 10, endColumn: 36, severity: 'warn', messageIncludes: '美好生活需要和不平衡不充分的发展' }],
      output: null,
    },
  ],
});

testRule(formulation, {
  valid: [
    { code: '县委巡察组进驻后，市委巡察办加强指导。', name: '巡察 at county and city level' },
    { code: '中央巡视组反馈意见。', name: '中央巡视组' },
    { code: '国务院安委会第七巡查组开展安全生产巡查。', name: '巡查 outside the party inspection system' },
    { code: '十四届全国人大二次会议、全国政协十四届二次会议', name: 'the two session names in their orders' },
    { code: '十四届全国政协委员提交提案，十四届全国人大常委会第十次会议审议', name: 'members and the standing committee are no session names' },
  ],
  invalid: [
    {
      code: '县委巡查组进驻乡镇。',
      errors: [{ column: 3, endColumn: 5, severity: 'warn', messageIncludes: '巡察' }],
      output: '县委巡察组进驻乡镇。',
    },
    {
      code: '中央巡查组反馈意见。',
      errors: [{ column: 3, endColumn: 5, severity: 'warn', messageIncludes: '巡视' }],
      output: '中央巡视组反馈意见。',
    },
    {
      name: 'NPC session in the CPPCC word order: a hint, no fix',
      code: '全国人大十四届二次会议审议通过',
      errors: [{ column: 1, endColumn: 12, severity: 'info', messageIncludes: '十四届全国人大二次会议' }],
      output: null,
    },
    {
      name: 'CPPCC session in the NPC word order: a hint, no fix',
      code: '出席十四届全国政协二次会议',
      errors: [{ column: 3, endColumn: 14, severity: 'info', messageIncludes: '全国政协十四届二次会议' }],
      output: null,
    },
  ],
});
