import * as assert from 'assert';
import * as fs from 'fs';
import * as iconv from 'iconv-lite';
import { parseConfig, ConfigResolver, blankJsonComments } from '../../../rules/engine/config';
import { lint } from '../../../rules/engine/runner';
import { commaWidth } from '../../../rules/checks/punctuation/comma-width';
import type { Rule } from '../../../rules/engine/types';
import { allRules } from '../../../rules/registry';
import { run, tempProject, type TempDir } from '../../cli/helpers';

/** A rule with options, so option errors can be tested whatever the shipped rules take. */
const withOptions: Rule = {
  meta: { id: 'max-sentence-length', category: 'wording', description: '测试', defaultSeverity: 'warn', fixable: false, basis: '实务', basisLevel: '实务', docs: 'rules/docs/x.md' },
  optionsSchema: { type: 'object', additionalProperties: false, properties: { max: { type: 'integer', minimum: 1 } } },
  check() {},
};
const RULES: Rule[] = [commaWidth, withOptions];

interface Expect {
  line: number;
  column: number;
  /** Parts the message must contain: what is wrong and what was expected. */
  says: RegExp[];
}

/** Each broken config gives exactly one problem, at the right place, saying what was expected. */
const CASES: Array<{ name: string; file: string; text: string; expect: Expect; rulesApplied?: Record<string, string> }> = [
  {
    name: 'JSON: missing comma between two items',
    file: '.gongwenrc.json',
    text: '{\n  "rules": {"comma-width": "error"}\n  "date": "2024-01-01"\n}\n',
    expect: { line: 3, column: 3, says: [/JSON 格式错误/, /逗号/] },
  },
  {
    name: 'JSON: unclosed brace',
    file: '.gongwenrc.json',
    text: '{\n  "rules": {"comma-width": "error"}\n',
    expect: { line: 3, column: 1, says: [/JSON 格式错误/, /括号/] },
  },
  {
    name: 'YAML: bad indentation',
    file: '.gongwenrc.yaml',
    text: 'rules:\n  comma-width: warn\n   max-sentence-length: off\n',
    expect: { line: 2, column: 16, says: [/YAML 格式错误/] },
  },
  {
    name: 'YAML: tab indentation',
    file: '.gongwenrc.yaml',
    text: 'rules:\n\tcomma-width: warn\n',
    expect: { line: 2, column: 1, says: [/制表符/] },
  },
  {
    name: 'YAML: duplicate key',
    file: '.gongwenrc.yml',
    text: 'rules:\n  comma-width: warn\n  comma-width: off\n',
    expect: { line: 3, column: 3, says: [/键重复/] },
  },
  {
    name: 'unknown rule id (typo): underlined at the key, nearest id suggested; the other rules still apply',
    file: '.gongwenrc.yaml',
    text: 'rules:\n  coma-width: warn\n  max-sentence-length: error\n',
    expect: { line: 2, column: 3, says: [/未知规则“coma-width”/, /comma-width/] },
    rulesApplied: { 'max-sentence-length': 'error' },
  },
  {
    name: 'unknown rule id with no near match points at --list-rules',
    file: '.gongwenrc.json',
    text: '{"rules": {"zzzzzzzzzzzz": "off", "comma-width": "error"}}',
    expect: { line: 1, column: 12, says: [/--list-rules/] },
    rulesApplied: { 'comma-width': 'error' },
  },
  {
    name: 'bad level',
    file: '.gongwenrc.yaml',
    text: 'rules:\n  comma-width: warning\n  max-sentence-length: error\n',
    expect: { line: 2, column: 16, says: [/off、info、warn 或 error/, /"warning"/] },
    rulesApplied: { 'max-sentence-length': 'error' },
  },
  {
    name: 'options of the wrong type (not an object)',
    file: '.gongwenrc.yaml',
    text: 'rules:\n  max-sentence-length: [warn, 80]\n',
    expect: { line: 2, column: 31, says: [/选项应为对象/, /80/] },
  },
  {
    name: 'an option of the wrong type: underlined at the option',
    file: '.gongwenrc.json',
    text: '{\n  "rules": {\n    "max-sentence-length": ["warn", {"max": "八十"}],\n    "comma-width": "error"\n  }\n}\n',
    expect: { line: 3, column: 45, says: [/max/, /应为整数/, /"八十"/] },
    rulesApplied: { 'comma-width': 'error' },
  },
  {
    name: 'an unknown option',
    file: '.gongwenrc.yaml',
    text: 'rules:\n  max-sentence-length: [warn, {maximum: 80}]\n',
    expect: { line: 2, column: 31, says: [/maximum/] },
  },
  {
    name: 'options for a rule that takes none',
    file: '.gongwenrc.yaml',
    text: 'rules:\n  comma-width: [warn, {strict: true}]\n',
    expect: { line: 2, column: 23, says: [/不接受选项/, /strict/] },
  },
  {
    name: 'date in the wrong format',
    file: '.gongwenrc.yaml',
    text: 'date: 2024/03/05\n',
    expect: { line: 1, column: 7, says: [/YYYY-MM-DD/, /2024\/03\/05/] },
  },
  {
    name: 'a date that does not exist',
    file: '.gongwenrc.json',
    text: '{"date": "2024-02-30"}',
    expect: { line: 1, column: 10, says: [/有效日期/, /2024-02-30/] },
  },
  {
    name: 'a date written as a number',
    file: '.gongwenrc.yaml',
    text: 'date: 20240305\n',
    expect: { line: 1, column: 7, says: [/YYYY-MM-DD/, /20240305/] },
  },
  {
    name: 'an unknown top-level field: underlined at the key',
    file: '.gongwenrc.yaml',
    text: 'root: true\nrule:\n  comma-width: warn\n',
    expect: { line: 2, column: 1, says: [/不认识的字段“rule”/] },
  },
  {
    name: 'dictionaries as a string instead of a list',
    file: '.gongwenrc.yaml',
    text: 'dictionaries: my-terms.yaml\n',
    expect: { line: 1, column: 15, says: [/dictionaries/, /数组/, /my-terms.yaml/] },
  },
  {
    name: 'root as a string',
    file: '.gongwenrc.yaml',
    text: 'root: "yes"\n',
    expect: { line: 1, column: 7, says: [/布尔值/] },
  },
];

