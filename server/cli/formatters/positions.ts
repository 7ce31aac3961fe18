import * as path from 'path';
import { computeLineStarts, lineOfOffset } from '../../../rules/engine/line-index';

/**
 * Line/column lookups over a checked text for formatters whose targets count differently from our
 * UTF-16 offsets (reviewdog counts UTF-8 bytes). Line breaks are LF, CRLF and lone CR, as in
 * LintDocument, so line numbers agree with every other format.
 */
export class TextPositions {
  private readonly starts: number[];

  constructor(readonly text: string) {
    this.starts = computeLineStarts(text);
  }

  /** 0-based line of an offset. */
  lineOf(offset: number): number {
    return lineOfOffset(this.starts, Math.max(0, Math.min(offset, this.text.length)));
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }

  /** Content of a 0-based line without its line break. */
  lineText(line: number): string {
    const start = this.lineStart(line);
    const next = line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
    return this.text.slice(start, next).replace(/\r?\n$|\r$/, '');
  }

  /** 1-based line and 1-based column counted in UTF-8 bytes. */
  utf8Position(offset: number): { line: number; column: number } {
    const line = this.lineOf(offset);
    const before = this.text.slice(this.lineStart(line), Math.max(0, Math.min(offset, this.text.length)));
    return { line: line + 1, column: utf8Length(before) + 1 };
  }
}

/** Bytes the string takes in UTF-8 (a lone surrogate counts as U+FFFD, 3 bytes, as Node encodes it). */
export function utf8Length(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/** Path as CI tools want it: relative to the working folder, forward slashes; stdin stays `<text>`. */
export function repoPath(filePath: string, cwd: string): string {
  if (filePath.startsWith('<')) return filePath;
  const rel = path.relative(cwd, filePath);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return filePath.split(path.sep).join('/');
  return rel.split(path.sep).join('/');
}
