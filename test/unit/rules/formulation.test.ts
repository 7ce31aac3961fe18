import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { testRule } from '../../helpers/rule-tester';
import { loadDictionaries } from '../../../rules/engine/dictionaries';
import { lint } from '../../../rules/engine/runner';
import { formulation } from '../../../rules/checks/formulation/formulation';

testRule(formulation, {
  valid: [
    { code: '紧密团结在以习近平同志为核心的党中央周围。', name: 'the correct form' },
    { code: '坚持以习近平新时代中国特色社会主义思想为指导。', name: 'correct form of the guiding thought' },
    { code: '要认真学习总书记重要讲话精神。', name: '学习总书记 is not 习总书记 (exception)' },
    { code: '各级人社部门要加强指导。', name: '人社部门 is a generic term (exception)' },
    { code: '见《关于做好工作的通知》（人社部函〔2020〕11号）。', name: 'a document number code 人社部函 stays' },
    { code: '人民代表大会制度是我国的根本政治制度。', name: 'people’s congress system, right' },
    { code: '用法示例：`以习近平总书记为核心的党中央` 是错误写法。', format: 'markdown', name: 'inline code in Markdown is not checked' },
    { code: '党的十九届六中全会、党的二十届三中全会', name: 'plenums written with 届' },
  ],
  invalid: [
    {
      code: '紧密团结在以习近平总书记为核心的党中央周围。',
      errors: [{ line: 1, column: 6, endColumn: 20, severity: 'error', messageIncludes: '以习近平同志为核心的党中央' }],
      output: '紧密团结在以习近平同志为核心的党中央周围。',
    },
    {
      name: '二十大三中全会: only 大 → 届 is replaced',
      code: '深入学习贯彻党的二十大三中全会精神。',
      errors: [{ column: 9, endColumn: 12, messageIncludes: '届' }],
      output: '深入学习贯彻党的二十届三中全会精神。',
    },
    {
      name: 'basic vs fundamental political system',
      code: '人民代表大会制度是我国的基本政治制度。',
      errors: [{ column: 13, endColumn: 19 }],
      output: '人民代表大会制度是我国的根本政治制度。',
    },
    {
      code: '全面、准确、完整贯彻新发展理念',
      errors: 1,
      output: '完整、准确、全面贯彻新发展理念',
    },
    {
      name: 'ASCII quotes are the same formulation',
      code: '坚持"三个代表"思想。',
      errors: 1,
      output: '坚持“三个代表”重要思想。',
    },
    {
      name: 'astral character before the finding keeps UTF-16 columns right',
      code: '𠮷以人民为核心的发展思想',
      errors: [{ column: 3, endColumn: 14 }],
      output: '𠮷以人民为中心的发展思想',
    },
    {
      name: 'CRLF lines',
      code: '第一段。\r\n筑牢中华民族共同体意识。\r\n',
      errors: [{ line: 2, column: 1 }],
      output: '第一段。\r\n铸牢中华民族共同体意识。\r\n',
    },
    {
      name: 'no fix where the rewording is not mechanical',
      code: '构建以国际大循环为主体的格局。',
      errors: [{ messageIncludes: '以国内大循环为主体' }],
      output: null,
    },
    {
      name: 'department short forms are warnings',
      code: '由省发改委牵头。',
      errors: [{ severity: 'warn', column: 3, endColumn: 6 }],
      output: '由省发展改革委牵头。',
    },
    {
      name: 'informal title, with an exception nearby that does not hide it',
      code: '习总书记强调，要学习总书记讲话。',
      errors: [{ column: 1, endColumn: 5 }],
      output: '习近平总书记强调，要学习总书记讲话。',
    },
  ],
});

