import { testRule } from '../../helpers/rule-tester';
import { collocation } from '../../../rules/checks/formulation/collocation';

testRule(collocation, {
  valid: [
    { code: '增强“四个意识”、坚定“四个自信”、做到“两个维护”。', name: 'the three canonical collocations' },
    { code: '树牢“四个意识”，牢固树立“四个意识”。', name: 'documented older accepted verbs' },
    { code: '增强“两个维护”的政治自觉。', name: 'the verb governs the noun after 的' },
    { code: '深刻认识“两个确立”的决定性意义。', name: '两个确立 with its documented verb' },
    { code: '坚定“四个自信”，增强“四个自信”。', name: '增强“四个自信” occurs in State Council texts: not reported' },
  ],
  invalid: [
    {
      code: '要坚定“四个意识”。',
      errors: [{ column: 2, endColumn: 4, severity: 'error', messageIncludes: '增强' }],
      output: '要增强“四个意识”。',
    },
    {
      name: 'ASCII quotes',
      code: '树立"两个维护"',
      errors: 1,
      output: '做到"两个维护"',
    },
    {
      name: 'no quotes',
      code: '坚定四个意识',
      errors: 1,
      output: '增强四个意识',
    },
    {
      name: '两个确立 with a wrong verb: a warning, no mechanical fix',
      code: '坚决做到“两个确立”。',
      errors: [{ severity: 'warn', messageIncludes: '决定性意义' }],
      output: null,
    },
  ],
});
