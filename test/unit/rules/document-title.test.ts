import * as assert from 'assert';
import { testRule } from '../../helpers/rule-tester';
import { documentTitle } from '../../../rules/checks/structure/document-title';
import { findTitle } from '../../../rules/checks/structure/title-line';
import { LintDocument } from '../../../rules/engine/document';

const BODY = '\n国发〔2019〕28号\n\n各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n　　就业是民生之本。\n';

testRule(documentTitle, {
  valid: [
    { code: '国务院关于进一步做好稳就业工作的意见' + BODY, name: 'a correct title' },
    { code: '国务院关于加强滨海湿地保护\n严格管控围填海的通知\n国发〔2018〕24号\n', name: 'a title over two lines' },
    { code: '国务院关于印发“十三五”节能减排\n\n\n综合工作方案的通知\n', name: 'a title split by blank lines' },
    { code: '国务院办公厅转发住房城乡建设部关于完善质量保障体系提升建筑工程品质指导意见的通知\n', name: 'nested title: the last 文种 counts' },
    { code: '中共中央 国务院关于对《河北雄安新区规划纲要》的批复\n', name: '关于对…的批复 is official usage and left alone' },
    { code: '国务院办公厅关于对真抓实干成效明显地方进一步加大激励支持力度的通知\n', name: '关于对 in a 通知' },
    { code: '××市人民政府关于召开全市安全生产工作会议的会议纪要\n', name: '会议纪要 ends with 纪要' },
    { code: '国务院关于中国国民经济核算体系（2016）的批复\n', name: 'brackets inside the title' },
    { code: '关于2023年工作情况的报告\n', name: 'a title without the issuing organ' },
    { code: '新华社北京7月18日电\n中共中央国务院关于深化投融资体制改革的意见。\n', name: 'a news release is no 公文 title' },
    { code: '同志们，今天我们召开会议。\n关于……的请示报告\n', name: 'running text first: no title' },
    { code: '中国共产党重大事项请示报告条例\n', name: '请示报告 inside the name of a regulation, no 关于' },
    { code: '一、关于进一步加强管理的通知。\n', name: 'a heading is no title' },
    { code: '全国农业现代化规划（2016—2020年）\n', name: 'no 关于' },
    { code: '国务院办公厅关于促进家政服务业提 质 扩 容 的 意 见\n', name: 'scrape-damaged title with spaces: unknown ending, silent' },
    { code: '各省、自治区、直辖市人民政府：\n　　关于进一步加强管理的通知。\n', name: 'the 主送 line ends the search' },
    { code: '国务院关于修改部分行政法规的决定\n（2019年3月2日）\n', name: 'a date in brackets after the title' },
    { code: '# 国务院关于进一步做好稳就业工作的意见\n\n正文。\n', format: 'markdown', name: 'Markdown heading title' },
    { code: '你市《关于推荐××度假区申报省级旅游度假区的请示》（盐政发〔2012〕199号）悉。', name: '关于 inside 书名号: a citation, not a title' },
    { code: '《关于加强新时代人民政协党的建设工作的若干意见》主要内容如下。', name: 'a one-line sentence that does not end with a 文种' },
    { code: '我们收到了关于做好防汛工作的通知。\n', name: 'a sentence: no organ before 关于' },
    { code: '国务院印发关于推进自由贸易试验区贸易投资便利化改革创新若干措施的通知\n', name: '…印发关于…的通知 is a title, and correct' },
  ],
  invalid: [
    {
      name: 'full stop at the end of the title',
      code: '国务院关于进一步做好稳就业工作的意见。' + BODY,
      errors: [{ line: 1, column: 19, endColumn: 20, messageIncludes: '末尾不加标点' }],
      output: '国务院关于进一步做好稳就业工作的意见' + BODY,
    },
    {
      name: 'a title split by a scraped blank line that holds a lone CR (\\r\\r\\n)',
      code: '国务院办公厅关于加强石窟寺\r\n\r\r\n保护利用工作的指导意见。\r\n',
      errors: [{ line: 4, column: 12 }],
      output: '国务院办公厅关于加强石窟寺\r\n\r\r\n保护利用工作的指导意见\r\n',
    },
    {
      name: '请示报告',
      code: '××县人民政府关于解决办公用房问题的请示报告\n××市人民政府：\n',
      errors: [{ line: 1, column: 19, endColumn: 23, messageIncludes: '并用', suggestions: ['××县人民政府关于解决办公用房问题的请示\n××市人民政府：\n', '××县人民政府关于解决办公用房问题的报告\n××市人民政府：\n'] }],
      output: null,
    },
    {
      name: '报告请示 split over two lines, CRLF, astral characters',
      code: '𠮷𠮷县人民政府关于𠮷𠮷\r\n问题的报告请示\r\n',
      errors: [{ line: 2, column: 4, endColumn: 8 }],
      output: null,
    },
    {
      name: '汇报 as 文种 (hint)',
      code: '××局关于2023年安全生产工作情况的汇报\n',
      errors: [{ severity: 'info', messageIncludes: '不是法定文种' }],
      output: null,
    },
    {
      name: '申请 as 文种 (hint)',
      code: '关于购置办公设备的申请\n',
      errors: [{ column: 10, severity: 'info' }],
      output: null,
    },
    {
      name: '关于请求…的请示 (hint with suggestions)',
      code: '××市人民政府关于请求批准设立高新技术产业开发区的请示\n',
      errors: [
        {
          column: 10,
          endColumn: 12,
          severity: 'info',
          suggestions: ['××市人民政府关于批准设立高新技术产业开发区的请示\n', '××市人民政府关于设立高新技术产业开发区的请示\n'],
        },
      ],
      output: null,
    },
    {
      name: '关于上报…的报告 (hint)',
      code: '关于上报2023年统计数据的报告\n',
      errors: [{ column: 3, severity: 'info', suggestions: ['关于2023年统计数据的报告\n'] }],
      output: null,
    },
    {
      name: 'trailing full stop after 请示报告: both',
      code: '关于购置设备的请示报告。\n',
      errors: [{ column: 8 }, { column: 12 }],
      output: '关于购置设备的请示报告\n',
    },
    {
      name: 'after the 版头: 发文机关标志, 份号, 发文字号',
      code: '000123\n国务院办公厅文件\n国办发〔2020〕52号\n国务院办公厅关于促进养老托育服务健康发展的意见；\n',
      errors: [{ line: 4, column: 24 }],
      output: '000123\n国务院办公厅文件\n国办发〔2020〕52号\n国务院办公厅关于促进养老托育服务健康发展的意见\n',
    },
  ],
});

describe('title-line', () => {
  it('joins a split title and reports its 文种', () => {
    const t = findTitle(new LintDocument('国务院办公厅关于制定和实施\r\n老年人照顾服务项目的意见\r\n国办发〔2017〕52号\r\n'));
    assert.ok(t);
    assert.strictEqual(t.text, '国务院办公厅关于制定和实施老年人照顾服务项目的意见');
    assert.strictEqual(t.docType, '意见');
    assert.strictEqual(t.lines.length, 2);
  });
  it('finds nothing in a speech', () => {
    assert.strictEqual(findTitle(new LintDocument('同志们，今天我们在这里召开会议。\n关于下一步工作，我讲三点意见。\n')), undefined);
  });
});
