import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as iconv from 'iconv-lite';
import { run, tempProject, onlyCommaWidth, TWO_COMMAS, CLEAN, type TempDir } from './helpers';

interface JsonResult {
  filePath: string;
  messages: Array<{ ruleId: string | null; severity: number; message: string; line: number; column: number; fix?: unknown; fatal?: boolean }>;
  errorCount: number;
  warningCount: number;
  output?: string;
}

const HALF_COMMA_IN_CHINESE = /[\u4e00-\u9fff],[\u4e00-\u9fff]/;

describe('CLI options and exit codes', () => {
  let t: TempDir;
  beforeEach(() => {
    t = tempProject();
  });
  afterEach(() => t.cleanup());

  const json = async (argv: string[], extra: Partial<Parameters<typeof run>[1]> = {}): Promise<{ code: number; results: JsonResult[]; stderr: string }> => {
    const r = await run(['-f', 'json', ...argv], { cwd: t.dir, ...extra });
    return { code: r.code, results: r.stdout ? (JSON.parse(r.stdout) as JsonResult[]) : [], stderr: r.stderr };
  };
  const rel = (results: JsonResult[]): string[] => results.map((r) => path.relative(t.dir, r.filePath).split(path.sep).join('/'));

  describe('exit codes', () => {
    it('0 for a clean file', async () => {
      t.write('doc.txt', CLEAN);
      assert.strictEqual((await run(['doc.txt'], { cwd: t.dir })).code, 0);
    });

    it('0 for warnings only', async () => {
      t.write('doc.txt', TWO_COMMAS);
      const r = await run(['doc.txt'], { cwd: t.dir });
      assert.strictEqual(r.code, 0);
      assert.match(r.stdout, /2 个警告/);
    });

    it('1 for errors', async () => {
      t.write('.gongwenrc.json', JSON.stringify(onlyCommaWidth('error')));
      t.write('doc.txt', TWO_COMMAS);
      const r = await run(['doc.txt'], { cwd: t.dir });
      assert.strictEqual(r.code, 1);
      assert.match(r.stdout, /2 个错误/);
    });

    it('1 when warnings exceed --max-warnings, 0 at the limit', async () => {
      t.write('doc.txt', TWO_COMMAS);
      const over = await run(['--max-warnings', '1', 'doc.txt'], { cwd: t.dir });
      assert.strictEqual(over.code, 1);
      assert.match(over.stderr, /警告 2 个，超过 --max-warnings 1/);
      assert.strictEqual((await run(['--max-warnings=2', 'doc.txt'], { cwd: t.dir })).code, 0);
      assert.strictEqual((await run(['--max-warnings', 'x', 'doc.txt'], { cwd: t.dir })).code, 2);
    });

    it('2 for an unknown option, with a message that says so', async () => {
      const r = await run(['--bogus', 'doc.txt'], { cwd: t.dir });
      assert.strictEqual(r.code, 2);
      assert.match(r.stderr, /未知选项“--bogus”/);
      assert.strictEqual(r.stdout, '');
    });

    it('2 for an unknown format', async () => {
      const r = await run(['-f', 'xml', 'doc.txt'], { cwd: t.dir });
      assert.strictEqual(r.code, 2);
      assert.match(r.stderr, /未知的输出格式“xml”.*gitlab.*rdjson.*junit/);
    });

    it('2 for a missing file, and the other files are still reported', async () => {
      t.write('doc.txt', TWO_COMMAS);
      const r = await json(['nope.txt', 'doc.txt']);
      assert.strictEqual(r.code, 2);
      assert.match(r.stderr, /找不到匹配“nope\.txt”的文件/);
      assert.deepStrictEqual(rel(r.results), ['doc.txt']);
    });

    it('2 for a binary file (reported as a fatal message)', async () => {
      t.write('b.txt', Buffer.from([0x00, 0xff, 0x00]));
      const r = await json(['b.txt']);
      assert.strictEqual(r.code, 2);
      assert.strictEqual(r.results[0].messages[0].fatal, true);
    });

    it('2 for a config error (unknown rule), with file and line', async () => {
      t.write('.gongwenrc.json', '{\n  "root": true,\n  "rules": { "coma-width": "warn" }\n}\n');
      t.write('doc.txt', CLEAN);
      const r = await run(['doc.txt'], { cwd: t.dir });
      assert.strictEqual(r.code, 2);
      assert.match(r.stderr, /配置错误 .*\.gongwenrc\.json:3:\d+：未知规则“coma-width”，是否要写“comma-width”？/);
    });

    it('2 with no files and stdin a terminal, printing the usage', async () => {
      const r = await run([], { cwd: t.dir });
      assert.strictEqual(r.code, 2);
      assert.match(r.stderr, /没有要检查的文件/);
      assert.match(r.stderr, /用法：gongwen-lint/);
    });

    it('--help and --version exit 0; the help lists the new formats and the progress line', async () => {
      const h = await run(['--help'], { cwd: t.dir });
      assert.strictEqual(h.code, 0);
      for (const f of ['stylish', 'json', 'sarif', 'github', 'gitlab', 'rdjson', 'junit']) assert.ok(h.stdout.includes(f), f);
      assert.match(h.stdout, /已检查 N\/M 个文件/);
      const v = await run(['--version'], { cwd: t.dir });
      assert.strictEqual(v.code, 0);
      assert.match(v.stdout, /^\d+\.\d+\.\d+/);
    });
  });

  describe('--date', () => {
    it('accepts a real date', async () => {
      t.write('doc.txt', CLEAN);
      assert.strictEqual((await run(['--date', '2024-02-29', 'doc.txt'], { cwd: t.dir })).code, 0);
      assert.strictEqual((await run(['--date=2022-03-05', 'doc.txt'], { cwd: t.dir })).code, 0);
    });

    for (const bad of ['2023-02-29', '2024-13-01', '20240101', 'today', '2024-1-1']) {
      it(`rejects “${bad}” with exit 2 and a message`, async () => {
        t.write('doc.txt', CLEAN);
        const r = await run(['--date', bad, 'doc.txt'], { cwd: t.dir });
        assert.strictEqual(r.code, 2);
        assert.ok(r.stderr.includes(`--date 应为有效日期 YYYY-MM-DD，实际为“${bad}”`), r.stderr);
      });
    }

    it('needs a value', async () => {
      const r = await run(['doc.txt', '--date'], { cwd: t.dir });
      assert.strictEqual(r.code, 2);
      assert.match(r.stderr, /--date 需要一个值/);
    });
  });

  describe('--quiet', () => {
    it('drops warnings but keeps errors', async () => {
      t.write('doc.txt', TWO_COMMAS);
      const quietWarn = await json(['--quiet', 'doc.txt']);
      assert.strictEqual(quietWarn.code, 0);
      assert.deepStrictEqual(quietWarn.results[0].messages, []);
      t.write('.gongwenrc.json', JSON.stringify(onlyCommaWidth('error')));
      const quietErr = await json(['-q', 'doc.txt']);
      assert.strictEqual(quietErr.code, 1);
      assert.strictEqual(quietErr.results[0].messages.length, 2);
    });
  });

  describe('--config', () => {
    it('uses the given file instead of the upward search', async () => {
      // The folder's own config says error; the explicit one says info.
      t.write('.gongwenrc.json', JSON.stringify(onlyCommaWidth('error')));
      t.write('cfg/strict.yaml', `root: true\nrules:\n${Object.entries(onlyCommaWidth('info').rules as Record<string, string>).map(([k, v]) => `  ${k}: ${v}`).join('\n')}\n`);
      t.write('doc.txt', TWO_COMMAS);
      assert.strictEqual((await run(['doc.txt'], { cwd: t.dir })).code, 1);
      const r = await json(['--config', 'cfg/strict.yaml', 'doc.txt']);
      assert.strictEqual(r.code, 0, r.stderr);
      assert.deepStrictEqual(r.results[0].messages.map((m) => m.severity), [1, 1]);
    });

    it('a rule switched off there is silent', async () => {
      const off = onlyCommaWidth();
      (off.rules as Record<string, string>)['comma-width'] = 'off';
      t.write('off.json', JSON.stringify(off));
      t.write('doc.txt', TWO_COMMAS);
      const r = await json(['-c', 'off.json', 'doc.txt']);
      assert.strictEqual(r.code, 0);
      assert.deepStrictEqual(r.results[0].messages, []);
    });

    it('its ignore and overrides globs are relative to the working folder, its dictionaries to the file', async () => {
      t.write('ci/gongwen.yaml', ['ignore: ["drafts/**"]', 'dictionaries: ["terms.yaml"]', 'overrides:', '  - files: ["quotes/**"]', '    rules: {comma-width: "off"}', ''].join('\n'));
      t.write('ci/terms.yaml', 'entries:\n  - id: local-name\n    kind: formulation\n    correct: 滨江新区管委会\n    variants: [滨江管委会]\n    message: 应写作{correct}\n    severity: warn\n    source: 《滨江新区机构编制规定》第三条\n');
      t.write('drafts/a.txt', TWO_COMMAS);
      t.write('quotes/b.txt', TWO_COMMAS);
      t.write('docs/c.txt', `${TWO_COMMAS}\n滨江管委会。\n`);
      const r = await json(['-c', 'ci/gongwen.yaml', '.']);
      assert.deepStrictEqual(rel(r.results).sort(), ['docs/c.txt', 'quotes/b.txt'], 'drafts/ ignored (relative to the working folder, not ci/)');
      const byFile = new Map(r.results.map((x) => [rel([x])[0], x.messages.map((m) => m.ruleId)]));
      assert.ok(!byFile.get('quotes/b.txt')?.includes('comma-width'), 'the override matched quotes/ from the working folder');
      assert.ok(byFile.get('docs/c.txt')?.includes('comma-width'));
      assert.ok(byFile.get('docs/c.txt')?.includes('formulation'), 'the dictionary was found beside the config file');
    });

    it('a missing config file is exit 2', async () => {
      t.write('doc.txt', CLEAN);
      const r = await run(['--config', 'missing.json', 'doc.txt'], { cwd: t.dir });
      assert.strictEqual(r.code, 2);
      assert.match(r.stderr, /找不到配置文件 missing\.json/);
    });

    it('is found upward from each file, the nearest winning', async () => {
      t.write('sub/.gongwenrc.json', JSON.stringify({ rules: { 'comma-width': 'error' } }));
      t.write('sub/doc.txt', TWO_COMMAS);
      t.write('top.txt', TWO_COMMAS);
      const r = await json(['.']);
      assert.strictEqual(r.code, 1);
      assert.deepStrictEqual(rel(r.results), ['sub/doc.txt', 'top.txt']);
      assert.deepStrictEqual(r.results.map((x) => x.messages.map((m) => m.severity)), [
        [2, 2],
        [1, 1],
      ]);
    });
  });

  describe('--fix and --fix-dry-run', () => {
    it('--fix-dry-run reports `output` and does not write', async () => {
      t.write('doc.txt', TWO_COMMAS);
      const r = await json(['--fix-dry-run', 'doc.txt']);
      assert.strictEqual(r.code, 0);
      assert.strictEqual(r.results[0].output, '我们要坚持改革，推进发展。\n全面深化改革，扩大开放。\n');
      assert.deepStrictEqual(r.results[0].messages, [], 'what is reported is what is left after fixing');
      assert.strictEqual(t.read('doc.txt').toString('utf8'), TWO_COMMAS, 'file untouched');
    });

    it('--fix-dry-run on a clean file has no output field', async () => {
      t.write('doc.txt', CLEAN);
      const r = await json(['--fix-dry-run', 'doc.txt']);
      assert.ok(!('output' in r.results[0]));
    });

    it('--fix rewrites the file keeping BOM and CRLF; re-checking finds no fixable comma-width', async () => {
      const original = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TWO_COMMAS.replace(/\n/g, '\r\n'), 'utf8')]);
      t.write('doc.txt', original);
      const r = await json(['--fix', 'doc.txt']);
      assert.strictEqual(r.code, 0, r.stderr);
      assert.ok(!('output' in r.results[0]), '--fix wrote the text; no output field');
      const after = t.read('doc.txt');
      assert.deepStrictEqual([...after.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'BOM kept');
      const text = after.subarray(3).toString('utf8');
      assert.strictEqual(text, '我们要坚持改革，推进发展。\r\n全面深化改革，扩大开放。\r\n');
      assert.ok(!HALF_COMMA_IN_CHINESE.test(text));
      const again = await json(['doc.txt']);
      assert.deepStrictEqual(again.results[0].messages.filter((m) => m.ruleId === 'comma-width' || m.fix), []);
      assert.deepStrictEqual(fs.readdirSync(t.dir).sort(), ['.gongwenrc.json', 'doc.txt'], 'no temporary file left behind');
    });

    it('--fix keeps a GB18030 file in GB18030', async () => {
      t.write('gbk.txt', iconv.encode(TWO_COMMAS, 'gb18030'));
      const r = await json(['--fix', 'gbk.txt']);
      assert.strictEqual(r.code, 0, r.stderr);
      const bytes = t.read('gbk.txt');
      assert.strictEqual(iconv.decode(bytes, 'gb18030'), '我们要坚持改革，推进发展。\n全面深化改革，扩大开放。\n');
      assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'still not UTF-8');
    });

    it('--fix keeps a UTF-16LE file with its BOM in UTF-16LE', async () => {
      t.write('u16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TWO_COMMAS, 'utf16le')]));
      const r = await json(['--fix', 'u16.txt']);
      assert.strictEqual(r.code, 0, r.stderr);
      const bytes = t.read('u16.txt');
      assert.deepStrictEqual([...bytes.subarray(0, 2)], [0xff, 0xfe]);
      assert.strictEqual(bytes.subarray(2).toString('utf16le'), '我们要坚持改革，推进发展。\n全面深化改革，扩大开放。\n');
    });

    it('--fix on a read-only file leaves it untouched and exits 2 with a reason', async () => {
      const p = t.write('ro.txt', TWO_COMMAS);
      fs.chmodSync(p, 0o444);
      try {
        const r = await json(['--fix', 'ro.txt']);
        assert.strictEqual(r.code, 2);
        assert.strictEqual(r.results[0].messages[0].fatal, true);
        assert.match(r.results[0].messages[0].message, /修复未能写回，原文件未改动/);
        assert.strictEqual(t.read('ro.txt').toString('utf8'), TWO_COMMAS);
        assert.deepStrictEqual(fs.readdirSync(t.dir).sort(), ['.gongwenrc.json', 'ro.txt'], 'no temporary file left behind');
        // The file was not fixed, so what is reported is its commas, where they still are.
        const commas = r.results[0].messages.filter((m: { ruleId: string | null }) => m.ruleId === 'comma-width');
        assert.strictEqual(commas.length, 2);
        assert.strictEqual(TWO_COMMAS.split('\n')[commas[0].line - 1][commas[0].column - 1], ',');
      } finally {
        fs.chmodSync(p, 0o644);
      }
    });

    it('--fix leaves clean files alone (same inode and mtime)', async () => {
      const p = t.write('clean.txt', CLEAN);
      const before = fs.statSync(p);
      await json(['--fix', 'clean.txt']);
      const after = fs.statSync(p);
      assert.strictEqual(after.ino, before.ino);
      assert.strictEqual(after.mtimeMs, before.mtimeMs);
    });

    it('--fix with an error-level finding exits 0 once it is fixed', async () => {
      t.write('.gongwenrc.json', JSON.stringify(onlyCommaWidth('error')));
      t.write('doc.txt', TWO_COMMAS);
      assert.strictEqual((await run(['--fix', 'doc.txt'], { cwd: t.dir })).code, 0);
    });

    it('--fix and --fix-dry-run together are a usage error', async () => {
      const r = await run(['--fix', '--fix-dry-run', 'doc.txt'], { cwd: t.dir });
      assert.strictEqual(r.code, 2);
    });
  });

  describe('stdin', () => {
    it('reads piped stdin when no files are given', async () => {
      const r = await json([], { stdin: TWO_COMMAS });
      assert.strictEqual(r.code, 0);
      assert.strictEqual(r.results[0].filePath, '<text>');
      assert.strictEqual(r.results[0].messages.length, 2);
    });

    it('reads stdin for `-`, even with a terminal', async () => {
      const r = await json(['-'], { stdin: TWO_COMMAS, stdinIsTTY: true });
      assert.strictEqual(r.results[0].messages.length, 2);
    });

    it('--stdin-filename names it, finds its config and decides Markdown', async () => {
      t.write('sub/.gongwenrc.json', JSON.stringify({ rules: { 'comma-width': 'error' } }));
      const md = '正文有问题,需要修改。\n\n`代码,不查`\n';
      const r = await json(['--stdin-filename', 'sub/note.md', '-'], { stdin: md });
      assert.strictEqual(r.code, 1);
      assert.strictEqual(r.results[0].filePath, path.join(t.dir, 'sub', 'note.md'));
      assert.deepStrictEqual(r.results[0].messages.map((m) => [m.line, m.severity]), [[1, 2]], 'inline code is not checked');
    });

    it('--fix-dry-run on stdin gives output; --fix on stdin is refused', async () => {
      const dry = await json(['--fix-dry-run', '-'], { stdin: TWO_COMMAS });
      assert.strictEqual(dry.results[0].output, '我们要坚持改革，推进发展。\n全面深化改革，扩大开放。\n');
      const fix = await run(['--fix', '-'], { cwd: t.dir, stdin: TWO_COMMAS });
      assert.strictEqual(fix.code, 2);
      assert.match(fix.stderr, /--fix 不能用于标准输入/);
    });
  });

  describe('files, folders, globs and ignores', () => {
    beforeEach(() => {
      t.write('docs/a.txt', TWO_COMMAS);
      t.write('docs/sub/b.md', TWO_COMMAS);
      t.write('docs/sub/c.gw', TWO_COMMAS);
      t.write('docs/sub/skip.js', TWO_COMMAS);
      t.write('docs/node_modules/x.txt', TWO_COMMAS);
      t.write('docs/drafts/d.txt', TWO_COMMAS);
      t.write('docs/e.draft.txt', TWO_COMMAS);
      t.write('other/f.txt', TWO_COMMAS);
    });

    it('walks folders recursively for .txt/.md/.gw, skipping node_modules', async () => {
      const r = await json(['docs']);
      assert.deepStrictEqual(rel(r.results), ['docs/a.txt', 'docs/drafts/d.txt', 'docs/e.draft.txt', 'docs/sub/b.md', 'docs/sub/c.gw']);
    });

    it('a file named explicitly is checked whatever its extension', async () => {
      const r = await json(['docs/sub/skip.js']);
      assert.deepStrictEqual(rel(r.results), ['docs/sub/skip.js']);
    });

    it('expands globs itself (quoted on the command line)', async () => {
      assert.deepStrictEqual(rel((await json(['docs/**/*.md'])).results), ['docs/sub/b.md']);
      assert.deepStrictEqual(rel((await json(['**/*.draft.txt'])).results), ['docs/e.draft.txt']);
      assert.deepStrictEqual(rel((await json(['other/*.txt', 'docs/sub/*.{md,gw}'])).results), ['docs/sub/b.md', 'docs/sub/c.gw', 'other/f.txt']);
    });

    it('a glob that matches nothing is exit 2', async () => {
      const r = await json(['docs/**/*.docx']);
      assert.strictEqual(r.code, 2);
      assert.match(r.stderr, /找不到匹配/);
    });

    it('.gongwenignore in the working folder skips files and folders', async () => {
      t.write('.gongwenignore', '# drafts are not ready\ndrafts/\n*.draft.txt\n');
      assert.deepStrictEqual(rel((await json(['docs'])).results), ['docs/a.txt', 'docs/sub/b.md', 'docs/sub/c.gw']);
    });

    it('config `ignore` globs skip files relative to the config file', async () => {
      t.write('.gongwenrc.json', JSON.stringify({ ...onlyCommaWidth(), ignore: ['docs/sub/**', '**/*.draft.txt'] }));
      assert.deepStrictEqual(rel((await json(['.'])).results), ['docs/a.txt', 'docs/drafts/d.txt', 'other/f.txt']);
    });

    it('an ignored file named explicitly is skipped with a notice; --no-ignore checks it', async () => {
      t.write('.gongwenignore', 'drafts/\n');
      const r = await json(['docs/drafts/d.txt', 'docs/a.txt']);
      assert.deepStrictEqual(rel(r.results), ['docs/a.txt']);
      assert.match(r.stderr, /已按忽略规则跳过 docs\/drafts\/d\.txt/);
      assert.strictEqual(r.code, 0);
      assert.deepStrictEqual(rel((await json(['--no-ignore', 'docs/drafts/d.txt'])).results), ['docs/drafts/d.txt']);
    });

    it('-- ends the options, so a file may start with a dash', async () => {
      t.write('-odd.txt', TWO_COMMAS);
      assert.deepStrictEqual(rel((await json(['--', '-odd.txt'])).results), ['-odd.txt']);
    });
  });

  describe('--output-file', () => {
    it('writes the report to a file and nothing to stdout', async () => {
      t.write('doc.txt', TWO_COMMAS);
      const r = await run(['-f', 'sarif', '-o', 'out/report.sarif', 'doc.txt'], { cwd: t.dir });
      // The folder does not exist: that is an IO error, not a silent success.
      assert.strictEqual(r.code, 2);
      fs.mkdirSync(path.join(t.dir, 'out'));
      const ok = await run(['-f', 'sarif', '-o', 'out/report.sarif', 'doc.txt'], { cwd: t.dir });
      assert.strictEqual(ok.code, 0);
      assert.strictEqual(ok.stdout, '');
      assert.strictEqual((JSON.parse(t.read('out/report.sarif').toString('utf8')) as { runs: Array<{ results: unknown[] }> }).runs[0].results.length, 2);
    });
  });
});
