import * as fs from 'fs';
import * as path from 'path';
import picomatch from 'picomatch';
import { compileGlobs } from '../../rules/engine/globs';

/** Extensions checked when a folder is given (a file named explicitly is checked whatever it ends in). */
export const DEFAULT_EXTENSIONS = ['.txt', '.md', '.markdown', '.gw'];
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);
export const IGNORE_FILE = '.gongwenignore';

export interface ExpandResult {
  files: string[];
  /** Patterns that matched nothing: a usage error, as in ESLint. */
  unmatched: string[];
  /** Files named explicitly but ignored: told to the user, not checked. */
  ignoredExplicit: string[];
}

export type IgnoreTest = (absPath: string) => boolean;

const GLOB_CHARS = /[*?[\]{}]/;

/**
 * Turns the command line's files, folders and globs into a sorted list of files. Folders are
 * walked recursively for DEFAULT_EXTENSIONS; `isIgnored` applies .gongwenignore and config globs.
 */
export function expandPatterns(patterns: readonly string[], cwd: string, isIgnored: IgnoreTest): ExpandResult {
  const files = new Set<string>();
  const unmatched: string[] = [];
  const ignoredExplicit: string[] = [];
  for (const pattern of patterns) {
    const abs = path.resolve(cwd, pattern);
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(abs);
    } catch {
      stat = undefined;
    }
    if (stat?.isFile()) {
      if (isIgnored(abs)) ignoredExplicit.push(pattern);
      else files.add(abs);
      continue;
    }
    if (stat?.isDirectory()) {
      const before = files.size;
      walk(abs, (f) => {
        if (DEFAULT_EXTENSIONS.includes(path.extname(f).toLowerCase()) && !isIgnored(f)) files.add(f);
      }, isIgnored);
      if (files.size === before && !hasAnyCandidate(abs)) unmatched.push(pattern);
      continue;
    }
    if (GLOB_CHARS.test(pattern)) {
      const posix = pattern.split(path.sep).join('/');
      const base = globBase(posix);
      const baseAbs = path.resolve(cwd, base);
      const matcher = picomatch(posix.slice(base === '.' ? 0 : base.length).replace(/^\//, ''), { dot: false });
      let matched = false;
      if (fs.existsSync(baseAbs) && fs.statSync(baseAbs).isDirectory()) {
        walk(baseAbs, (f) => {
          const rel = path.relative(baseAbs, f).split(path.sep).join('/');
          if (matcher(rel)) {
            matched = true;
            if (!isIgnored(f)) files.add(f);
          }
        }, isIgnored);
      }
      if (!matched) unmatched.push(pattern);
      continue;
    }
    unmatched.push(pattern);
  }
  return { files: [...files].sort(), unmatched, ignoredExplicit };
}

function hasAnyCandidate(dir: string): boolean {
  let found = false;
  walk(dir, (f) => {
    if (DEFAULT_EXTENSIONS.includes(path.extname(f).toLowerCase())) found = true;
  }, () => false);
  return found;
}

/** The leading folders of a glob that contain no glob characters. */
function globBase(pattern: string): string {
  const parts = pattern.split('/');
  const base: string[] = [];
  for (const p of parts) {
    if (GLOB_CHARS.test(p)) break;
    base.push(p);
  }
  if (base.length === parts.length) base.pop();
  return base.length === 0 ? '.' : base.join('/') || '/';
}

function walk(dir: string, onFile: (f: string) => void, isIgnored: IgnoreTest): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (SKIPPED_DIRS.has(e.name) || isIgnored(full)) continue;
      walk(full, onFile, isIgnored);
    } else if (e.isFile()) {
      onFile(full);
    }
  }
}

/** gitignore-style patterns relative to `base` (see compileGlobs, shared with config overrides). */
export function compileIgnore(lines: readonly string[], base: string): IgnoreTest {
  return compileGlobs(lines, base);
}

export function loadIgnoreFile(dir: string): IgnoreTest | undefined {
  const file = path.join(dir, IGNORE_FILE);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  return compileIgnore(text.split(/\r?\n/), dir);
}

export function formatOf(filePath: string): 'markdown' | 'text' {
  const ext = path.extname(filePath).toLowerCase();
  return ext === '.md' || ext === '.markdown' ? 'markdown' : 'text';
}

/**
 * `.gongwenignore` in `root` plus the `ignore` globs of each file's config. The CLI and the
 * language server's workspace check both use this, so a file is skipped the same way in both.
 */
export function makeIgnoreTest(root: string, ignoreGlobsFor: (absPath: string) => ReadonlyArray<{ pattern: string; base: string }>): IgnoreTest {
  const fromFile = loadIgnoreFile(root);
  const compiled = new Map<string, IgnoreTest>();
  return (abs) => {
    if (fromFile?.(abs)) return true;
    for (const g of ignoreGlobsFor(abs)) {
      const key = `${g.base}\n${g.pattern}`;
      let test = compiled.get(key);
      if (!test) {
        test = compileIgnore([g.pattern], g.base);
        compiled.set(key, test);
      }
      if (test(abs)) return true;
    }
    return false;
  };
}
