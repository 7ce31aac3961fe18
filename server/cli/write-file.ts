import * as fs from 'fs';
import * as path from 'path';

/** The file-system calls writeFileAtomic makes; tests replace some to simulate a full disk etc. */
export interface WriteFs {
  statSync(p: string): fs.Stats;
  realpathSync(p: string): string;
  readFileSync(p: string): Buffer;
  openSync(p: string, flags: string, mode: number): number;
  writeSync(fd: number, data: Uint8Array, offset: number, length: number, position: number): number;
  fsyncSync(fd: number): void;
  closeSync(fd: number): void;
  chmodSync(p: string, mode: number): void;
  chownSync(p: string, uid: number, gid: number): void;
  renameSync(from: string, to: string): void;
  unlinkSync(p: string): void;
}

const realFs: WriteFs = {
  statSync: (p) => fs.statSync(p),
  realpathSync: (p) => fs.realpathSync(p),
  readFileSync: (p) => fs.readFileSync(p),
  openSync: (p, flags, mode) => fs.openSync(p, flags, mode),
  writeSync: (fd, data, offset, length, position) => fs.writeSync(fd, data, offset, length, position),
  fsyncSync: (fd) => fs.fsyncSync(fd),
  closeSync: (fd) => fs.closeSync(fd),
  chmodSync: (p, mode) => fs.chmodSync(p, mode),
  chownSync: (p, uid, gid) => fs.chownSync(p, uid, gid),
  renameSync: (from, to) => fs.renameSync(from, to),
  unlinkSync: (p) => fs.unlinkSync(p),
};

export interface WriteOptions {
  /**
   * The bytes the fix was computed from. When the file no longer holds them (an editor saved it
   * while we were checking), nothing is written: the newer content wins.
   */
  expected?: Uint8Array;
  /** For tests: replace file-system calls. */
  fs?: Partial<WriteFs>;
}

/** The file may not be written (read-only, hard-linked, changed meanwhile); the original is kept. */
export class ReadOnlyError extends Error {}
export class NotWrittenError extends ReadOnlyError {}

/**
 * Replaces a file's content without ever leaving it half-written: write a temporary file in the
 * same folder (same file system, so rename is atomic), flush it, copy mode and owner, rename it
 * over the original. On any failure the temporary file is removed and the original is untouched.
 *
 * A symbolic link is followed: the target is fixed and the link stays a link. A file with several
 * hard links is not written (rename would silently split it from its other names).
 * Returns the path actually written.
 */
export function writeFileAtomic(file: string, data: Uint8Array, options: WriteOptions = {}): string {
  const f: WriteFs = { ...realFs, ...options.fs };
  const target = f.realpathSync(file);
  const stat = f.statSync(target);
  if (!stat.isFile()) throw new NotWrittenError(`不是普通文件，未写入修复（not a regular file）：${file}`);
  // rename() would replace a read-only file too (and root passes every access check), so the
  // mode bits are asked directly: a file nobody may write is the owner's decision to respect.
  if ((stat.mode & 0o222) === 0) throw new ReadOnlyError(`文件只读，未写入修复（read-only file not modified）：${file}`);
  if (stat.nlink > 1) {
    throw new NotWrittenError(`文件有 ${stat.nlink} 个硬链接，原子替换会使其与其他链接分离，未写入修复；可用 --fix-dry-run 查看修复结果（hard-linked file not modified）：${file}`);
  }
  if (options.expected && !Buffer.from(f.readFileSync(target)).equals(Buffer.from(options.expected))) {
    throw new NotWrittenError(`文件在检查期间被修改，未写入修复，请重新运行（file changed while being checked; not modified）：${file}`);
  }
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.gongwen-${process.pid}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`);
  let fd: number | undefined;
  let created = false;
  try {
    // 'wx': never follow or clobber something already at the temporary name.
    fd = f.openSync(tmp, 'wx', 0o600);
    created = true;
    for (let off = 0; off < data.length; ) {
      const n = f.writeSync(fd, data, off, data.length - off, off);
      if (n <= 0) throw new Error(`写入停滞（write returned ${n}）`);
      off += n;
    }
    f.fsyncSync(fd);
    f.closeSync(fd);
    fd = undefined;
    if (typeof process.getuid === 'function' && (stat.uid !== process.getuid() || stat.gid !== process.getgid?.())) {
      try {
        f.chownSync(tmp, stat.uid, stat.gid);
      } catch {
        // Only root may give a file away; an ordinary user's fixed file is theirs, as an editor's save would be.
      }
    }
    f.chmodSync(tmp, stat.mode & 0o7777);
    f.renameSync(tmp, target);
    created = false;
  } catch (e) {
    if (fd !== undefined) {
      try {
        f.closeSync(fd);
      } catch {
        /* already failing; the original error matters */
      }
    }
    if (created) {
      try {
        f.unlinkSync(tmp);
      } catch {
        /* nothing to clean up */
      }
    }
    throw e;
  }
  syncDir(path.dirname(target));
  return target;
}

/** Makes the rename durable; not every platform can open a folder, so failures are ignored. */
function syncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    /* best effort */
  } finally {
    if (fd !== undefined) {
      try {
        fs.closeSync(fd);
      } catch {
        /* ignore */
      }
    }
  }
}
