import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { run, runBin, tempProject, REPO, type TempDir } from './helpers';
import { threadCount, PARALLEL_MIN_FILES, MAX_AUTO_THREADS } from '../../server/cli/parallel';

/**
 * Worker threads (-j/--threads) must not change anything but speed: same report, same order,
 * same exit code, same fixes written as one thread.
 */
describe('CLI worker threads (-j)', function () {
  this.timeout(60000);
  let t: TempDir;
  const speech = fs.readFileSync(path.join(REPO, 'test', 'fixtures', 'speech.txt'), 'utf8');

  beforeEach(() => {
    t = tempProject(null);
    const lines = speech.split('\n');
    // Files of different sizes, so workers finish out of order.
    for (let i = 0; i < 9; i++) {
      const body = lines.slice((i * 7) % lines.length).concat(lines.slice(0, (i * 7) % lines.length)).slice(0, 5 + i * 9).join('\n');
      t.write(`d/f${i}.txt`, body.replace(/，/, i % 2 ? ',' : '，') + '\n');
    }
    t.write('d/notes.md', '# 标题\n\n我们要坚持改革,推进发展。`code,here`\n');
    t.write('d/bad.txt', Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x41])); // broken UTF-16: a per-file error
  });
  afterEach(() => t.cleanup());

  for (const format of ['json', 'stylish', 'sarif']) {
    it(`--format ${format}: -j 3 prints exactly what -j 1 prints`, async () => {
      const one = await run(['d', '-j', '1', '--format', format], { cwd: t.dir });
      const three = await run(['d', '-j', '3', '--format', format], { cwd: t.dir });
      assert.ok(one.stdout.length > 100, 'the files have findings');
      assert.strictEqual(three.stdout, one.stdout);
      assert.strictEqual(three.stderr, one.stderr);
      assert.strictEqual(three.code, one.code);
    });
  }

  it('--fix-dry-run output and --fix writes are the same with workers', async () => {
    const one = await run(['d', '--threads=1', '--fix-dry-run', '--format', 'json'], { cwd: t.dir });
    const two = await run(['d', '--threads=2', '--fix-dry-run', '--format', 'json'], { cwd: t.dir });
    assert.strictEqual(two.stdout, one.stdout);
    assert.ok(JSON.parse(one.stdout).some((r: { output?: string }) => r.output !== undefined), 'some file is fixable');
    const before = fs.readdirSync(path.join(t.dir, 'd')).map((f) => t.read(`d/${f}`));
    await run(['d', '-j', '1', '--fix'], { cwd: t.dir });
    const fixedOne = fs.readdirSync(path.join(t.dir, 'd')).map((f) => t.read(`d/${f}`));
    fs.readdirSync(path.join(t.dir, 'd')).forEach((f, i) => fs.writeFileSync(path.join(t.dir, 'd', f), before[i]));
    const r = await run(['d', '-j', '2', '--fix'], { cwd: t.dir });
    const fixedTwo = fs.readdirSync(path.join(t.dir, 'd')).map((f) => t.read(`d/${f}`));
    assert.deepStrictEqual(fixedTwo, fixedOne);
    assert.ok(fixedOne.some((b, i) => !b.equals(before[i])), 'something was fixed');
    assert.strictEqual(r.code, 2, 'the broken file still fails the run');
  });

  it('the bundled CLI (dist/cli.js) runs its workers from the bundle', () => {
    const one = runBin(['d', '-j', '1', '--format', 'json'], { cwd: t.dir });
    const two = runBin(['d', '-j', '2', '--format', 'json'], { cwd: t.dir });
    assert.strictEqual(two.stderr, one.stderr);
    assert.strictEqual(two.stdout, one.stdout);
    assert.strictEqual(two.status, one.status);
  });

  it('rejects a -j value that is not a number', async () => {
    const r = await run(['d', '-j', 'many'], { cwd: t.dir });
    assert.strictEqual(r.code, 2);
    assert.match(r.stderr, /--threads/);
  });
});

describe('threadCount', () => {
  it('follows -j, then GONGWEN_THREADS, never more threads than files', () => {
    assert.strictEqual(threadCount(100, 3, {}), 3);
    assert.strictEqual(threadCount(2, 8, {}), 2);
    assert.strictEqual(threadCount(100, 0, { GONGWEN_THREADS: '4' }), 4);
    assert.strictEqual(threadCount(100, 1, { GONGWEN_THREADS: '4' }), 1);
  });
  it('is one thread below PARALLEL_MIN_FILES files and at most MAX_AUTO_THREADS automatically', () => {
    assert.strictEqual(threadCount(PARALLEL_MIN_FILES - 1, undefined, {}), 1);
    const auto = threadCount(10_000, undefined, {});
    assert.ok(auto >= 1 && auto <= MAX_AUTO_THREADS);
  });
});
