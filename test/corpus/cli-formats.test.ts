import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { requireShared } from '../helpers/shared';
import { run, validateSarif, validateRdjson, checkGitlabReport, parseXml } from '../cli/helpers';

/**
 * The machine outputs on real documents (a deterministic sample of ../shared/corpus/gov-docs:
 * UTF-8, CRLF, long lines), with every rule at its default level. Whatever the rules find, every
 * format must carry the same findings, validate against its format, and agree on positions:
 * rdjson's UTF-8 byte columns must point at the same characters as json's UTF-16 columns.
 */
describe('CLI formats on the gov-docs corpus', function () {
  this.timeout(600000);
  const SAMPLE = 80;
  let dir: string;
  let files: string[];
  let json: Array<{ filePath: string; messages: Array<{ ruleId: string; line: number; column: number; endLine: number; endColumn: number; fatal?: boolean }> }>;
  const timings: Record<string, number> = {};

  const runFormat = async (format: string): Promise<string> => {
    const t0 = Date.now();
    const r = await run(['-f', format, ...files], { cwd: dir });
    timings[format] = Date.now() - t0;
    assert.ok(r.code === 0 || r.code === 1, `exit ${r.code}: ${r.stderr.slice(0, 500)}`);
    return r.stdout;
  };

  before(async () => {
    dir = requireShared('corpus', 'gov-docs');
    const all = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
    const step = Math.max(1, Math.floor(all.length / SAMPLE));
    files = all.filter((_f, i) => i % step === 0).slice(0, SAMPLE);
    json = JSON.parse(await runFormat('json')) as typeof json;
  });

  after(() => {
    const total = json.reduce((n, r) => n + r.messages.length, 0);
    // Written down for the benchmark notes; not asserted (speed is measured, not tested).
    console.log(`      ${files.length} files, ${total} findings; ms per format: ${JSON.stringify(timings)}`);
  });

  const findingCount = (): number => json.reduce((n, r) => n + r.messages.filter((m) => !m.fatal).length, 0);

  it('json: one result per file, no file unreadable', () => {
    assert.strictEqual(json.length, files.length);
    assert.ok(json.every((r) => r.messages.every((m) => !m.fatal)));
  });

  it('sarif validates and carries every finding', async () => {
    const sarif = JSON.parse(await runFormat('sarif')) as { runs: Array<{ results: unknown[] }> };
    assert.deepStrictEqual(validateSarif(sarif).slice(0, 5), []);
    assert.strictEqual(sarif.runs[0].results.length, findingCount());
  });

  it('gitlab: Code Quality fields, unique fingerprints, the same on a second run', async () => {
    const first = checkGitlabReport(JSON.parse(await runFormat('gitlab')));
    assert.strictEqual(first.length, findingCount());
    const second = checkGitlabReport(JSON.parse(await runFormat('gitlab')));
    assert.deepStrictEqual(second.map((i) => i.fingerprint), first.map((i) => i.fingerprint));
  });

  it('rdjson validates, and its byte columns point at the characters json’s UTF-16 columns point at', async () => {
    const rd = JSON.parse(await runFormat('rdjson')) as { diagnostics: Array<{ location: { path: string; range: { start: { line: number; column: number }; end: { line: number; column: number } } } }> };
    assert.deepStrictEqual(validateRdjson(rd).slice(0, 5), []);
    assert.strictEqual(rd.diagnostics.length, findingCount());
    const flat = json.flatMap((r) => r.messages.map((m) => ({ file: r.filePath, m })));
    const lineCache = new Map<string, string[]>();
    const linesOf = (file: string): string[] => {
      let l = lineCache.get(file);
      if (!l) {
        l = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
        lineCache.set(file, l);
      }
      return l;
    };
    rd.diagnostics.forEach((d, i) => {
      const { file, m } = flat[i];
      assert.strictEqual(d.location.path, path.relative(dir, file).split(path.sep).join('/'));
      assert.strictEqual(d.location.range.start.line, m.line);
      const line = linesOf(file)[m.line - 1];
      const utf16Prefix = line.slice(0, m.column - 1);
      assert.strictEqual(d.location.range.start.column, Buffer.byteLength(utf16Prefix, 'utf8') + 1, `${file}:${m.line}:${m.column} ${m.ruleId}`);
    });
  });

  it('junit is well-formed and counts every error/warning as a failure', async () => {
    const root = parseXml(await runFormat('junit'));
    assert.strictEqual(root.children.length, files.length);
    let cases = 0;
    for (const suite of root.children) cases += suite.children.length;
    assert.strictEqual(Number(root.attributes.tests), cases);
    const failures = root.children.reduce((n, s) => n + s.children.filter((c) => c.children[0]?.name === 'failure').length, 0);
    assert.strictEqual(Number(root.attributes.failures), failures);
    assert.ok(failures <= findingCount());
  });
});
