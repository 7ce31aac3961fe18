import { testRule } from '../../helpers/rule-tester';
import { bannedTerm } from '../../../rules/checks/formulation/banned-term';

testRule(bannedTerm, {
  valid: [
    { code: '朝鲜族群众', name: '朝鲜族 contains 鲜族 but is the full name' },
    { code: '黑瞎子岛国家级自然保护区', name: 'a place name (exception)' },
    { code: '农村长期稳定发展', name: '农村长期 is not 村长 (exception)' },
    { code: '坚决反对“台独”分裂行径', name: '“台独” in quotation marks' },
    { code: '反对"台独"', name: 'ASCII quotation marks count too' },
    { code: '维吾尔族、蒙古族', name: 'full ethnic names' },
  ],
  invalid: [
    { code: '北朝鲜', errors: [{ column: 1, endColumn: 4, severity: 'error' }], output: '朝鲜' },
    { code: '前苏联解体', errors: 1, output: '苏联解体' },
    { code: '维族同胞', errors: 1, output: '维吾尔族同胞' },
    { code: '反对台独分裂', errors: [{ messageIncludes: '须加引号' }], output: '反对“台独”分裂' },
    { code: '世界贸易组织成员国', errors: 1, output: '世界贸易组织成员' },
    { code: '市市委书记', errors: 1, output: '市委书记' },
    {
      name: 'two right forms: suggestions',
      code: '村长',
      errors: [{ severity: 'warn', suggestions: ['村委会主任', '村民委员会主任'] }],
      output: null,
    },
    { name: 'no right form to offer', code: '两岸三地交流', errors: [{ messageIncludes: '两岸三地' }], output: null },
  ],
});
