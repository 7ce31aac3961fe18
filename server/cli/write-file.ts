import * as fs from 'fs';
import * as path from 'path';

/**
 * Replaces a file's content without ever leaving it half-written: write a temporary file in the
 * same folder (same file system, so rename is atomic), flush it, copy the mode, rename over the
 * original. On any failure the temporary file is removed and the original is untouched.
 */
export function writeFileAtomic(file: string, data: Buffer): void {
  const stat = fs.statSync(file);
  // rename() would replace a read-only file too (and root passes every access check), so the
  // mode bits are asked directly: a file nobody may write is the owner's decision to respect.
  if ((stat.mode & 0o222) === 0) throw new ReadOnlyError(`文件只读，未写入修复（read-only file not modified）：${file}`);
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.gongwen-${process.pid}-${Date.now()}.tmp`);
  let fd: number | undefined;
  try {
    fd = fs.openSync(tmp, 'wx', stat.mode & 0o7777);
    fs.writeSync(fd, data, 0, data.length, 0);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.chmodSync(tmp, stat.mode & 0o7777);
    fs.renameSync(tmp, file);
  } catch (e) {
    if (fd !== undefined) {
      try {
        fs.closeSync(fd);
      } catch {
        /* already failing; the original error matters */
      }
    }
    try {
      fs.unlinkSync(tmp);
    } catch {
      /* nothing to clean up */
    }
    throw e;
  }
}

export class ReadOnlyError extends Error {}