// validFrom / validUntil: a dated entry is reported only when the reference date lies inside
// [validFrom, validUntil). Synthetic entries in a user dictionary, so the bounds are known here.
describe('formulation: validFrom / validUntil', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-formulation-dates-'));
  const file = path.join(dir, 'dated.yaml');
  fs.writeFileSync(
    file,
    [
      'entries:',
      '  - id: test-from',
      '    kind: formulation',
      '    correct: 甲乙新写法',
      '    variants: [甲乙旧写法]',
      '    message: 应写作{correct}',
      '    severity: error',
      '    source: 单元测试用的示例词条',
      '    validFrom: 2021-11-11',
      '  - id: test-until',
      '    kind: formulation',
      '    correct: 丙丁正写',
      '    variants: [丙丁误写]',
      '    message: 应写作{correct}',
      '    severity: error',
      '    source: 单元测试用的示例词条',
      '    validUntil: 2020-03-01',
      '  - id: test-span',
      '    kind: formulation',
      '    correct: 戊己正写',
      '    variants: [戊己误写]',
      '    message: 应写作{correct}',
      '    severity: warn',
      '    source: 单元测试用的示例词条',
      '    validFrom: 2018-01-01',
      '    validUntil: 2019-01-01',
      '',
    ].join('\n'),
  );
  const dicts = loadDictionaries([file]);
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const run = (text: string, date: string | undefined, today?: Date) =>
    lint(text, { rules: [formulation], dictionaries: dicts, today, config: { rules: {}, dictionaries: [], date } }).findings.filter((f) => f.ruleId === 'formulation');

  it('the user dictionary loads without problems', () => {
    assert.deepStrictEqual(dicts.problems.map((p) => p.message), []);
  });

  const cases: Array<[string, string, string, number]> = [
    ['validFrom: the day before', '坚持甲乙旧写法。', '2021-11-10', 0],
    ['validFrom: the day itself', '坚持甲乙旧写法。', '2021-11-11', 1],
    ['validFrom: later', '坚持甲乙旧写法。', '2024-01-01', 1],
    ['validUntil: long before', '坚持丙丁误写。', '2010-01-01', 1],
    ['validUntil: the day before', '坚持丙丁误写。', '2020-02-29', 1],
    ['validUntil: the day itself', '坚持丙丁误写。', '2020-03-01', 0],
    ['both: before validFrom', '坚持戊己误写。', '2017-12-31', 0],
    ['both: validFrom', '坚持戊己误写。', '2018-01-01', 1],
    ['both: the day before validUntil', '坚持戊己误写。', '2018-12-31', 1],
    ['both: validUntil', '坚持戊己误写。', '2019-01-01', 0],
  ];
  for (const [name, text, date, n] of cases) {
    it(`${name} (${date}): ${n === 0 ? 'silent' : 'reported'}`, () => {
      assert.strictEqual(run(text, date).length, n);
    });
  }

  it('a dated finding says which date it was judged at, and still fixes', () => {
    const [f] = run('坚持甲乙旧写法。', '2022-05-01');
    assert.ok(f.message.includes('按指定日期 2022-05-01判断'), f.message);
    assert.ok(f.message.includes('自 2021-11-11 起适用'), f.message);
    assert.strictEqual(f.fix?.text, '甲乙新写法');
  });

  it('the document’s own 成文日期 decides when no date is given', () => {
    const today = new Date('2026-01-01T00:00:00Z');
    assert.strictEqual(run('坚持甲乙旧写法。\n\n2021年11月10日\n', undefined, today).length, 0);
    const [f] = run('坚持甲乙旧写法。\n\n2021年11月11日\n', undefined, today);
    assert.ok(f?.message.includes('文中成文日期 2021-11-11'), f?.message);
    assert.strictEqual(run('坚持甲乙旧写法。', undefined, new Date('2021-11-10T00:00:00Z')).length, 0, 'today decides last');
  });

  it('undated built-in entries are unaffected by the date', () => {
    for (const date of ['1990-01-01', '2030-01-01']) assert.strictEqual(run('以习近平总书记为核心的党中央', date).length, 1, date);
  });
});
