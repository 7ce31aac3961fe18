import * as assert from 'assert';
import * as fs from 'fs';
import { runBin, tempProject, validateSarif, onlyCommaWidth, TWO_COMMAS, CLEAN, BIN, type TempDir } from './helpers';

/**
 * A few runs of the real launcher (bin/gongwen-lint.js → dist/cli.js → runCli) as a child process,
 * to prove the wiring the in-process tests cannot see: argv, exit codes, piped stdin, the streams.
 * `npm test` builds dist/ first.
 */
describe('CLI through the real bin', function () {
  this.timeout(60000);
  let t: TempDir;
  before(function () {
    if (!fs.existsSync(BIN)) throw new Error(`missing ${BIN}`);
    t = tempProject();
  });
  after(() => t.cleanup());

  it('exit 0 and stylish output for warnings', () => {
    t.write('doc.txt', TWO_COMMAS);
    const r = runBin(['doc.txt'], { cwd: t.dir });
    assert.strictEqual(r.status, 0, r.stderr);
    assert.match(r.stdout, /^doc\.txt\n {2}1:8 {2}警告/);
    assert.doesNotMatch(r.stdout, /\u001b\[/, 'no colour into a pipe');
  });

  it('exit 1 for errors', () => {
    t.write('strict.json', JSON.stringify(onlyCommaWidth('error')));
    t.write('doc.txt', TWO_COMMAS);
    const r = runBin(['-c', 'strict.json', '-f', 'github', 'doc.txt'], { cwd: t.dir });
    assert.strictEqual(r.status, 1, r.stderr);
    assert.match(r.stdout, /^::error file=doc\.txt,line=1,col=8,/);
  });

  it('exit 2 for a usage error, message on stderr only', () => {
    const r = runBin(['--nope'], { cwd: t.dir });
    assert.strictEqual(r.status, 2);
    assert.strictEqual(r.stdout, '');
    assert.match(r.stderr, /未知选项“--nope”/);
  });

  it('reads piped stdin and writes valid SARIF', () => {
    const r = runBin(['-f', 'sarif', '--stdin-filename', 'piped.txt'], { cwd: t.dir, input: TWO_COMMAS });
    assert.strictEqual(r.status, 0, r.stderr);
    const sarif = JSON.parse(r.stdout) as { runs: Array<{ results: Array<{ locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }> };
    assert.deepStrictEqual(validateSarif(sarif), []);
    assert.strictEqual(sarif.runs[0].results.length, 2);
    assert.strictEqual(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, 'piped.txt');
  });

  it('--fix rewrites the file on disk', () => {
    t.write('fixme.txt', TWO_COMMAS);
    const r = runBin(['--fix', 'fixme.txt'], { cwd: t.dir });
    assert.strictEqual(r.status, 0, r.stderr);
    assert.strictEqual(t.read('fixme.txt').toString('utf8'), '我们要坚持改革，推进发展。\n全面深化改革，扩大开放。\n');
  });

  it('no progress line and no stray stderr when not on a terminal', () => {
    for (let i = 0; i < 25; i++) t.write(`many/${i}.txt`, CLEAN);
    const r = runBin(['many'], { cwd: t.dir, env: { CI: '' } });
    assert.strictEqual(r.status, 0);
    assert.strictEqual(r.stderr, '');
    assert.strictEqual(r.stdout, '');
  });
});
