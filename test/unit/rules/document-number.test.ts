import * as assert from 'assert';
import { testRule } from '../../helpers/rule-tester';
import { documentNumber } from '../../../rules/checks/structure/document-number';
import { punctuationWidth } from '../../../rules/checks/punctuation/punctuation-width';
import { findDocumentNumbers } from '../../../rules/checks/structure/document-number-pattern';
import { fixText, lint } from '../../../rules/engine/runner';

testRule(documentNumber, {
  valid: [
    { code: '国务院关于进一步做好稳就业工作的意见\n国发〔2019〕28号\n', name: 'correct 发文字号' },
    { code: '国办发〔2020〕52号、国办函〔2019〕104号、国办发明电〔2021〕1号', name: 'several correct numbers' },
    { code: '根据《国务院关于进一步做好稳就业工作的意见》（国发〔2019〕28号），制定本方案。', name: 'correct citation: title first, number in brackets' },
    { code: '全国农业现代化规划（2019—2021年）', name: 'a year range in brackets' },
    { code: '国民经济核算体系（2016）的批复', name: 'a year in brackets without a serial and 号' },
    { code: '我们（2019年）完成了28号文件的起草。', name: 'year with 年 in brackets' },
    { code: '（2019）京0105民初28号', name: 'a court case number (Han after the bracket)' },
    { code: '(2019)28号', name: 'no 机关代字 before the bracket' },
    { code: '国发〔2019〕0号', name: 'a serial of only zeros is no 发文字号' },
    { code: '编号 A(2019)28号', name: 'a Latin prefix is no 机关代字' },
    { code: '国发〔１９９９〕２８号', name: 'full-width digits in the right shape are left alone' },
    { code: '`国发(2019)28号`', format: 'markdown', name: 'inline code is not checked' },
    { code: '国务院令第708号', name: '令 numbers have no year in brackets' },
  ],
  invalid: [
    {
      name: 'half-width parentheses',
      code: '国发(2019)28号',
      errors: [{ line: 1, column: 3, endColumn: 12, messageIncludes: '应写作“国发〔2019〕28号”' }],
      output: '国发〔2019〕28号',
    },
    { name: 'square brackets', code: '国发[2019]28号', errors: 1, output: '国发〔2019〕28号' },
    { name: '【】 brackets', code: '国发【2019】28号', errors: 1, output: '国发〔2019〕28号' },
    { name: 'full-width parentheses', code: '国发（2019）28号', errors: 1, output: '国发〔2019〕28号' },
    { name: 'mismatched brackets', code: '京政发〔2019）3号', errors: 1, output: '京政发〔2019〕3号' },
    {
      name: '第 before the serial',
      code: '国发〔2019〕第28号',
      errors: [{ messageIncludes: '不加“第”' }],
      output: '国发〔2019〕28号',
    },
    {
      name: 'zero padding',
      code: '国发〔2019〕028号',
      errors: [{ messageIncludes: '不编虚位' }],
      output: '国发〔2019〕28号',
    },
    {
      name: 'all at once',
      code: '人社部函(2019)第005号',
      errors: [{ messageIncludes: '六角括号' }],
      output: '人社部函〔2019〕5号',
    },
    {
      name: 'a placeholder agency code (××府发) is shown whole',
      code: '××府发(2023)5号',
      errors: [{ column: 5, messageIncludes: '“××府发(2023)5号”' }],
      output: '××府发〔2023〕5号',
    },
    { name: 'full-width square brackets ［］', code: '国发［2019］28号', errors: 1, output: '国发〔2019〕28号' },
    {
      name: 'two-digit year: message and a suggestion, no fix',
      code: '国发〔19〕28号',
      errors: [{ column: 3, messageIncludes: '年份应标全称', suggestions: ['国发〔2019〕28号'] }],
      output: null,
    },
    {
      name: 'astral character before and CRLF around',
      code: '𠮷\r\n𠮷依据财预(2021)7号文件办理。\r\n',
      errors: [{ line: 2, column: 7, endColumn: 15, messageIncludes: '“财预(2021)7号”' }],
      output: '𠮷\r\n𠮷依据财预〔2021〕7号文件办理。\r\n',
    },
    {
      name: 'citation with the number first (hint, suggestion only)',
      code: '按照国发〔2019〕28号文件《国务院关于进一步做好稳就业工作的意见》要求',
      errors: [{ column: 3, severity: 'info', messageIncludes: '先引标题', suggestions: ['按照《国务院关于进一步做好稳就业工作的意见》（国发〔2019〕28号）要求'] }],
      output: null,
    },
  ],
});

describe('document-number with punctuation-width: one finding per 发文字号', () => {
  const rules = [documentNumber, punctuationWidth];
  const config = { rules: {}, dictionaries: [], date: '2024-01-01' };
  const cases: Array<[string, string]> = [
    ['国发(2019)28号', '国发〔2019〕28号'],
    ['按照国办发(2020)52号要求', '按照国办发〔2020〕52号要求'],
    ['国发(2019）28号', '国发〔2019〕28号'],
    ['国发(2019〕28号', '国发〔2019〕28号'],
  ];
  for (const [code, fixed] of cases) {
    it(`${code}: only document-number reports the brackets, advising 〔〕`, () => {
      const findings = lint(code, { rules, config }).findings;
      assert.deepStrictEqual(findings.map((f) => f.ruleId), ['document-number']);
      assert.ok(findings[0].message.includes('六角括号“〔〕”'), findings[0].message);
      assert.strictEqual(fixText(code, { rules, config }).output, fixed);
    });
  }

  it('a cited 发文字号 in half-width brackets: the outer pair is punctuation-width’s, the year brackets document-number’s', () => {
    const code = '根据《意见》(国发(2019)28号)，制定本方案。';
    const findings = lint(code, { rules, config }).findings;
    assert.deepStrictEqual(findings.map((f) => `${f.ruleId}@${f.start}`), ['punctuation-width@6', 'document-number@9']);
    assert.strictEqual(fixText(code, { rules, config }).output, '根据《意见》（国发〔2019〕28号），制定本方案。');
  });

  it('the shared recogniser finds exactly what document-number checks', () => {
    const text = '国发〔2019〕28号、国发(2019)28号、（2019）京0105民初28号、(2019)28号、国发〔2019〕0号、国务院令第708号、国发〔19〕第03号';
    assert.deepStrictEqual(
      findDocumentNumbers(text).map((m) => text.slice(m.open, m.hao + 1)),
      ['〔2019〕28号', '(2019)28号', '〔19〕第03号'],
    );
  });
});
