import { testRule } from '../../helpers/rule-tester';
import { closingFormula } from '../../../rules/checks/structure/closing-formula';

const REPORT = '××局关于2023年安全生产工作情况的报告\n××市人民政府：\n　　现将有关情况报告如下。\n';
const NOTICE = '××市人民政府关于做好防汛工作的通知\n各区人民政府：\n　　请认真落实。\n';

testRule(closingFormula, {
  valid: [
    { code: REPORT + '　　特此报告。\n', name: '特此报告 in a 报告' },
    { code: NOTICE + '　　特此通知。\n', name: '特此通知 in a 通知' },
    { code: '关于购置设备的请示\n××局：\n　　妥否，请批示。\n', name: '妥否，请批示 in a 请示' },
    { code: REPORT + '　　以上报告，如无不妥，请批转各地执行。\n', name: '请批转 closes a proposal report and is fine' },
    { code: REPORT + '　　各地在执行中发现“特此通知”写错的，要及时纠正。\n', name: 'the formula quoted in running text' },
    { code: '××市人民政府办公室关于转发市发展改革委关于……的报告的通知\n　　特此报告。\n', name: 'a forwarding notice carries another text: silent' },
    { code: '同志们，今天我们开会。\n　　特此通知。\n', name: 'no title: silent' },
    { code: REPORT.replace(/\n/g, '\r\n') + '　　特此报告。\r\n', name: 'CRLF, correct' },
    { code: '关于解决办公用房问题的请示报告\n××局：\n　　特此通知。\n', name: 'a stacked 请示报告 title has no single 文种 (document-title reports it)' },
  ],
  invalid: [
    {
      name: '特此通知 in a 报告',
      code: REPORT + '　　特此通知。\n',
      errors: [{ line: 4, column: 3, endColumn: 7, severity: 'info', messageIncludes: '特此报告' }],
      output: null,
    },
    {
      name: '妥否，请批示 in a 报告 (条例第十五条)',
      code: REPORT + '　　妥否，请批示。\n',
      errors: [{ line: 4, column: 3, endColumn: 9, messageIncludes: '第十五条' }],
      output: null,
    },
    {
      name: '以上报告，请批示 in a 报告',
      code: REPORT + '　　以上报告，请批示。\n',
      errors: [{ line: 4, column: 8, messageIncludes: '夹带请示' }],
      output: null,
    },
    {
      name: '特此报告 in a 通知, at the end of the last paragraph, CRLF and astral characters',
      code: NOTICE.replace(/\n/g, '\r\n').replace('请认真落实', '请𠮷𠮷认真落实') + '　　特此报告。\r\n',
      errors: [{ line: 4, column: 3 }],
      output: null,
    },
    {
      name: '特此通知 in a 函',
      code: '××局关于商请支持调研工作的函\n××厅：\n　　请予支持。特此通知。\n',
      errors: [{ line: 3, column: 8, messageIncludes: '特此函告' }],
      output: null,
    },
  ],
});
