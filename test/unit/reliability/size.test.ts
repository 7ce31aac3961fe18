import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parseSize, DEFAULT_MAX_FILE_SIZE } from '../../../server/cli/limits';
import { run, tempProject, type TempDir } from '../../cli/helpers';

/**
 * The size policy of the CLI. The 50 MB run with measured memory is in the stress layer
 * (npm run test:stress); here the limit itself, with small or sparse files.
 */
describe('reliability: file size limit', function () {
  this.timeout(30_000);

  it('parseSize understands bytes, k, m, g and 0', () => {
    assert.deepStrictEqual(
      ['0', '1048576', '500k', '500KB', '10m', '10 MB', '1.5m', '1g', 'ten', '-1', '5t'].map(parseSize),
      [0, 1048576, 512000, 512000, 10485760, 10485760, 1572864, 1073741824, undefined, undefined, undefined],
    );
  });

  it('the default limit is 10 MB', () => {
    assert.strictEqual(DEFAULT_MAX_FILE_SIZE, 10 * 1024 * 1024);
  });

  let t: TempDir;
  beforeEach(() => {
    t = tempProject();
  });
  afterEach(() => t.cleanup());

  it('a file over --max-file-size is skipped with a message and exit 2; the others are still checked', async () => {
    t.write('a-big.txt', '推进改革,促进发展。\n'.repeat(200));
    t.write('b-small.txt', '推进改革,促进发展。\n');
    const r = await run(['--max-file-size', '1k', '--format', 'json', '.'], { cwd: t.dir });
    assert.strictEqual(r.code, 2);
    const results = JSON.parse(r.stdout) as Array<{ filePath: string; messages: Array<{ fatal?: boolean; ruleId: string | null; message: string }> }>;
    const big = results.find((x) => x.filePath.endsWith('a-big.txt'))!;
    assert.strictEqual(big.messages.length, 1);
    assert.ok(big.messages[0].fatal);
    assert.match(big.messages[0].message, /超过上限 1 KB/);
    assert.match(big.messages[0].message, /--max-file-size/);
    const small = results.find((x) => x.filePath.endsWith('b-small.txt'))!;
    assert.deepStrictEqual(small.messages.map((m) => m.ruleId), ['comma-width']);
  });

  it('--fix never touches a file it skipped for size', async () => {
    const file = t.write('big.txt', '推进改革,促进发展。\n'.repeat(200));
    const before = fs.readFileSync(file);
    const r = await run(['--fix', '--max-file-size=1k', 'big.txt'], { cwd: t.dir });
    assert.strictEqual(r.code, 2);
    assert.ok(fs.readFileSync(file).equals(before));
  });

  it('by default a file over 10 MB is refused without being read (a sparse 11 MB file)', async () => {
    const file = path.join(t.dir, 'huge.txt');
    fs.writeFileSync(file, '');
    fs.truncateSync(file, 11 * 1024 * 1024);
    const r = await run(['--format', 'json', 'huge.txt'], { cwd: t.dir });
    assert.strictEqual(r.code, 2);
    // Had it been read, the NUL bytes would have made it a binary file instead.
    assert.match(r.stdout, /超过上限 10 MB/);
  });

  it('--max-file-size 0 lifts the limit (the same file is then read, and found to be binary)', async () => {
    const file = path.join(t.dir, 'huge.txt');
    fs.writeFileSync(file, '');
    fs.truncateSync(file, 11 * 1024 * 1024);
    const r = await run(['--format', 'json', '--max-file-size', '0', 'huge.txt'], { cwd: t.dir });
    assert.strictEqual(r.code, 2);
    assert.match(r.stdout, /二进制/);
  });

  it('stdin over the limit is refused with a message', async () => {
    const r = await run(['--max-file-size', '100', '-'], { cwd: t.dir, stdin: '推进改革,促进发展。'.repeat(20) });
    assert.strictEqual(r.code, 2);
    assert.match(r.stderr, /标准输入.*超过上限 100 字节/);
  });

  it('a size that is not a size is a usage error', async () => {
    const r = await run(['--max-file-size', 'big', 'x.txt'], { cwd: t.dir });
    assert.strictEqual(r.code, 2);
    assert.match(r.stderr, /--max-file-size 应为大小/);
  });
});
