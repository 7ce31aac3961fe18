import { testRule } from '../../helpers/rule-tester';
import { placeholder } from '../../../rules/checks/punctuation/placeholder';

testRule(placeholder, {
  valid: [
    { code: '全年GDP增长8.1%，5G基站超过142万个，XXL号服装。', name: 'Latin words and codes' },
    { code: 'The XX chromosome and Xbox.', name: 'English text' },
    { code: '纸张尺寸210×297毫米；应纳税额=销售额×税率。', name: 'multiplication signs' },
    { code: '开展1+X证书制度试点；代号用X代表消防救援；拍X光片；X射线检查。', name: 'X as a term or code letter' },
    { code: '某市某企业发生事故。', name: 'a single 某 is ordinary anonymisation' },
    { code: '经查，王某某、李某某违规收受礼金。', name: 'anonymised names 王某某 in a 通报' },
    { code: '见附件（此件公开发布）', name: 'publication note' },
    { code: '变量 `XX` 在代码中。', format: 'markdown', name: 'inline code' },
    { code: '访问 https://example.com/XX/page 了解。', name: 'URL' },
  ],
  invalid: [
    {
      code: '系统的XX、XX、XX同志做了发言',
      errors: [
        { column: 4, endColumn: 6, severity: 'error', messageIncludes: '未填写的模板占位符' },
        { column: 7, endColumn: 9 },
        { column: 10, endColumn: 12 },
      ],
      output: null,
    },
    { code: '建设幸福美好新X市，合力共建新X的生动局面', errors: [{ column: 8 }, { column: 16 }], output: null },
    { code: '××办事处；ＸＸ县；xx公司；X县；第X条', errors: 5, output: null },
    { code: 'XXXX年XX月XX日', errors: 3, output: null },
    { code: '请某某同志负责。', errors: [{ column: 2, endColumn: 4, severity: 'error' }], output: null },
    { name: 'a preposition is not a surname', code: '向某某同志学习；应某某邀请', errors: 2, output: null },
    { code: '牵头单位：【待补充】；完成时限（待定）', errors: [{ severity: 'error' }, { severity: 'error' }], output: null },
    { code: '附件：实施细则（略）', errors: [{ severity: 'warn', messageIncludes: '省略' }], output: null },
    { name: 'quoted template text is a mention: info', code: '“×××人民政府”字样为方正宋体', errors: [{ severity: 'info', messageIncludes: '举例' }], output: null },
    { name: 'after 例如: info', code: '署名例如某某同志', errors: [{ severity: 'info' }], output: null },
    { name: 'CRLF and astral', code: '甲\r\n𠮷XX同志', errors: [{ line: 2, column: 3 }], output: null },
  ],
});