describe('reliability: config errors', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const { layer, problems } = parseConfig(c.text, `/project/${c.file}`, RULES);
      assert.strictEqual(problems.length, 1, `exactly one problem, got: ${problems.map((p) => `${p.line}:${p.column} ${p.message}`).join(' | ')}`);
      const p = problems[0];
      assert.strictEqual(p.file, `/project/${c.file}`);
      assert.deepStrictEqual([p.line, p.column], [c.expect.line, c.expect.column], p.message);
      for (const re of c.expect.says) assert.match(p.message, re);
      if (c.rulesApplied) {
        const applied = Object.fromEntries(Object.entries(layer.rules ?? {}).map(([id, s]) => [id, s.level]));
        assert.deepStrictEqual(applied, c.rulesApplied);
      }
    });
  }

  it('JSON config may carry comments and a trailing comma; positions after a comment stay right', () => {
    const text = '{\n  // 本单位的设置\n  "rules": {"comma-width": "error",}, /* 备注 */\n  "date": "2024-13-01"\n}\n';
    const { layer, problems } = parseConfig(text, '/p/.gongwenrc.json', RULES);
    assert.deepStrictEqual(layer.rules?.['comma-width']?.level, 'error');
    assert.deepStrictEqual(problems.map((p) => [p.line, p.column]), [[4, 11]]);
  });

  it('blankJsonComments keeps strings with // and /* intact and offsets unchanged', () => {
    const text = '{"a": "http://x/*y*/", // c\n"b": 1 /* d\n e */}';
    const out = blankJsonComments(text);
    assert.strictEqual(out.length, text.length);
    assert.deepStrictEqual(JSON.parse(out), { a: 'http://x/*y*/', b: 1 });
  });

  it('a BOM at the start of a config file is accepted', () => {
    const { layer, problems } = parseConfig('\uFEFF{"rules": {"comma-width": "off"}}', '/p/.gongwenrc.json', RULES);
    assert.deepStrictEqual(problems, []);
    assert.strictEqual(layer.rules?.['comma-width']?.level, 'off');
  });

  it('an empty config file is no config, not an error', () => {
    assert.deepStrictEqual(parseConfig('', '/p/.gongwenrc.yaml', RULES).problems, []);
  });

  it('several independent mistakes: one problem each, in file order', () => {
    const text = 'rules:\n  coma-width: warn\n  comma-width: loud\ndate: 2024-02-30\nignores: [a]\n';
    const { problems } = parseConfig(text, '/p/.gongwenrc.yaml', RULES);
    assert.deepStrictEqual(problems.map((p) => p.line).sort(), [2, 3, 4, 5]);
  });

  it('with a broken rule setting the other rules keep running (lint still reports)', () => {
    const { layer } = parseConfig('rules:\n  coma-width: error\n  max-sentence-length: warning\n', '/p/.gongwenrc.yaml', RULES);
    const findings = lint('推进改革,促进发展。', { rules: RULES, config: { rules: layer.rules ?? {}, dictionaries: [] } }).findings;
    assert.deepStrictEqual(findings.map((f) => [f.ruleId, f.severity]), [['comma-width', 'warn']]);
  });

  it('a config file that is not UTF-8 is named with the line of the first bad byte', () => {
    const t = tempProject(null);
    try {
      const file = t.write('.gongwenrc.yaml', Buffer.concat([Buffer.from('root: true\n# '), iconv.encode('本单位设置', 'gbk'), Buffer.from('\nrules: {}\n')]));
      const { problems } = new ConfigResolver(RULES).loadFile(file);
      assert.strictEqual(problems.length, 1);
      assert.deepStrictEqual([problems[0].file, problems[0].line], [file, 2]);
      assert.match(problems[0].message, /UTF-8/);
    } finally {
      t.cleanup();
    }
  });

  describe('through the CLI', function () {
    this.timeout(30_000);
    let t: TempDir;
    beforeEach(() => {
      t = tempProject(null);
    });
    afterEach(() => t.cleanup());

    it('each problem printed once as file:line:column, exit 2, and the files are still checked', async () => {
      const rules: Record<string, unknown> = {};
      for (const r of allRules) rules[r.meta.id] = 'off';
      rules['comma-width'] = 'error';
      const json = JSON.stringify({ root: true, rules }, null, 2).replace('"comma-width": "error"', '"coma-width": "warn",\n    "comma-width": "error"');
      const cfg = t.write('.gongwenrc.json', json.replace('"root": true', '"root": true,\n  "date": "2024-02-30"'));
      t.write('a.txt', '推进改革,促进发展。\n');
      t.write('b.txt', '落实责任,狠抓落实。\n');
      const r = await run(['--format', 'json', '.'], { cwd: t.dir });
      assert.strictEqual(r.code, 2);
      const lines = r.stderr.trim().split('\n');
      assert.strictEqual(lines.length, 2, r.stderr);
      const unknown = lines.find((l) => l.includes('coma-width'))!;
      const date = lines.find((l) => l.includes('2024-02-30'))!;
      const lineOf = (needle: string): number => fs.readFileSync(cfg, 'utf8').split('\n').findIndex((l) => l.includes(needle)) + 1;
      assert.ok(unknown.includes(`${cfg}:${lineOf('"coma-width"')}:5`), unknown);
      assert.ok(date.includes(`${cfg}:${lineOf('2024-02-30')}:11`), date);
      const results = JSON.parse(r.stdout) as Array<{ messages: Array<{ ruleId: string; severity: number }> }>;
      assert.deepStrictEqual(results.map((x) => x.messages.map((m) => [m.ruleId, m.severity])), [[['comma-width', 2]], [['comma-width', 2]]]);
    });

    it('a YAML syntax error: one message, defaults apply, files still checked', async () => {
      t.write('.gongwenrc.yaml', 'root: true\nrules:\n  comma-width: [warn\n');
      t.write('a.txt', '推进改革,促进发展。\n');
      const r = await run(['--format', 'json', 'a.txt'], { cwd: t.dir });
      assert.strictEqual(r.code, 2);
      assert.strictEqual(r.stderr.trim().split('\n').length, 1, r.stderr);
      assert.match(r.stderr, /\.gongwenrc\.yaml:\d+:\d+：配置文件 YAML 格式错误/);
      const results = JSON.parse(r.stdout) as Array<{ messages: Array<{ ruleId: string }> }>;
      assert.ok(results[0].messages.some((m) => m.ruleId === 'comma-width'));
    });
  });
});
