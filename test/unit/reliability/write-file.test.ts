import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { writeFileAtomic, ReadOnlyError, NotWrittenError, type WriteFs } from '../../../server/cli/write-file';
import { run, tempProject, type TempDir } from '../../cli/helpers';

const ORIGINAL = Buffer.from('推进改革,促进发展。\n', 'utf8');
const NEW = Buffer.from('推进改革，促进发展。\n', 'utf8');
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const posix = process.platform !== 'win32';

function errno(code: string): NodeJS.ErrnoException {
  const e = new Error(`${code}: simulated`) as NodeJS.ErrnoException;
  e.code = code;
  return e;
}

describe('reliability: --fix writes atomically and never damages the original', () => {
  let dir: string;
  let file: string;
  const leftovers = (): string[] => fs.readdirSync(dir).filter((n) => n.endsWith('.tmp'));

  beforeEach(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-write-')));
    file = path.join(dir, 'doc.txt');
    fs.writeFileSync(file, ORIGINAL);
  });
  afterEach(() => {
    try {
      fs.chmodSync(dir, 0o755);
    } catch {
      /* ignore */
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('replaces the content and leaves no temporary file', () => {
    writeFileAtomic(file, NEW);
    assert.ok(fs.readFileSync(file).equals(NEW));
    assert.deepStrictEqual(leftovers(), []);
  });

  it('replaces the inode (rename), so a reader holding the old file never sees half a write', () => {
    const before = fs.statSync(file).ino;
    writeFileAtomic(file, NEW);
    assert.notStrictEqual(fs.statSync(file).ino, before);
  });

  (posix ? it : it.skip)('keeps the file mode (0640, 0755) [POSIX modes only]', () => {
    for (const mode of [0o640, 0o755]) {
      fs.chmodSync(file, mode);
      writeFileAtomic(file, NEW);
      assert.strictEqual(fs.statSync(file).mode & 0o7777, mode);
    }
  });

  (posix ? it : it.skip)('a read-only file is reported with ReadOnlyError and left as it was [POSIX modes only]', () => {
    fs.chmodSync(file, 0o444);
    assert.throws(() => writeFileAtomic(file, NEW), (e: unknown) => e instanceof ReadOnlyError && /只读/.test((e as Error).message));
    assert.ok(fs.readFileSync(file).equals(ORIGINAL));
    assert.strictEqual(fs.statSync(file).mode & 0o7777, 0o444);
    assert.deepStrictEqual(leftovers(), []);
  });

  // Root passes every permission check, so as root the real test runs in a child process as the
  // unprivileged user 65534 (nobody); the simulated EACCES below runs everywhere.
  (posix ? it : it.skip)('a folder that is not writable: the error is raised and the original kept (real permissions) [POSIX]', () => {
    fs.chmodSync(file, 0o666);
    fs.chmodSync(dir, 0o555);
    const script = `
      const { writeFileAtomic } = require(${JSON.stringify(require.resolve('../../../server/cli/write-file'))});
      try { writeFileAtomic(${JSON.stringify(file)}, Buffer.from('x')); console.log('WROTE'); }
      catch (e) { console.log('ERR ' + e.code); }`;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', ...(isRoot ? { uid: 65534, gid: 65534 } : {}) });
    assert.strictEqual(r.stdout.trim(), 'ERR EACCES', r.stderr);
    assert.ok(fs.readFileSync(file).equals(ORIGINAL));
    assert.deepStrictEqual(leftovers(), []);
    // Control: the same child writes once the folder is writable, so the refusal above was the folder's.
    fs.chmodSync(dir, 0o777);
    const ok = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', ...(isRoot ? { uid: 65534, gid: 65534 } : {}) });
    assert.strictEqual(ok.stdout.trim(), 'WROTE', ok.stderr);
  });

  // Only root can create a file owned by someone else; an ordinary user's fix is theirs anyway.
  (posix && isRoot ? it : it.skip)('keeps the owner when root fixes someone else’s file [needs root]', () => {
    fs.chownSync(file, 65534, 65534);
    writeFileAtomic(file, NEW);
    const st = fs.statSync(file);
    assert.deepStrictEqual([st.uid, st.gid], [65534, 65534]);
  });

  const faults: Array<[string, () => Partial<WriteFs>]> = [
    ['the temporary file cannot be created (EACCES: folder not writable)', () => ({ openSync: () => { throw errno('EACCES'); } })],
    ['the disk fills up during the write (ENOSPC)', () => {
      let calls = 0;
      return {
        writeSync: (fd, data, off, len, pos) => {
          // Half the bytes go through, then the disk is full.
          if (calls++ === 0) return fs.writeSync(fd, data, off, Math.max(1, len >> 1), pos);
          throw errno('ENOSPC');
        },
      };
    }],
    ['fsync fails (EIO)', () => ({ fsyncSync: () => { throw errno('EIO'); } })],
    ['the rename fails (EXDEV)', () => ({ renameSync: () => { throw errno('EXDEV'); } })],
    ['chmod of the temporary file fails (EPERM)', () => ({ chmodSync: () => { throw errno('EPERM'); } })],
  ];
  for (const [name, make] of faults) {
    it(`${name}: original byte-identical, temporary file removed, error passed on`, () => {
      assert.throws(() => writeFileAtomic(file, NEW, { fs: make() }), (e: unknown) => /simulated/.test((e as Error).message));
      assert.ok(fs.readFileSync(file).equals(ORIGINAL));
      assert.deepStrictEqual(leftovers(), []);
    });
  }

  it('short writes are continued until every byte is written', () => {
    const big = Buffer.alloc(100_000, 0x41);
    writeFileAtomic(file, big, { fs: { writeSync: (fd, data, off, len, pos) => fs.writeSync(fd, data, off, Math.min(len, 777), pos) } });
    assert.ok(fs.readFileSync(file).equals(big));
  });

  it('a write that makes no progress is an error, not an endless loop', () => {
    assert.throws(() => writeFileAtomic(file, NEW, { fs: { writeSync: () => 0 } }), /写入停滞/);
    assert.ok(fs.readFileSync(file).equals(ORIGINAL));
    assert.deepStrictEqual(leftovers(), []);
  });

  it('a file changed since it was read (an editor saved it) is not overwritten', () => {
    fs.writeFileSync(file, '编辑器刚保存的新内容\n');
    assert.throws(() => writeFileAtomic(file, NEW, { expected: ORIGINAL }), (e: unknown) => e instanceof NotWrittenError && /检查期间被修改/.test((e as Error).message));
    assert.strictEqual(fs.readFileSync(file, 'utf8'), '编辑器刚保存的新内容\n');
  });

  (posix ? it : it.skip)('a symbolic link: the target is fixed, the link stays a link to it [POSIX symlinks]', () => {
    const link = path.join(dir, 'link.txt');
    fs.symlinkSync('doc.txt', link);
    const written = writeFileAtomic(link, NEW);
    assert.strictEqual(written, file);
    assert.ok(fs.lstatSync(link).isSymbolicLink());
    assert.strictEqual(fs.readlinkSync(link), 'doc.txt');
    assert.ok(fs.readFileSync(file).equals(NEW));
  });

  (posix ? it : it.skip)('a symlink to a file in another folder writes the temporary file beside the target [POSIX symlinks]', () => {
    fs.mkdirSync(path.join(dir, 'other'));
    const target = path.join(dir, 'other', 'real.txt');
    fs.writeFileSync(target, ORIGINAL);
    const link = path.join(dir, 'link.txt');
    fs.symlinkSync(target, link);
    writeFileAtomic(link, NEW);
    assert.ok(fs.readFileSync(target).equals(NEW));
    assert.ok(fs.lstatSync(link).isSymbolicLink());
  });

  it('a file with two hard links is not split from its other name', () => {
    const other = path.join(dir, 'hard.txt');
    fs.linkSync(file, other);
    assert.throws(() => writeFileAtomic(file, NEW), (e: unknown) => e instanceof NotWrittenError && /硬链接/.test((e as Error).message));
    assert.ok(fs.readFileSync(file).equals(ORIGINAL));
    assert.ok(fs.readFileSync(other).equals(ORIGINAL));
  });

  it('a temporary name that already exists is never clobbered', () => {
    const victims: string[] = [];
    assert.throws(() =>
      writeFileAtomic(file, NEW, {
        fs: {
          openSync: (p, flags, mode) => {
            // Someone else's file sits at the temporary name: 'wx' must refuse, and we must not delete it.
            fs.writeFileSync(p, 'not ours');
            victims.push(p);
            return fs.openSync(p, flags, mode);
          },
        },
      }),
    (e: unknown) => (e as NodeJS.ErrnoException).code === 'EEXIST');
    assert.strictEqual(fs.readFileSync(victims[0], 'utf8'), 'not ours');
    assert.ok(fs.readFileSync(file).equals(ORIGINAL));
  });

  describe('through the CLI', function () {
    this.timeout(30_000);
    let t: TempDir;
    beforeEach(() => {
      t = tempProject();
    });
    afterEach(() => t.cleanup());

    (posix ? it : it.skip)('a read-only file is reported (exit 2), not crashed on; the other files are still fixed [POSIX modes only]', async () => {
      const ro = t.write('a-readonly.txt', ORIGINAL);
      fs.chmodSync(ro, 0o444);
      t.write('b-normal.txt', ORIGINAL);
      const r = await run(['--fix', '--format', 'json', '.'], { cwd: t.dir });
      assert.strictEqual(r.code, 2);
      const results = JSON.parse(r.stdout) as Array<{ filePath: string; messages: Array<{ fatal?: boolean; message: string }> }>;
      const roResult = results.find((x) => x.filePath.endsWith('a-readonly.txt'))!;
      assert.ok(roResult.messages.some((m) => m.fatal && /只读/.test(m.message) && /原文件未改动/.test(m.message)), JSON.stringify(roResult));
      assert.ok(t.read('a-readonly.txt').equals(ORIGINAL));
      assert.ok(t.read('b-normal.txt').equals(NEW));
    });

    (posix ? it : it.skip)('--fix through a symlink keeps the link [POSIX symlinks]', async () => {
      t.write('target.txt', ORIGINAL);
      fs.symlinkSync('target.txt', path.join(t.dir, 'link.txt'));
      const r = await run(['--fix', 'link.txt'], { cwd: t.dir });
      assert.strictEqual(r.code, 0, r.stderr);
      assert.ok(fs.lstatSync(path.join(t.dir, 'link.txt')).isSymbolicLink());
      assert.ok(t.read('target.txt').equals(NEW));
    });
  });
});
