import type { Format } from './types';
import { findExcludedRanges } from './exclusions';
import { computeLineStarts, lineOfOffset } from './line-index';

export interface Range {
  start: number;
  end: number;
}

export interface Position {
  /** 0-based line. */
  line: number;
  /** 0-based column in UTF-16 code units. */
  character: number;
}

/**
 * Code units of excluded regions (code, URLs, markup…) are replaced by this in `prose`, so that
 * rules can scan one string whose offsets equal the original text's, and no rule pattern that
 * looks for Chinese, spaces or punctuation can match across or inside the hidden part.
 */
export const MASK = '\u0000';

/**
 * The text being checked plus everything rules need to navigate it. Built once per lint run and
 * shared by all rules; cheap to build (one pass for lines, one for exclusions).
 */
export class LintDocument {
  readonly text: string;
  readonly format: Format;
  /** Same length as `text`; excluded regions masked with MASK, line breaks kept. */
  readonly prose: string;
  /** Sorted, non-overlapping. */
  readonly excluded: readonly Range[];
  private readonly lineStarts: number[];
  private paragraphCache?: Range[];
  private lineCache?: Range[];

  constructor(text: string, format: Format = 'text') {
    this.text = text;
    this.format = format;
    this.lineStarts = computeLineStarts(text);
    this.excluded = findExcludedRanges(text, format);
    this.prose = maskRanges(text, this.excluded);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = lineOfOffset(this.lineStarts, clamped);
    return { line, character: clamped - this.lineStarts[line] };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.lineStarts.length) return this.text.length;
    if (position.line < 0) return 0;
    const start = this.lineStarts[position.line];
    const end = this.lineEnd(position.line);
    return Math.min(start + Math.max(0, position.character), end);
  }

  lineStart(line: number): number {
    return this.lineStarts[line];
  }

  /** Offset of the end of the line's content, before its line break. */
  lineEnd(line: number): number {
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    let end = next;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  /**
   * Lines as ranges without their line breaks. Built once per document and shared by every
   * caller (like paragraphs()): do not modify the array or its ranges.
   */
  lines(): Range[] {
    if (this.lineCache) return this.lineCache;
    const out: Range[] = [];
    for (let i = 0; i < this.lineStarts.length; i++) out.push({ start: this.lineStarts[i], end: this.lineEnd(i) });
    this.lineCache = out;
    return out;
  }

  /**
   * Paragraphs: in 公文 plain text every line is a paragraph; in Markdown a paragraph is a block
   * of non-blank lines. Blank (or fully excluded) paragraphs are left out.
   */
  paragraphs(): Range[] {
    if (this.paragraphCache) return this.paragraphCache;
    const out: Range[] = [];
    const lines = this.lines();
    if (this.format === 'markdown') {
      let current: Range | undefined;
      for (const l of lines) {
        const blank = isBlank(this.prose, l.start, l.end);
        if (blank) {
          if (current) out.push(current);
          current = undefined;
        } else if (current) current.end = l.end;
        else current = { start: l.start, end: l.end };
      }
      if (current) out.push(current);
    } else {
      for (const l of lines) {
        if (!isBlank(this.prose, l.start, l.end)) out.push(l);
      }
    }
    this.paragraphCache = out;
    return out;
  }

  /** Sentences of a range, split after 。！？ (and their ASCII forms) and at line breaks. */
  sentences(range: Range): Range[] {
    const out: Range[] = [];
    let start = range.start;
    for (let i = range.start; i < range.end; i++) {
      const c = this.prose[i];
      const lineBreak = c === '\n' || c === '\r';
      if (lineBreak || c === '。' || c === '！' || c === '？' || c === '!' || c === '?') {
        let end = i + 1;
        // Keep a closing quote or bracket with the sentence it closes.
        while (!lineBreak && end < range.end && /[”’」』）)]/.test(this.prose[end])) end++;
        if (end > start) out.push({ start, end: lineBreak ? i : end });
        start = end;
        i = end - 1;
      }
    }
    if (start < range.end) out.push({ start, end: range.end });
    return out.filter((r) => r.end > r.start);
  }

  /** True when [start, end) touches an excluded region (code, URL, markup). */
  touchesExcluded(start: number, end: number): boolean {
    const ex = this.excluded;
    let lo = 0;
    let hi = ex.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ex[mid].end <= start) lo = mid + 1;
      else hi = mid;
    }
    if (lo >= ex.length) return false;
    const r = ex[lo];
    // An empty range (insertion) touches a region only when strictly inside it.
    if (start === end) return r.start < start && start < r.end;
    return r.start < end;
  }
}

/**
 * True when s[start, end) holds only what `/[\s\u0000\u3000]/` matches: JavaScript white space
 * and line terminators (which include U+3000 and U+FEFF) and the MASK of excluded regions.
 */
function isBlank(s: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x20 && c < 0x85) return false; // printable ASCII, the common case
    if (!isSpaceOrMask(c)) return false;
  }
  return true;
}

function isSpaceOrMask(c: number): boolean {
  return (
    c === 0x00 || c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

function maskRanges(text: string, ranges: readonly Range[]): string {
  if (ranges.length === 0) return text;
  const parts: string[] = [];
  let pos = 0;
  for (const r of ranges) {
    parts.push(text.slice(pos, r.start));
    // Keep line breaks so that line structure is the same in `prose` and `text`.
    parts.push(text.slice(r.start, r.end).replace(/[^\r\n]/g, MASK));
    pos = r.end;
  }
  parts.push(text.slice(pos));
  return parts.join('');
}
