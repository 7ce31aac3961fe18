import * as assert from 'assert';
import { testRule } from '../../helpers/rule-tester';
import { numberFormat } from '../../../rules/checks/language/number-format';

testRule(numberFormat, {
  valid: [
    { code: '二〇二二年三月五日，在2022年的工作中。', name: 'year with 〇 and Arabic year' },
    { code: '改革开放40年来，我们用了5年时间，10年初步建成，经过30年的发展。', name: 'durations are not two-digit years' },
    { code: '二十世纪90年代以来。', name: '90年代 is a decade' },
    { code: '需要三四个月，五六十人参加，四十五六岁。', name: '概数 written correctly' },
    { code: '推动第二、三产业融合，第三、四季度，一、二年级，二、三级医院。', name: 'contracted ordinals: 二、三产业' },
    { code: '一、二、三个方面都要兼顾。', name: 'a list is not a 概数' },
    { code: '三、四川省的情况\n二、三个重点\n', name: 'heading numbers at line start' },
    { code: '增长15%～30%，投资9亿～16亿元，13万元～17万元，温度12～25℃。', name: 'ranges with both ends marked' },
    { code: '2019—2022年，第3-5页。', name: 'ranges without %/万/亿' },
    { code: '约200人，200余人，近200人，200人左右，节约200余万元，最近200多人报名。', name: 'one approximation marker; 节约/最近 are words' },
    { code: '投资114万亿元，3千米，5千瓦，3百分点。', name: '万/亿 units and 千米/千瓦' },
    { code: '全年增长8.1%，达到1143670亿元。', name: 'plain numbers' },
    { code: '代码 `２０２２` 不检查。', format: 'markdown', name: 'inline code in Markdown' },
  ],
  invalid: [
    {
      name: '零 in a year written in Chinese numerals',
      code: '二零二二年三月。',
      errors: [{ column: 1, endColumn: 5, messageIncludes: '〇' }],
      output: '二〇二二年三月。',
    },
    {
      name: 'letter O and digit 0 in a Chinese year',
      code: '二O二一年和二0二二年。',
      errors: 2,
      output: '二〇二一年和二〇二二年。',
    },
    {
      name: 'two-digit year before a month',
      code: '于22年3月印发。',
      errors: [{ column: 2, endColumn: 5, messageIncludes: '两位数' }],
      output: null,
    },
    {
      name: 'two-digit year before 年度/年底/上半年',
      code: '22年度预算，23年底完成，24年上半年启动。',
      errors: 3,
      output: null,
    },
    {
      name: '概数 with 顿号, Chinese numerals',
      code: '大约需要三、四个月。',
      errors: [{ column: 5, endColumn: 8, messageIncludes: '概数' }],
      output: '大约需要三四个月。',
    },
    {
      name: '概数 with 顿号, Arabic digits',
      code: '每组3、4个人。',
      errors: 1,
      output: '每组三四个人。',
    },
    {
      name: '五、六十年 → 五六十年',
      code: '经过五、六十年的发展。',
      errors: 1,
      output: '经过五六十年的发展。',
    },
    {
      name: 'percent range missing the first %',
      code: '比例提高15～30%。',
      errors: [{ column: 5, endColumn: 11, messageIncludes: '百分号' }],
      output: '比例提高15%～30%。',
    },
    {
      name: '亿 range',
      code: '投资9～16亿。',
      errors: 1,
      output: '投资9亿～16亿。',
    },
    {
      name: '万元 range',
      code: '补助13～17万元。',
      errors: 1,
      output: '补助13万元～17万元。',
    },
    {
      name: 'doubled approximation: 近…余',
      code: '近200余人参加。',
      errors: [{ column: 1, endColumn: 6, suggestions: ['200余人参加。', '近200人参加。'] }],
      output: null,
    },
    {
      name: 'doubled approximation: 约…左右',
      code: '增长约20%左右。',
      errors: [{ suggestions: ['增长20%左右。', '增长约20%。'] }],
      output: null,
    },
    {
      name: 'mixed numerals 4千',
      code: '罚款4千元。',
      errors: [{ column: 3, endColumn: 5, messageIncludes: '“4000”' }],
      output: null,
    },
    {
      name: 'full-width digits',
      code: '２０２２年完成１次。',
      errors: 2,
      output: '2022年完成1次。',
    },
    {
      name: 'full-width 0 inside a Chinese year is one year finding',
      code: '二０二二年。',
      errors: 1,
      output: '二〇二二年。',
    },
    {
      name: 'astral character before the finding keeps UTF-16 columns right',
      code: '𠮷增长15～30%。',
      errors: [{ column: 5, endColumn: 11 }],
      output: '𠮷增长15%～30%。',
    },
    {
      name: 'CRLF lines',
      code: '第一段。\r\n二零二二年。\r\n比例15～30%。\r\n',
      errors: [{ line: 2, column: 1 }, { line: 3, column: 3 }],
      output: '第一段。\r\n二〇二二年。\r\n比例15%～30%。\r\n',
    },
  ],
});

describe('number-format on random text built from its trigger characters', function () {
  this.timeout(60000);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fc = require('fast-check') as typeof import('fast-check');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { violations } = require('../../property/check') as typeof import('../../property/check');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { propertyParams } = require('../../property/arbitraries') as typeof import('../../property/arbitraries');
  // One alphabet per group of sub-checks, so that each group's triggers meet often enough.
  const alphabets: Array<[string, string[]]> = [
    ['years, 概数, ranges, approximation, mixed and full-width digits', [
      '二', '零', 'O', '〇', '一', '九', '年', '月', '3', '4', '22', '、', '三', '四', '个', '十', '15', '～', '-', '30', '%', '万',
      '亿', '元', '近', '约', '余', '多', '左右', '千', '百', '米', '２', '０', '１', '．', '.', '第', '产业', '节', '最', '人',
      '𠮷', '\r\n', '\n', ' ', '`', '，', '。',
    ]],
    ['几, fixed expressions, 一二·九, 百分之, decimals, grouping, dates, ratios, 倍', [
      '10', '几', '20', '14', '届', '全国人大', '2', '次会议', '4', '中全会', '党的', '大', '精神', '“', '”', '五', '规划', '6', '方会谈',
      '一二', '九', '·', '.', '运动', '一', '二八', '事变', '百分之', '%', '12', '，', '500', '元', '2008', '-', '8', ':', '∶', '：',
      '比', '时间', '前', '下降了', '3', '倍', '𠮷', '\r\n', '\n', ' ', '`', '。',
    ]],
  ];
  for (const [name, pieces] of alphabets) {
    const textArb = fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((a) => a.join(''));
    it(`${name}: no throw, valid ranges, fixes converge and are idempotent`, () => {
      fc.assert(
        fc.property(textArb, fc.constantFrom('text' as const, 'markdown' as const), (text, format) => {
          const v = violations(text, { format, rules: [numberFormat], config: { rules: {}, dictionaries: [], date: '2024-01-01' } });
          assert.deepStrictEqual(v, [], JSON.stringify(text));
        }),
        propertyParams(500),
      );
    });
  }
});
