import { testRule } from '../../helpers/rule-tester';
import { numberFormat } from '../../../rules/checks/language/number-format';

/**
 * The GB/T 15835-2011 sub-checks added after the first set: 几 with digits (NUM-03), fixed
 * expressions (NUM-12), month–day event names (NUM-15), 百分之10 (NUM-16), pure decimals (NUM-07),
 * a Chinese comma inside a number (NUM-08), truncated ISO dates (NUM-13), colon and ratio sign
 * (NUM-14) and 倍 for a decrease (NUM-06, info). Each has traps that must stay silent.
 */
testRule(numberFormat, {
  valid: [
    // NUM-03
    { code: '用了十几天，来了几十个人，几百万元，二十几岁。', name: '几 with Chinese numerals' },
    { code: '共25几个，几15人，这10几乎全部完成，第3几何题。', name: '几 after digits that are no round number, 几乎, 几何' },
    { code: '增长几10%不可能。版本v10几。', name: '几10% and digits after a letter' },
    // NUM-12
    { code: '实施12大类45项服务，关于2022年第19届亚运会，抓好5方面工作，20大项目。', name: '12大类, 第19届亚运会, 5方面, 20大项目' },
    { code: '党的二十大，十四届全国人大二次会议，十九届四中全会，“十四五”规划，六方会谈。', name: 'fixed expressions in Chinese numerals' },
    { code: '推进20大精神文明工程，评选20大代表性企业，第14五年规划。', name: '20大精神文明 / 20大代表性 / 14五年' },
    { code: '第19届中央企业运动会，第3届全国运动会，2次会议。', name: '届 of other events, a bare 2次会议' },
    // NUM-15
    { code: '纪念“一二·九”运动，“一·二八”事变，五四运动，体育运动，九一八事变。', name: 'month–day names written right; other months take no 间隔号' },
    { code: '第十一二九运动，一二九运动员，一二九运动会。', name: '一二九 inside a longer numeral; 运动员, 运动会' },
    // NUM-16
    { code: '增长10%，百分之十，百分之百，百分之10%（另有规则）。', name: '百分之 with Chinese numerals; 10%' },
    // NUM-07
    { code: '文件v.5版，通知.pdf，目录./docs，1.5倍，增长0.5%，见第1..5项。', name: 'versions, file names, paths, decimals with 0' },
    { code: 'Use .5 mm in English text.', name: 'English text' },
    // NUM-08
    { code: '第3，4条，分别为12，50人，1，2，3，12,500元，12500元。', name: 'lists of numbers and ASCII separators' },
    { code: '达到12，500。', name: 'a comma before 3 digits at the end of a clause is not fixed without Chinese after it' },
    // NUM-13
    { code: '2008-08-08，2018-2022年，（2018－2022年），2008-12，3-5个，2008-9学年，2021-10月。', name: 'full ISO dates, year ranges, 2008-12, 3-5个' },
    { code: 'GB/T 15835-2011，ISO 8601-1，电话010-6520，Windows 2000-5。', name: 'standard numbers, phone numbers, Latin context' },
    { code: '国务院办公厅\r\n　　　　　　2021-7-16\r\n（此件公开发布）\r\n', name: 'a date that ends its line is a 成文日期 (document-date)' },
    { code: '见附件1.2019-9底前完成，（2018-6-16）。', name: 'after a list marker or a code; inside parentheses' },
    { code: '编号2019-3的设备，文号：2020-5，见图2021-4，位于2001-5室。', name: 'codes, figure numbers and room numbers are no dates' },
    // NUM-14
    { code: '比例尺1∶500，比例为8∶2，时间15:40，上午9:30开始，14:12:36。', name: 'ratio sign for ratios, colon for time' },
    { code: '低风险地区可按照10:1、中风险地区可按照5:1混检，按照1:1的方式检测。', name: 'no ratio cue: silent' },
    { code: '比赛时间14:30，下午1∶2的比分。', name: 'a time cue and a ratio cue together: silent' },
    { code: '比赛14:30举行，对比13:00的情况，比如9:00。', name: '比赛, 对比, 比如 are no ratio cues' },
    // NUM-06
    { code: '产量提高了3倍，成本降低到原来的四分之一，下降了75%。', name: '倍 for an increase; a decrease in percent' },
  ],
  invalid: [
    {
      name: 'NUM-03: 10几天 → 十几天',
      code: '用了10几天。',
      errors: [{ column: 3, endColumn: 6, messageIncludes: '十几天' }],
      output: '用了十几天。',
    },
    {
      name: 'NUM-03: 几10个 / 几100万 / 20几岁',
      code: '来了几10个人，投资几100万元，年龄20几岁。',
      errors: 3,
      output: '来了几十个人，投资几百万元，年龄二十几岁。',
    },
    {
      name: 'NUM-12: 14届全国人大2次会议 as one finding',
      code: '出席14届全国人大2次会议。',
      errors: [{ column: 3, endColumn: 14, messageIncludes: '十四届全国人大二次会议' }],
      output: '出席十四届全国人大二次会议。',
    },
    {
      name: 'NUM-12: 19届4中全会, and 十九届4中全会 / 十四届全国人大第2次会议',
      code: '19届4中全会，十九届4中全会，十四届全国人大第2次会议。',
      errors: 3,
      output: '十九届四中全会，十九届四中全会，十四届全国人大第二次会议。',
    },
    {
      name: 'NUM-12: 党的20大, 20大精神, “14五”, 14五时期, 6方会谈',
      code: '党的20大，学习20大精神，“14五”规划，14五时期，6方会谈。',
      errors: 5,
      output: '党的二十大，学习二十大精神，“十四五”规划，十四五时期，六方会谈。',
    },
    {
      name: 'NUM-15: 一二九运动 → “一二·九”运动, 一·二八事变 → “一·二八”事变',
      code: '纪念一二九运动和一·二八事变。',
      errors: [{ column: 3, endColumn: 8, messageIncludes: '5.2.3' }, { column: 9, endColumn: 15 }],
      output: '纪念“一二·九”运动和“一·二八”事变。',
    },
    {
      name: 'NUM-15: quoted but without 间隔号, and a whole quoted name',
      code: '“一二九”运动，“一二.九运动”。',
      errors: 2,
      output: '“一二·九”运动，“一二·九运动”。',
    },
    {
      name: 'NUM-15: 一二。九 (a full stop for the dot, e.g. after another rule\'s fix)',
      code: '纪念一二。九运动。',
      errors: 1,
      output: '纪念“一二·九”运动。',
    },
    {
      name: 'NUM-16: 百分之10 has two suggestions and no fix',
      code: '增长百分之10。',
      errors: [{ column: 3, endColumn: 8, suggestions: ['增长10%。', '增长百分之十。'] }],
      output: null,
    },
    {
      name: 'NUM-16: 百分之10.5 has one suggestion',
      code: '增长百分之10.5。',
      errors: [{ suggestions: ['增长10.5%。'] }],
      output: null,
    },
    {
      name: 'NUM-07: .46 → 0.46',
      code: '系数为.46，增长.5%。',
      errors: [{ column: 4, endColumn: 7, messageIncludes: '0.46' }, { column: 10, endColumn: 12 }],
      output: '系数为0.46，增长0.5%。',
    },
    {
      name: 'NUM-08: 12，500元 → 12500元',
      code: '补助12，500元。',
      errors: [{ column: 3, endColumn: 9, messageIncludes: '12500' }],
      output: '补助12500元。',
    },
    {
      name: 'NUM-08: a list cue or several groups: info message, no fix',
      code: '分别为12，500人。共1，234，567元。',
      errors: [{ severity: 'info' }, { severity: 'info' }],
      output: null,
    },
    {
      name: 'NUM-13: 2008-8 → 2008年8月, 2008-8-8 → 2008年8月8日, 2021-03-5',
      code: '于2008-8启动，2008-8-8开幕，2021-03-5印发。',
      errors: [{ column: 2, endColumn: 8, messageIncludes: '2008年8月' }, { column: 11, endColumn: 19 }, { column: 22, endColumn: 31 }],
      output: '于2008年8月启动，2008年8月8日开幕，2021年3月5日印发。',
    },
    {
      name: 'NUM-13: at the start of a running-text line, after a colon, a full-width space or 电 + space',
      code: '2019-9底前完成。\n第一阶段：2020-7-1—12月31日。\n修订　2020-10-7公布。\n北京电 2018-7-6，会议召开。',
      errors: 4,
      output: '2019年9月底前完成。\n第一阶段：2020年7月1日—12月31日。\n修订　2020年10月7日公布。\n北京电 2018年7月6日，会议召开。',
    },
    {
      name: 'NUM-14: a colon for a ratio → ∶',
      code: '师生比不低于1:200，按1：350的比例配备。',
      errors: [{ column: 7, endColumn: 12, messageIncludes: '比号' }, { column: 14, endColumn: 19 }],
      output: '师生比不低于1∶200，按1∶350的比例配备。',
    },
    {
      name: 'NUM-14: the ratio sign in clock time → :',
      code: '培训结束时间不得晚于20∶30，8∶00前到岗。',
      errors: [{ column: 11, endColumn: 16, messageIncludes: '时刻' }, { column: 17, endColumn: 21 }],
      output: '培训结束时间不得晚于20:30，8:00前到岗。',
    },
    {
      name: 'NUM-06: 倍 for a decrease is an info hint without a fix',
      code: '成本下降了3倍，能耗降低一倍。',
      errors: [{ column: 3, endColumn: 8, severity: 'info' }, { column: 11, endColumn: 15, severity: 'info' }],
      output: null,
    },
    {
      name: 'astral characters before findings keep UTF-16 columns right',
      code: '𠮷𠮷用了10几天，𠮷党的20大。',
      errors: [{ column: 7, endColumn: 10 }, { column: 16, endColumn: 19 }],
      output: '𠮷𠮷用了十几天，𠮷党的二十大。',
    },
    {
      name: 'CRLF lines',
      code: '第一段。\r\n系数为.46。\r\n于2008-8启动。\r\n师生比1:200。\r\n',
      errors: [{ line: 2, column: 4 }, { line: 3, column: 2 }, { line: 4, column: 4 }],
      output: '第一段。\r\n系数为0.46。\r\n于2008年8月启动。\r\n师生比1∶200。\r\n',
    },
    {
      name: 'inline code is not checked, prose around it is',
      code: '运行 `v.5 2008-8` 后，系数为.46。',
      format: 'markdown',
      errors: 1,
      output: '运行 `v.5 2008-8` 后，系数为0.46。',
    },
  ],
});
