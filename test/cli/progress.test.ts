import * as assert from 'assert';
import { createProgress, isCi, progressEnabled, PROGRESS_MIN_FILES } from '../../server/cli/progress';
import { run, tempProject, TWO_COMMAS, type TempDir } from './helpers';

const CLEAR = '\r\u001b[K';

describe('CLI progress line', () => {
  describe('createProgress', () => {
    it('draws “已检查 N/M 个文件” at most every 100 ms and erases it at the end', () => {
      let err = '';
      const out = (): string => err;
      let clock = 1000;
      const p = createProgress({ stderr: (s) => (err += s), stderrIsTTY: true, env: {} }, 30, () => clock);
      p.update(0); // nothing done yet: nothing drawn
      assert.strictEqual(out(), '');
      p.update(1);
      assert.strictEqual(out(), `${CLEAR}已检查 1/30 个文件`);
      clock += 50;
      p.update(2); // too soon
      assert.strictEqual(out(), `${CLEAR}已检查 1/30 个文件`);
      clock += 60;
      p.update(3);
      assert.ok(out().endsWith(`${CLEAR}已检查 3/30 个文件`));
      p.finish();
      assert.ok(out().endsWith(CLEAR));
    });

    it('finish() writes nothing when nothing was drawn', () => {
      let err = '';
      const p = createProgress({ stderr: (s) => (err += s), stderrIsTTY: true, env: {} }, 30, () => 0);
      p.finish();
      assert.strictEqual(err, '');
    });

    it('is silent off a terminal, in CI and for short runs', () => {
      const tty = { stderr: () => undefined, stderrIsTTY: true, env: {} };
      assert.strictEqual(progressEnabled(tty, PROGRESS_MIN_FILES), true);
      assert.strictEqual(progressEnabled(tty, PROGRESS_MIN_FILES - 1), false);
      assert.strictEqual(progressEnabled({ ...tty, stderrIsTTY: false }, 100), false);
      assert.strictEqual(progressEnabled({ ...tty, stderrIsTTY: undefined }, 100), false);
      assert.strictEqual(progressEnabled({ ...tty, env: { CI: 'true' } }, 100), false);
      assert.strictEqual(progressEnabled({ ...tty, env: { CI: '1' } }, 100), false);
      assert.strictEqual(progressEnabled({ ...tty, env: { CI: 'false' } }, 100), true);
      assert.strictEqual(isCi({ CI: '' }), false);
      assert.strictEqual(isCi({ CI: '0' }), false);
    });
  });

  describe('through runCli', () => {
    let t: TempDir;
    before(() => {
      t = tempProject();
      for (let i = 0; i < PROGRESS_MIN_FILES; i++) t.write(`docs/f${String(i).padStart(2, '0')}.txt`, TWO_COMMAS);
    });
    after(() => t.cleanup());

    it('shows progress on a terminal and clears it before the report', async () => {
      const r = await run(['-f', 'json', 'docs'], { cwd: t.dir, stderrIsTTY: true, env: {} });
      assert.strictEqual(r.code, 0);
      assert.match(r.stderr, /^\r\u001b\[K已检查 1\/20 个文件/);
      assert.ok(r.stderr.endsWith(CLEAR), JSON.stringify(r.stderr));
      assert.strictEqual((JSON.parse(r.stdout) as unknown[]).length, 20, 'stdout carries only the report');
    });

    it('says nothing with CI=true or when stderr is not a terminal', async () => {
      assert.strictEqual((await run(['docs'], { cwd: t.dir, stderrIsTTY: true, env: { CI: 'true' } })).stderr, '');
      assert.strictEqual((await run(['docs'], { cwd: t.dir, stderrIsTTY: false, env: {} })).stderr, '');
    });
  });
});
