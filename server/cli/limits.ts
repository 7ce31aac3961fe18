/**
 * Size limit of the CLI. A 公文 is rarely over 1 MB; a file of tens of megabytes is almost always a
 * log or an export pasted by mistake, and checking it costs about 60 MB of memory and a second per
 * megabyte (measured, see the README's "Limits and guarantees"). Files over the limit are skipped
 * with a message, unread; `--max-file-size 0` lifts the limit.
 */
export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;

const UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, m: 1024 ** 2, mb: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3 };

/** `10m`, `500KB`, `1048576`, `0` (no limit) → bytes; undefined when not a size. */
export function parseSize(value: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(value.trim());
  if (!m) return undefined;
  const unit = UNITS[m[2].toLowerCase()];
  if (unit === undefined) return undefined;
  return Math.round(Number(m[1]) * unit);
}

export function formatSize(bytes: number): string {
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1).replace(/\.0$/, '')} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1).replace(/\.0$/, '')} KB`;
  return `${bytes} 字节`;
}

export function tooLargeMessage(size: number, limit: number): string {
  return `文件大小 ${formatSize(size)} 超过上限 ${formatSize(limit)}，已跳过未检查；公文一般不超过 1 MB，确需检查可用 --max-file-size 调大（0 为不限）（file too large, skipped）`;
}
