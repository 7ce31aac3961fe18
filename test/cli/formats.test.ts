import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { run, tempProject, onlyCommaWidth, validateSarif, validateRdjson, checkGitlabReport, parseXml, REPO, TWO_COMMAS, CLEAN, type TempDir } from './helpers';

/** Half-width comma positions of TWO_COMMAS: line 1 column 8, line 2 column 7 (1-based, UTF-16). */
const EXPECTED = [
  { line: 1, column: 8 },
  { line: 2, column: 7 },
];

describe('CLI output formats', () => {
  let t: TempDir;
  beforeEach(() => {
    t = tempProject();
  });
  afterEach(() => t.cleanup());

  describe('stylish', () => {
    it('groups findings under the relative path, in Chinese, with a summary and the --fix hint', async () => {
      t.write('doc.txt', TWO_COMMAS);
      const r = await run(['doc.txt'], { cwd: t.dir });
      assert.strictEqual(r.code, 0, r.stderr);
      const lines = r.stdout.split('\n');
      assert.strictEqual(lines[0], 'doc.txt');
      assert.match(lines[1], /^ {2}1:8 {2}警告 {2}.*全角逗号.*comma-width$/);
      assert.match(lines[2], /^ {2}2:7 {2}警告 {2}.*comma-width$/);
      assert.match(r.stdout, /共 2 个问题（0 个错误，2 个警告）/);
      assert.match(r.stdout, /其中 2 个可用 --fix 自动修复/);
      assert.doesNotMatch(r.stdout, /\u001b\[/, 'no colour when stdout is not a terminal');
    });

    it('colours only on a terminal or with --color, and never with NO_COLOR', async () => {
      t.write('doc.txt', TWO_COMMAS);
      assert.match((await run(['doc.txt'], { cwd: t.dir, stdoutIsTTY: true })).stdout, /\u001b\[33m警告\u001b\[39m/);
      assert.match((await run(['--color', 'doc.txt'], { cwd: t.dir })).stdout, /\u001b\[/);
      assert.doesNotMatch((await run(['doc.txt'], { cwd: t.dir, stdoutIsTTY: true, env: { NO_COLOR: '1' } })).stdout, /\u001b\[/);
      assert.doesNotMatch((await run(['--no-color', 'doc.txt'], { cwd: t.dir, stdoutIsTTY: true })).stdout, /\u001b\[/);
    });

    it('prints nothing for a clean file', async () => {
      t.write('doc.txt', CLEAN);
      const r = await run(['doc.txt'], { cwd: t.dir });
      assert.strictEqual(r.code, 0);
      assert.strictEqual(r.stdout, '');
    });
  });

  describe('json (ESLint-compatible)', () => {
    it('has exactly the documented shape', async () => {
      const file = t.write('doc.txt', TWO_COMMAS);
      const r = await run(['--format', 'json', 'doc.txt'], { cwd: t.dir });
      assert.strictEqual(r.code, 0, r.stderr);
      const out = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
      assert.strictEqual(out.length, 1);
      const f = out[0];
      assert.deepStrictEqual(Object.keys(f).sort(), ['errorCount', 'fatalErrorCount', 'filePath', 'fixableErrorCount', 'fixableWarningCount', 'messages', 'suppressedMessages', 'warningCount']);
      assert.strictEqual(f.filePath, file);
      assert.strictEqual(f.errorCount, 0);
      assert.strictEqual(f.warningCount, 2);
      assert.strictEqual(f.fixableErrorCount, 0);
      assert.strictEqual(f.fixableWarningCount, 2);
      assert.ok(!('output' in f), 'no output without --fix-dry-run');
      const messages = f.messages as Array<Record<string, unknown>>;
      assert.strictEqual(messages.length, 2);
      messages.forEach((m, i) => {
        assert.deepStrictEqual(Object.keys(m).sort(), ['column', 'endColumn', 'endLine', 'fix', 'line', 'message', 'ruleId', 'severity']);
        assert.strictEqual(m.ruleId, 'comma-width');
        assert.strictEqual(m.severity, 1);
        assert.strictEqual(m.line, EXPECTED[i].line);
        assert.strictEqual(m.column, EXPECTED[i].column);
        assert.strictEqual(m.endLine, EXPECTED[i].line);
        assert.strictEqual(m.endColumn, EXPECTED[i].column + 1);
        assert.strictEqual(typeof m.message, 'string');
        const fix = m.fix as { range: [number, number]; text: string };
        assert.strictEqual(TWO_COMMAS.slice(fix.range[0], fix.range[1]), ',');
        assert.strictEqual(fix.text, '，');
      });
    });

    it('severity 2 for errors, counted as errors', async () => {
      t.write('.gongwenrc.json', JSON.stringify(onlyCommaWidth('error')));
      t.write('doc.txt', TWO_COMMAS);
      const r = await run(['-f', 'json', 'doc.txt'], { cwd: t.dir });
      assert.strictEqual(r.code, 1);
      const [f] = JSON.parse(r.stdout) as Array<{ errorCount: number; warningCount: number; fixableErrorCount: number; messages: Array<{ severity: number }> }>;
      assert.deepStrictEqual(f.messages.map((m) => m.severity), [2, 2]);
      assert.strictEqual(f.errorCount, 2);
      assert.strictEqual(f.warningCount, 0);
      assert.strictEqual(f.fixableErrorCount, 2);
    });

    it('columns are UTF-16 code units (astral characters count two) and CRLF lines count once', async () => {
      t.write('doc.txt', '𠮷字开头,再说。\r\n第二行,完。\r\n');
      const r = await run(['-f', 'json', 'doc.txt'], { cwd: t.dir });
      const [f] = JSON.parse(r.stdout) as Array<{ messages: Array<{ line: number; column: number }> }>;
      assert.deepStrictEqual(f.messages.map((m) => [m.line, m.column]), [
        [1, 6],
        [2, 4],
      ]);
    });
  });

  describe('sarif', () => {
    it('validates against the official SARIF 2.1.0 schema and maps onto the repository', async () => {
      t.write('docs/doc.txt', TWO_COMMAS);
      const r = await run(['-f', 'sarif', 'docs/doc.txt'], { cwd: t.dir });
      assert.strictEqual(r.code, 0, r.stderr);
      const sarif = JSON.parse(r.stdout) as { version: string; runs: Array<Record<string, any>> };
      assert.deepStrictEqual(validateSarif(sarif), []);
      assert.strictEqual(sarif.version, '2.1.0');
      const run0 = sarif.runs[0];
      assert.strictEqual(run0.tool.driver.name, 'gongwen-lint');
      assert.strictEqual(run0.columnKind, 'utf16CodeUnits');
      const rules = run0.tool.driver.rules as Array<{ id: string; helpUri: string }>;
      assert.deepStrictEqual(rules.map((x) => x.id), ['comma-width']);
      assert.match(rules[0].helpUri, /rules\/docs\/comma-width\.md$/);
      const results = run0.results as Array<Record<string, any>>;
      assert.strictEqual(results.length, 2);
      results.forEach((res, i) => {
        assert.strictEqual(res.ruleId, 'comma-width');
        assert.strictEqual(res.ruleIndex, 0);
        assert.strictEqual(res.level, 'warning');
        const loc = res.locations[0].physicalLocation;
        assert.deepStrictEqual(loc.artifactLocation, { uri: 'docs/doc.txt', uriBaseId: '%SRCROOT%' });
        assert.deepStrictEqual(loc.region, { startLine: EXPECTED[i].line, startColumn: EXPECTED[i].column, endLine: EXPECTED[i].line, endColumn: EXPECTED[i].column + 1 });
      });
    });

    it('a clean run and an unreadable file are valid SARIF too', async () => {
      t.write('clean.txt', CLEAN);
      t.write('binary.txt', Buffer.from([0x41, 0x00, 0x42, 0x00, 0x43]));
      const r = await run(['-f', 'sarif', 'clean.txt', 'binary.txt'], { cwd: t.dir });
      assert.strictEqual(r.code, 2, 'a file that cannot be checked is an IO error');
      const sarif = JSON.parse(r.stdout) as { runs: Array<Record<string, any>> };
      assert.deepStrictEqual(validateSarif(sarif), []);
      assert.strictEqual(sarif.runs[0].results.length, 0);
      assert.strictEqual(sarif.runs[0].invocations[0].toolExecutionNotifications.length, 1);
    });

    it('the schema check is not vacuous: a broken log is rejected', () => {
      assert.notDeepStrictEqual(validateSarif({ version: '2.1.0', runs: [{ tool: { driver: {} }, results: [{ message: { text: 'x' }, level: 'fatal' }] }] }), []);
      assert.notDeepStrictEqual(validateSarif({ version: '2.0.0', runs: [] }), []);
    });
  });

  describe('github', () => {
    it('prints one workflow annotation per finding with 1-based positions', async () => {
      t.write('doc.txt', TWO_COMMAS);
      const r = await run(['-f', 'github', 'doc.txt'], { cwd: t.dir });
      assert.strictEqual(r.code, 0);
      const lines = r.stdout.trimEnd().split('\n');
      assert.strictEqual(lines.length, 2);
      assert.match(lines[0], /^::warning file=doc\.txt,line=1,col=8,endLine=1,endColumn=9,title=gongwen-lint\(comma-width\)::\S/);
      assert.match(lines[1], /^::warning file=doc\.txt,line=2,col=7,endLine=2,endColumn=8,title=gongwen-lint\(comma-width\)::/);
    });

    it('errors become ::error, and property values are escaped', async () => {
      t.write('.gongwenrc.json', JSON.stringify(onlyCommaWidth('error')));
      t.write('a,b:c%.txt', '坚持改革,推进发展。\n');
      const r = await run(['-f', 'github', 'a,b:c%.txt'], { cwd: t.dir });
      assert.strictEqual(r.code, 1);
      assert.match(r.stdout, /^::error file=a%2Cb%3Ac%25\.txt,line=1,col=5,/);
    });
  });

  describe('rdjson (reviewdog)', () => {
    it('validates against reviewdog’s DiagnosticResult schema with UTF-8 byte columns', async () => {
      t.write('doc.txt', '𠮷字开头,再说。\r\n第二行,完。\r\n');
      const r = await run(['-f', 'rdjson', 'doc.txt'], { cwd: t.dir });
      assert.strictEqual(r.code, 0, r.stderr);
      const out = JSON.parse(r.stdout) as { source: { name: string }; diagnostics: Array<Record<string, any>> };
      assert.deepStrictEqual(validateRdjson(out), []);
      assert.strictEqual(out.source.name, 'gongwen-lint');
      assert.strictEqual(out.diagnostics.length, 2);
      // 𠮷 is 4 UTF-8 bytes and 字开头 3 each: the comma is byte 14, column 14.
      assert.deepStrictEqual(out.diagnostics[0].location, { path: 'doc.txt', range: { start: { line: 1, column: 14 }, end: { line: 1, column: 15 } } });
      assert.deepStrictEqual(out.diagnostics[1].location.range, { start: { line: 2, column: 10 }, end: { line: 2, column: 11 } });
      for (const d of out.diagnostics) {
        assert.ok(['ERROR', 'WARNING', 'INFO'].includes(d.severity), d.severity);
        assert.strictEqual(d.severity, 'WARNING');
        assert.strictEqual(d.code.value, 'comma-width');
        assert.match(d.code.url, /^https:\/\/.*comma-width\.md$/);
        assert.strictEqual(d.suggestions.length, 1);
        assert.deepStrictEqual(d.suggestions[0].range, d.location.range);
        assert.strictEqual(d.suggestions[0].text, '，');
      }
    });

    it('applying every suggestion at its byte range gives exactly the --fix-dry-run output', async () => {
      const text = '𠮷字开头,再说。\r\n第二行,完,又𠮷,好。\n末行,止。';
      t.write('doc.txt', text);
      const rd = JSON.parse((await run(['-f', 'rdjson', 'doc.txt'], { cwd: t.dir })).stdout) as { diagnostics: Array<{ suggestions: Array<{ range: { start: { line: number; column: number }; end: { line: number; column: number } }; text: string }> }> };
      const fixed = (JSON.parse((await run(['-f', 'json', '--fix-dry-run', 'doc.txt'], { cwd: t.dir })).stdout) as Array<{ output: string }>)[0].output;
      const bytes = Buffer.from(text, 'utf8');
      // Byte offset of each line start (LF, CRLF).
      const lineStarts = [0];
      for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0x0a) lineStarts.push(i + 1);
      const at = (p: { line: number; column: number }) => lineStarts[p.line - 1] + p.column - 1;
      const edits = rd.diagnostics.flatMap((d) => d.suggestions).map((s) => ({ start: at(s.range.start), end: at(s.range.end), text: s.text }));
      assert.strictEqual(edits.length, 5);
      edits.sort((a, b) => b.start - a.start);
      let out = bytes;
      for (const e of edits) out = Buffer.concat([out.subarray(0, e.start), Buffer.from(e.text, 'utf8'), out.subarray(e.end)]);
      assert.strictEqual(out.toString('utf8'), fixed);
      assert.ok(!/[\u4e00-\u9fff],/.test(fixed));
    });

    it('the schema check is not vacuous', () => {
      assert.notDeepStrictEqual(validateRdjson({ diagnostics: [{ message: 3 }] }), []);
      assert.notDeepStrictEqual(validateRdjson({ diagnostics: [{ message: 'm', location: { range: { start: { line: 'one' } } } }] }), []);
    });
  });
});

describe('CLI formats agree with each other on the seed speech (every rule at its default level)', function () {
  this.timeout(120000);
  let t: TempDir;
  let json: Array<{ messages: Array<{ ruleId: string; severity: number; gongwenSeverity?: string; line: number; column: number; endLine: number; endColumn: number }> }>;
  let lines: string[];
  before(async () => {
    t = tempProject({ root: true });
    const text = fs.readFileSync(path.join(REPO, 'test', 'fixtures', 'speech.txt'), 'utf8');
    t.write('speech.txt', text);
    lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
    const r = await run(['-f', 'json', 'speech.txt'], { cwd: t.dir });
    assert.ok(r.code === 0 || r.code === 1, r.stderr);
    json = JSON.parse(r.stdout) as typeof json;
    assert.ok(json[0].messages.length >= 131, 'at least the 131 half-width commas');
  });
  after(() => t.cleanup());

  const out = async (format: string): Promise<string> => (await run(['-f', format, 'speech.txt'], { cwd: t.dir })).stdout;

  it('sarif: valid, same findings, same positions', async () => {
    const sarif = JSON.parse(await out('sarif')) as { runs: Array<{ results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { region: { startLine: number; startColumn: number; endLine: number; endColumn: number } } }> }> }> };
    assert.deepStrictEqual(validateSarif(sarif), []);
    assert.deepStrictEqual(
      sarif.runs[0].results.map((x) => [x.ruleId, x.locations[0].physicalLocation.region.startLine, x.locations[0].physicalLocation.region.startColumn]),
      json[0].messages.map((m) => [m.ruleId, m.line, m.column]),
    );
  });

  it('rdjson: valid, and every UTF-8 byte column points where the UTF-16 column points', async () => {
    const rd = JSON.parse(await out('rdjson')) as { diagnostics: Array<{ code: { value: string }; location: { range: { start: { line: number; column: number } } } }> };
    assert.deepStrictEqual(validateRdjson(rd), []);
    assert.strictEqual(rd.diagnostics.length, json[0].messages.length);
    rd.diagnostics.forEach((d, i) => {
      const m = json[0].messages[i];
      assert.strictEqual(d.code.value, m.ruleId);
      assert.strictEqual(d.location.range.start.line, m.line);
      assert.strictEqual(d.location.range.start.column, Buffer.byteLength(lines[m.line - 1].slice(0, m.column - 1), 'utf8') + 1);
    });
  });

  it('gitlab: one issue per finding, unique fingerprints', async () => {
    const issues = checkGitlabReport(JSON.parse(await out('gitlab')));
    assert.deepStrictEqual(issues.map((i) => [i.check_name, i.location.lines?.begin]), json[0].messages.map((m) => [m.ruleId, m.line]));
  });

  it('github: one annotation per finding', async () => {
    const ann = (await out('github')).trimEnd().split('\n');
    assert.strictEqual(ann.length, json[0].messages.length);
    ann.forEach((a, i) => {
      const m = json[0].messages[i];
      const kind = m.severity === 2 ? 'error' : m.gongwenSeverity === 'info' ? 'notice' : 'warning';
      assert.ok(a.startsWith(`::${kind} file=speech.txt,line=${m.line},col=${m.column},`), a);
    });
  });

  it('junit: well-formed, one test case per finding', async () => {
    const root = parseXml(await out('junit'));
    assert.strictEqual(root.children[0].children.length, json[0].messages.length);
  });
});
