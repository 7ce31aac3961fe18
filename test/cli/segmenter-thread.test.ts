import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { run, tempProject, REPO, type TempDir } from './helpers';
import { SegmenterThread, segmenterThreadStats } from '../../server/cli/segmenter-thread';
import { segmenter } from '../../rules/engine/segmenter';
import { SEGMENTER_THREAD_MIN_FILES } from '../../server/cli/main';

/**
 * Over many files the CLI loads the word segmenter on a thread of its own and checks the files
 * that need it before it is loaded after the others. Nothing but speed may change.
 */
describe('CLI segmenter thread', function () {
  this.timeout(60000);

  it('tags exactly like the in-process segmenter', () => {
    const thread = new SegmenterThread();
    try {
      const samples = ['坚定不移的推进高质量发展', '我们要更加积极地推进改革', '𠮷字的写法，ABC 的 1.5 倍', '', '的', '把革命老区建设的更好'.repeat(50)];
      const before = { ...segmenterThreadStats };
      thread.prefetch(samples.slice(0, 3));
      thread.prefetch(samples); // the first three are not sent twice
      for (const s of [...samples].reverse()) assert.deepStrictEqual(thread.tag(s), segmenter.tag(s), s.slice(0, 20));
      assert.strictEqual(segmenterThreadStats.batches - before.batches, 2, 'two batches sent ahead');
      assert.strictEqual(segmenterThreadStats.onDemand - before.onDemand, 0, 'every clause was answered from a batch');
      const other = '要更加积极地推进改革开放';
      assert.deepStrictEqual(thread.tag(other), segmenter.tag(other), 'a clause not sent ahead is tagged on demand');
      assert.strictEqual(segmenterThreadStats.onDemand - before.onDemand, 1);
      assert.strictEqual(thread.settled, true);
      assert.strictEqual(thread.loaded, true);
    } finally {
      thread.close();
    }
  });

  describe('over a folder of files', () => {
    let t: TempDir;
    const speech = fs.readFileSync(path.join(REPO, 'test', 'fixtures', 'speech.txt'), 'utf8').split('\n');

    beforeEach(() => {
      t = tempProject(null);
      // The first files need the segmenter (坚定不移的推进 is line 2), so they are put aside
      // while it loads; the others come from the rest of the speech.
      for (let i = 0; i < SEGMENTER_THREAD_MIN_FILES + 4; i++) {
        const from = (i * 3 + 1) % speech.length;
        t.write(`d/f${String(i).padStart(2, '0')}.txt`, speech.slice(from, from + 3).join('\n') + '\n');
      }
      t.write('d/bad.txt', Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x41])); // a per-file error keeps its place
    });
    afterEach(() => t.cleanup());

    for (const extra of [['--format', 'json'], ['--format', 'stylish'], ['--fix-dry-run', '--format', 'json']]) {
      it(`${extra.join(' ')}: the same report as with the segmenter in-process`, async () => {
        const before = { ...segmenterThreadStats };
        const threaded = await run(['d', ...extra], { cwd: t.dir });
        const started = segmenterThreadStats.started - before.started;
        const deferred = segmenterThreadStats.deferred - before.deferred;
        const inProcess = await run(['d', ...extra], { cwd: t.dir, env: { GONGWEN_SEGMENTER_THREAD: '0' } });
        assert.strictEqual(started, 1, 'the thread ran');
        assert.strictEqual(segmenterThreadStats.started - before.started, 1, 'GONGWEN_SEGMENTER_THREAD=0 keeps it in-process');
        assert.ok(deferred >= 1, 'a file that needed the segmenter was put aside while it loaded');
        assert.ok(segmenterThreadStats.batches > before.batches, 'clauses were sent ahead');
        assert.ok(inProcess.stdout.includes('de-di-de'), 'the files have 的/地/得 findings');
        assert.strictEqual(threaded.stdout, inProcess.stdout);
        assert.strictEqual(threaded.stderr, inProcess.stderr);
        assert.strictEqual(threaded.code, inProcess.code);
      });
    }

    it('--fix writes the same files', async () => {
      const names = fs.readdirSync(path.join(t.dir, 'd')).sort();
      const original = names.map((f) => t.read(`d/${f}`));
      const a = await run(['d', '--fix'], { cwd: t.dir });
      const fixedThreaded = names.map((f) => t.read(`d/${f}`));
      names.forEach((f, i) => fs.writeFileSync(path.join(t.dir, 'd', f), original[i]));
      const b = await run(['d', '--fix'], { cwd: t.dir, env: { GONGWEN_SEGMENTER_THREAD: '0' } });
      const fixedInProcess = names.map((f) => t.read(`d/${f}`));
      assert.ok(fixedInProcess.some((x, i) => !x.equals(original[i])), 'something was fixed');
      assert.deepStrictEqual(fixedThreaded, fixedInProcess);
      assert.strictEqual(a.stdout, b.stdout);
      assert.strictEqual(a.code, b.code);
    });
  });
});
