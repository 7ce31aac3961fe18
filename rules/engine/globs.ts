import * as path from 'path';
import picomatch from 'picomatch';

/** Whether an absolute path is matched. */
export type GlobTest = (absPath: string) => boolean;

/** The parts of `path` the matcher needs; `path.win32` in tests of Windows paths. */
export type PathApi = Pick<typeof path, 'relative' | 'sep'>;

/**
 * gitignore-style patterns relative to `base`: `#` comments, blank lines skipped, a pattern without
 * `/` matches at any depth, a trailing `/` matches a folder and everything below it, `!` re-includes.
 * Paths outside `base` never match.
 *
 * The one matcher for `.gongwenignore`, the config's `ignore` and its `overrides[].files`, so a glob
 * means the same wherever it is written. Patterns are written with `/` on every platform; the path
 * tested is made relative with the platform's separator and then turned into `/` form.
 */
export function compileGlobs(lines: readonly string[], base: string, pathApi: PathApi = path): GlobTest {
  const rules: Array<{ negate: boolean; match: (rel: string) => boolean }> = [];
  for (const rawLine of lines) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) continue;
    const negate = line.startsWith('!');
    let pat = negate ? line.slice(1) : line;
    const dirOnly = pat.endsWith('/');
    if (dirOnly) pat = pat.slice(0, -1);
    const anchored = pat.includes('/');
    if (pat.startsWith('/')) pat = pat.slice(1);
    const globs = anchored ? [pat, `${pat}/**`] : [`**/${pat}`, `**/${pat}/**`];
    const m = picomatch(globs, { dot: true });
    rules.push({ negate, match: m });
  }
  return (absPath) => {
    const rel = pathApi.relative(base, absPath).split(pathApi.sep).join('/');
    if (rel === '' || rel === '..' || rel.startsWith('../') || /^[a-zA-Z]:/.test(rel) || rel.startsWith('/')) return false;
    let matched = false;
    for (const r of rules) if (r.match(rel)) matched = !r.negate;
    return matched;
  };
}
