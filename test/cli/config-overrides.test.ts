import * as assert from 'assert';
import * as path from 'path';
import { run, tempProject, onlyCommaWidth, TWO_COMMAS, type TempDir } from './helpers';

interface JsonResult {
  filePath: string;
  messages: Array<{ ruleId: string | null; severity: number }>;
}

/** The shipped rules with only comma-width on (warn), plus `overrides`, as YAML. */
function configWith(overrides: string): string {
  const base = onlyCommaWidth() as { rules: Record<string, string> };
  const rules = Object.entries(base.rules).map(([id, level]) => `  ${id}: ${level}`);
  return ['root: true', 'rules:', ...rules, 'overrides:', overrides, ''].join('\n');
}

describe('CLI: config overrides', function () {
  this.timeout(30_000);
  let t: TempDir;
  beforeEach(() => {
    t = tempProject(null);
  });
  afterEach(() => t.cleanup());

  const severities = (stdout: string): Record<string, Array<[string | null, number]>> =>
    Object.fromEntries((JSON.parse(stdout) as JsonResult[]).map((r) => [path.relative(t.dir, r.filePath), r.messages.map((m): [string | null, number] => [m.ruleId, m.severity])]));

  it('two files in one folder get different rules', async () => {
    t.write('.gongwenrc.yaml', configWith('  - files: "*.speech.md"\n    rules: {comma-width: off}\n  - files: "通知*"\n    rules: {comma-width: error}'));
    t.write('报告.txt', TWO_COMMAS);
    t.write('讲话.speech.md', TWO_COMMAS);
    t.write('通知.txt', TWO_COMMAS);
    const r = await run(['-f', 'json', '.'], { cwd: t.dir });
    assert.strictEqual(r.stderr, '');
    assert.strictEqual(r.code, 1, 'the error level from the override decides the exit code');
    assert.deepStrictEqual(severities(r.stdout), {
      '报告.txt': [['comma-width', 1], ['comma-width', 1]],
      '讲话.speech.md': [],
      '通知.txt': [['comma-width', 2], ['comma-width', 2]],
    });
  });

  it('--print-config names the override that set a rule; --rule still wins over it', async () => {
    t.write('.gongwenrc.yaml', configWith('  - files: ["讲话稿/**"]\n    rules: {comma-width: error, placeholder: warn}\n    date: 2019-06-01'));
    t.write('讲话稿/a.txt', TWO_COMMAS);
    const r = await run(['--print-config', '讲话稿/a.txt', '--rule', 'placeholder:off'], { cwd: t.dir });
    assert.strictEqual(r.code, 0, r.stderr);
    const printed = JSON.parse(r.stdout) as { configFiles: string[]; overrides: string[]; date?: string; rules: Record<string, { level: string; from: string; source?: string }> };
    const cfg = path.join(t.dir, '.gongwenrc.yaml');
    assert.deepStrictEqual(printed.configFiles, [cfg]);
    assert.deepStrictEqual(printed.overrides, [`${cfg}#overrides[0]`]);
    assert.strictEqual(printed.date, '2019-06-01');
    assert.deepStrictEqual(printed.rules['comma-width'], { level: 'error', options: {}, from: 'config', source: `${cfg}#overrides[0]` });
    assert.deepStrictEqual(printed.rules['placeholder'], { level: 'off', options: {}, from: 'cli' });
    assert.deepStrictEqual(printed.rules['quote-style'], { level: 'off', options: {}, from: 'config', source: cfg });

    const other = JSON.parse((await run(['--print-config', 'b.txt'], { cwd: t.dir })).stdout) as { overrides: string[]; rules: Record<string, { level: string }> };
    assert.deepStrictEqual(other.overrides, []);
    assert.strictEqual(other.rules['comma-width'].level, 'warn');
  });

  it('stdin: --stdin-filename decides which overrides apply', async () => {
    t.write('.gongwenrc.yaml', configWith('  - files: "讲话稿/**"\n    rules: {comma-width: off}'));
    const named = async (name: string): Promise<number> => {
      const r = await run(['-f', 'json', '--stdin-filename', name, '-'], { cwd: t.dir, stdin: TWO_COMMAS });
      assert.strictEqual(r.stderr, '');
      return (JSON.parse(r.stdout) as JsonResult[])[0].messages.length;
    };
    assert.strictEqual(await named('讲话稿/a.txt'), 0);
    assert.strictEqual(await named('通知/a.txt'), 2);
  });

  it('a broken override is reported once (file:line:column, exit 2) however many files are checked; the others apply', async () => {
    t.write('.gongwenrc.yaml', configWith('  - rules: {comma-width: off}\n  - files: "*.speech.md"\n    rules: {comma-width: error}'));
    const cfg = path.join(t.dir, '.gongwenrc.yaml');
    t.write('a.txt', TWO_COMMAS);
    t.write('b.speech.md', TWO_COMMAS);
    const r = await run(['-f', 'json', '.'], { cwd: t.dir });
    assert.strictEqual(r.code, 2);
    const lines = r.stderr.trim().split('\n');
    assert.strictEqual(lines.length, 1, r.stderr);
    const overridesLine = configWith('').split('\n').indexOf('overrides:') + 1;
    assert.ok(lines[0].includes(`${cfg}:${overridesLine + 1}:5`), lines[0]);
    assert.match(lines[0], /缺少字段“files”/);
    assert.deepStrictEqual(severities(r.stdout), { 'a.txt': [['comma-width', 1], ['comma-width', 1]], 'b.speech.md': [['comma-width', 2], ['comma-width', 2]] });
  });
});
