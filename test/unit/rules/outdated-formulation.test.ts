import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { testRule } from '../../helpers/rule-tester';
import { outdatedFormulation } from '../../../rules/checks/formulation/outdated-formulation';
import { formulationRules } from '../../../rules/checks/formulation';
import { resolveReferenceDate } from '../../../rules/engine/reference-date';
import { lint } from '../../../rules/engine/runner';

testRule(outdatedFormulation, {
  valid: [
    { code: '以优异成绩迎接党的二十大胜利召开。', date: '2022-03-01', name: 'right before the congress met' },
    { code: '全面贯彻落实党的十九大和十九届历次全会精神', date: '2022-03-05', name: 'right in March 2022' },
    { code: '将原农业部的渔船检验职责划入交通运输部。', date: '2024-01-01', name: 'a former body named as former (原)' },
    { code: '加强新型冠状病毒感染防控。', date: '2024-01-01', name: 'the current name' },
    { code: '各级农业部门要加强指导。', date: '2024-01-01', name: '农业部门 is not the ministry (exception)' },
    { code: '紧密团结在以习近平同志为总书记的党中央周围', date: '2015-06-01', name: 'right before the 2016 plenum' },
  ],
  invalid: [
    {
      code: '紧密团结在以习近平同志为总书记的党中央周围',
      date: '2024-01-01',
      errors: [{ severity: 'warn', messageIncludes: '按指定日期 2024-01-01判断' }],
      output: '紧密团结在以习近平同志为核心的党中央周围',
    },
    {
      code: '以优异成绩迎接党的二十大胜利召开。',
      date: '2023-06-01',
      errors: [{ column: 6, endColumn: 17, severity: 'warn', messageIncludes: '学习宣传贯彻党的二十大精神' }],
      output: null,
    },
    {
      name: 'inside quotation marks: a hint only, no fix',
      code: '他说：“要以优异成绩迎接党的二十大胜利召开。”',
      date: '2023-06-01',
      errors: [{ severity: 'info', messageIncludes: '引号或书名号内' }],
      output: null,
    },
    {
      name: 'plenum lists through a pattern',
      code: '全面贯彻党的十九大和十九届二中、三中全会精神',
      date: '2023-06-01',
      errors: [{ column: 5, endColumn: 23 }],
      output: null,
    },
    {
      name: 'two right forms: suggestions, no fix',
      code: '做好新冠肺炎防控',
      date: '2023-06-01',
      errors: [{ suggestions: ['做好新型冠状病毒感染防控', '做好新冠病毒感染防控'] }],
      output: null,
    },
    {
      name: 'renamed ministry',
      code: '由环境保护部牵头。',
      date: '2019-01-01',
      errors: 1,
      output: '由生态环境部牵头。',
    },
  ],
});

describe('outdated-formulation: reference date', () => {
  it('uses an explicit date first', () => {
    assert.deepStrictEqual(resolveReferenceDate('2019年12月13日', '2024-02-03'), { iso: '2024-02-03', origin: '指定日期 2024-02-03' });
  });
  it('uses the 成文日期 line near the end (NBSP padding, CRLF)', () => {
    const text = '国务院关于做好工作的意见\r\n正文。\r\n国务院\u00a0\u00a0\r\n2019年12月13日\u00a0\u00a0\r\n（此件公开发布）\r\n';
    assert.deepStrictEqual(resolveReferenceDate(text, undefined), { iso: '2019-12-13', origin: '文中成文日期 2019-12-13' });
  });
  it('uses a 成文日期 in Chinese numerals', () => {
    assert.strictEqual(resolveReferenceDate('正文。\n二〇二二年十二月一日\n', undefined).iso, '2022-12-01');
  });
  it('uses the date line of a speech opening', () => {
    const text = '\ufeff政府工作报告\r\n——2022年3月5日在第十三届全国人民代表大会第五次会议上\r\n正文';
    assert.strictEqual(resolveReferenceDate(text, undefined).iso, '2022-03-05');
  });
  it('uses a year in the opening at 1 January and says so', () => {
    const d = resolveReferenceDate('同志们，今天我们召开市人大2022年度工作推进动员大会。', undefined);
    assert.deepStrictEqual(d, { iso: '2022-01-01', origin: '文首年份 2022年（按该年1月1日）' });
  });
  it('takes the first year of a period in a title', () => {
    assert.strictEqual(resolveReferenceDate('国务院关于印发全国农业现代化规划(2016—2020年)的通知', undefined).iso, '2016-01-01');
  });
  it('falls back to today', () => {
    assert.deepStrictEqual(resolveReferenceDate('没有日期的正文。', undefined, new Date('2026-05-04T10:00:00Z')), { iso: '2026-05-04', origin: '今天 2026-05-04' });
  });
  it('names the date it used in the message when it comes from the document', () => {
    const text = '以实际行动迎接党的二十大胜利召开。\n国务院\n2023年3月1日\n';
    const f = lint(text, { rules: [outdatedFormulation] }).findings;
    assert.strictEqual(f.length, 1);
    assert.ok(f[0].message.includes('按文中成文日期 2023-03-01判断'), f[0].message);
  });
});

describe('seed speech acceptance (test/fixtures/speech.txt)', () => {
  const text = fs.readFileSync(path.resolve(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'speech.txt'), 'utf8');
  const run = (date: string) => lint(text, { rules: formulationRules, config: { rules: {}, dictionaries: [], date } }).findings;
  it('2022-03-01: no finding of the formulation rules (做出 → 作出 is a wording hint)', () => {
    const f = run('2022-03-01');
    assert.deepStrictEqual(f.filter((x) => x.ruleId !== 'confusable-word').map((x) => `${x.ruleId} ${text.slice(x.start, x.end)}`), []);
    assert.deepStrictEqual(f.map((x) => `${x.ruleId} ${x.severity} ${text.slice(x.start, x.end)}`), ['confusable-word info 做出']);
  });
  it('2023-06-01: the two stale 迎接党的二十大胜利召开 and the 十九大和十九届历次全会精神 reference, as warnings', () => {
    const f = run('2023-06-01').filter((x) => x.ruleId !== 'confusable-word');
    assert.deepStrictEqual(
      f.map((x) => `${x.ruleId} ${x.severity} ${x.line + 1} ${text.slice(x.start, x.end)}`),
      [
        'outdated-formulation warn 1 党的十九大和十九届历次全会精神',
        'outdated-formulation warn 2 迎接党的二十大胜利召开',
        'outdated-formulation warn 9 迎接党的二十大胜利召开',
      ],
    );
    assert.ok(f.every((x) => x.message.includes('按指定日期 2023-06-01判断')));
  });
});
