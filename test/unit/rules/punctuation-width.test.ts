import { testRule } from '../../helpers/rule-tester';
import { punctuationWidth } from '../../../rules/checks/punctuation/punctuation-width';

testRule(punctuationWidth, {
  valid: [
    { code: '全年增长8.1%，达到3.5万亿元。', name: 'decimals' },
    { code: '会议于15:30开始，比例为1:2。', name: 'times and ratios' },
    { code: '1.加强组织领导\n2.强化责任落实', name: 'ordinal 1. at line start (GB/T 9704 level-3 heading)' },
    { code: '主要任务：一是加强领导；2.落实责任。', name: 'inline ordinal after a clause mark' },
    { code: '详见 https://www.gov.cn/zhengce/content/2022-03/12/content_5678750.htm?a=1;b=2 。', name: 'URL' },
    { code: 'The meeting starts at 9:00 (Beijing time). Really? Yes!', name: 'English text' },
    { code: '附件：通知.pdf、方案.docx', name: 'file names' },
    { code: '推进改革（试行）；促进发展！是否可行？', name: 'full-width already' },
    { code: '国务院办公厅关于加强“.政务”域名管理', name: 'domain suffix after an opening quote' },
    { code: 'f(x) = y', name: 'formula without Chinese' },
    // The year brackets of a 发文字号 belong to document-number (〔〕, GB/T 9704-2012 7.2.5); this
    // rule stays silent on them even when it runs alone (document-number off).
    { code: '国发(2019)28号', name: '发文字号 with half-width brackets: left to document-number' },
    { code: '按照国办发(2020)52号要求', name: '发文字号 inside a sentence: left to document-number' },
    { code: '国发(2019）28号', name: '发文字号 with a mixed pair: left to document-number' },
    { code: '国发(2019〕28号', name: '发文字号 with a lone half-width opener: left to document-number' },
    { code: '国发(19)28号', name: '发文字号 with a two-digit year: left to document-number' },
    { code: '甲&amp;乙&#8220;丙', format: 'markdown', name: 'HTML entities' },
    { code: '代码 `a;b` 与 `f(x)` 不检查。', format: 'markdown', name: 'inline code in Markdown' },
    { code: '见[通知](https://www.gov.cn/a(b)c)。', format: 'markdown', name: 'link target in Markdown' },
    { code: '1) 第一项\n2) 第二项', name: 'list markers 1) at line start' },
    { code: '发展……我们', name: 'ellipsis is not a period (ellipsis-dash)' },
    { code: '发展...我们', name: 'ASCII ellipsis is left to ellipsis-dash' },
  ],
  invalid: [
    {
      code: '推进改革;促进发展:我们能做到吗?一定能!',
      errors: [
        { column: 5, messageIncludes: '全角分号“；”' },
        { column: 10, messageIncludes: '全角冒号“：”' },
        { column: 17, messageIncludes: '全角问号“？”' },
        { column: 21, messageIncludes: '全角叹号“！”' },
      ],
      output: '推进改革；促进发展：我们能做到吗？一定能！',
    },
    { code: '推进高质量发展.我们要坚定信心.', errors: 2, output: '推进高质量发展。我们要坚定信心。' },
    { code: '国务院各部委、各直属机构:\r\n现将有关事项通知如下.\r\n', errors: [{ line: 1, column: 13 }, { line: 2, column: 11 }], output: '国务院各部委、各直属机构：\r\n现将有关事项通知如下。\r\n' },
    {
      name: 'a half-width pair around Chinese is fixed together',
      code: '法定代表人(负责人)、生产范围',
      errors: [{ column: 6, messageIncludes: '第1行第10列' }],
      output: '法定代表人（负责人）、生产范围',
    },
    { name: 'Latin inside, Chinese outside', code: '互联网信息服务(ICP)备案', errors: 1, output: '互联网信息服务（ICP）备案' },
    { name: 'heading number (一)', code: '(一)指导思想', errors: 1, output: '（一）指导思想' },
    { name: 'mixed pair: half-width opener', code: '中国(北京）自由贸易试验区', errors: [{ column: 3, messageIncludes: '一半全角一半半角' }], output: '中国（北京）自由贸易试验区' },
    { name: 'mixed pair: half-width closer', code: '（专项、基金等)管理改革', errors: [{ column: 8 }], output: '（专项、基金等）管理改革' },
    { name: 'nested half-width pairs', code: '说明(含附件(一))如下', errors: 2, output: '说明（含附件（一））如下' },
    { name: 'lone half-width parenthesis: no fix', code: '各单位(含直属单位要按时报送。', errors: [{ column: 4, messageIncludes: '找不到与之配对' }], output: null },
    {
      name: 'pair around a URL: each mark fixed on its own, the URL untouched',
      code: '详见网站(https://www.gov.cn)。',
      errors: 2,
      output: '详见网站（https://www.gov.cn）。',
    },
    { name: 'a run of ? and ! is converted as a whole', code: '真的吗??是吗?!', errors: 4, output: '真的吗？？是吗？！' },
    { name: 'astral character before the mark', code: '𠮷田;推进', errors: [{ column: 4 }], output: '𠮷田；推进' },
    {
      name: 'brackets around a cited 发文字号 are fixed, the 发文字号 inside is left to document-number',
      code: '根据《意见》(国发(2019)28号)，制定本方案。',
      errors: [{ column: 7 }],
      output: '根据《意见》（国发(2019)28号），制定本方案。',
    },
    { name: 'a year in brackets that is no 发文字号 is still reported', code: '我们(2019年)完成了28号文件', errors: 1, output: '我们（2019年）完成了28号文件' },
    { name: 'a stray closer after a 发文字号 is still reported', code: '见国发(2019)28号)。', errors: [{ column: 13, messageIncludes: '找不到与之配对' }], output: null },
    { name: 'space between Chinese and the mark', code: '现通知如下 :', errors: 1, output: '现通知如下 ：' },
  ],
});
