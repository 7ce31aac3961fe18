import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';

/**
 * Stress layer (npm run test:stress, run by CI, not by npm test): the built CLI (dist/cli.js) on
 * big text files, with peak memory measured in the child process. Files are made from the speech
 * fixture repeated, so the text is real 公文 prose with real findings, and ../shared is not needed.
 *
 * The bounds asserted are generous ceilings that catch a regression (a copy per rule, a quadratic
 * loop), not benchmarks; the measured numbers are printed and written to
 * out/stress-results.json for the README's "Limits and guarantees".
 */
const REPO = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(REPO, 'dist', 'cli.js');
const PRELOAD = path.join(__dirname, 'rss-preload.js');
const MB = 1024 * 1024;

interface Measured {
  status: number | null;
  seconds: number;
  rssMB: number;
  stdoutBytes: number;
  stderr: string;
}

function runCli(args: string[], cwd: string): Measured {
  const rssFile = path.join(cwd, `rss-${process.hrtime.bigint()}.txt`);
  const outFile = path.join(cwd, 'report.out');
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['-r', PRELOAD, CLI, '--output-file', outFile, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GONGWEN_RSS_FILE: rssFile, CI: 'true' },
    timeout: 600_000,
    maxBuffer: 64 * MB,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const rssKB = fs.existsSync(rssFile) ? Number(fs.readFileSync(rssFile, 'utf8')) : NaN;
  const stdoutBytes = fs.existsSync(outFile) ? fs.statSync(outFile).size : 0;
  return { status: r.status, seconds, rssMB: Math.round(rssKB / 1024), stdoutBytes, stderr: r.stderr ?? '' };
}

function makeText(file: string, bytes: number): void {
  const unit = fs.readFileSync(path.join(REPO, 'test', 'fixtures', 'speech.txt'));
  const fd = fs.openSync(file, 'w');
  try {
    let written = 0;
    while (written + unit.length <= bytes) {
      fs.writeSync(fd, unit);
      written += unit.length;
    }
  } finally {
    fs.closeSync(fd);
  }
}

describe('stress: big files through the CLI', function () {
  this.timeout(900_000);
  const results: Record<string, Measured & { fileMB: number }> = {};
  let dir: string;

  before(() => {
    assert.ok(fs.existsSync(CLI), `${CLI} missing: run npm run build first`);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-stress-'));
    fs.writeFileSync(path.join(dir, '.gongwenrc.json'), '{"root": true}');
    makeText(path.join(dir, 'big50.txt'), 50 * MB);
    makeText(path.join(dir, 'big10.txt'), 10 * MB - 64 * 1024);
    makeText(path.join(dir, 'big1.txt'), MB);
  });

  after(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    const out = path.join(REPO, 'out', 'stress-results.json');
    fs.writeFileSync(out, JSON.stringify({ node: process.version, platform: `${process.platform} ${os.arch()}`, cpus: os.cpus().length, results }, null, 2));
    // eslint-disable-next-line no-console
    console.log(`\n  stress results (${out}):\n${Object.entries(results).map(([k, v]) => `    ${k}: ${v.fileMB} MB file, exit ${v.status}, ${v.seconds.toFixed(1)} s, peak RSS ${v.rssMB} MB, report ${(v.stdoutBytes / MB).toFixed(1)} MB`).join('\n')}`);
  });

  const record = (name: string, file: string, m: Measured): void => {
    results[name] = { ...m, fileMB: Math.round((fs.statSync(path.join(dir, file)).size / MB) * 10) / 10 };
  };

  it('50 MB with the default limit: refused at once, unread, with a clear message (exit 2)', () => {
    const m = runCli(['--format', 'json', 'big50.txt'], dir);
    record('50MB-default-limit', 'big50.txt', m);
    assert.strictEqual(m.status, 2, m.stderr);
    const report = fs.readFileSync(path.join(dir, 'report.out'), 'utf8');
    assert.match(report, /超过上限 10 MB/);
    assert.ok(m.rssMB < 200, `refusing must not load the file: peak RSS ${m.rssMB} MB`);
  });

  it('1 MB: checked', () => {
    const m = runCli(['--format', 'json', 'big1.txt'], dir);
    record('1MB', 'big1.txt', m);
    assert.ok(m.status === 0 || m.status === 1 || m.status === 2, m.stderr);
    assert.doesNotMatch(m.stderr, /内部错误|internal error/);
    const report = JSON.parse(fs.readFileSync(path.join(dir, 'report.out'), 'utf8')) as Array<{ messages: Array<{ ruleId: string | null }> }>;
    assert.ok(!report[0].messages.some((x) => x.ruleId === 'internal-error'), 'no rule may fail on a big file');
  });

  it('just under 10 MB (the default limit): checked with bounded memory', () => {
    const m = runCli(['--format', 'json', 'big10.txt'], dir);
    record('10MB', 'big10.txt', m);
    assert.doesNotMatch(m.stderr, /内部错误|internal error|heap out of memory/);
    assert.ok(m.status !== null && m.status <= 2, m.stderr);
    assert.ok(m.rssMB < 1500, `peak RSS ${m.rssMB} MB for 10 MB`);
  });

  it('50 MB with --max-file-size 0: finishes (no crash, no out-of-memory) and memory stays bounded', () => {
    const m = runCli(['--format', 'json', '--max-file-size', '0', 'big50.txt'], dir);
    record('50MB-no-limit', 'big50.txt', m);
    assert.doesNotMatch(m.stderr, /内部错误|internal error|heap out of memory/);
    assert.ok(m.status !== null && m.status <= 2, `exit ${m.status}: ${m.stderr.slice(0, 500)}`);
    assert.ok(m.rssMB < 4096, `peak RSS ${m.rssMB} MB for 50 MB`);
  });

  it('--fix on 10 MB writes the file back (atomically) and a second --fix changes nothing', () => {
    const file = path.join(dir, 'big10.txt');
    const m = runCli(['--fix', '--format', 'json', 'big10.txt'], dir);
    record('10MB-fix', 'big10.txt', m);
    assert.ok(m.status !== null && m.status <= 2, m.stderr);
    const once = fs.readFileSync(file);
    runCli(['--fix', '--format', 'json', 'big10.txt'], dir);
    assert.ok(fs.readFileSync(file).equals(once), 'fixing twice must equal fixing once');
    assert.deepStrictEqual(fs.readdirSync(dir).filter((n) => n.endsWith('.tmp')), []);
  });
});
