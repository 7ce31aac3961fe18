import { testRule } from '../../helpers/rule-tester';
import { confusableWord } from '../../../rules/checks/formulation/confusable-word';

testRule(confusableWord, {
  valid: [
    { code: '申报截止日期为3月1日。', name: '截止日期 is right' },
    { code: '报名于2022年3月1日截止。', name: '截止 as a verb at the end' },
    { code: '截至目前，已完成任务。', name: '截至 is right' },
    { code: '作出重要部署，其他事项另行通知。', name: 'right forms' },
    { code: '应急待命', name: '应急待命 is not 急待 (exception)' },
    { code: '做出产品', name: '做出 with a concrete object' },
  ],
  invalid: [
    { code: '精心布署', errors: [{ column: 3, endColumn: 5, severity: 'error' }], output: '精心部署' },
    {
      name: '截止 + a time word: only 截止 is marked',
      code: '截止目前，已完成任务。',
      errors: [{ column: 1, endColumn: 3, severity: 'warn' }],
      output: '截至目前，已完成任务。',
    },
    { name: '截止 + a year (pattern)', code: '截止2022年底，全市', errors: 1, output: '截至2022年底，全市' },
    { name: '截止到', code: '截止到目前', errors: 1, output: '截至目前' },
    { name: '做出 + abstract object: a hint', code: '做出了重要贡献', errors: [{ severity: 'info' }], output: '作出了重要贡献' },
    { code: '其它工作', errors: [{ severity: 'info' }], output: '其他工作' },
    { code: '再接再砺', errors: [{ severity: 'warn' }], output: '再接再厉' },
  ],
});
