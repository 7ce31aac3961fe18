import type { Format } from './types';
import type { Range } from './document';
import { computeLineStarts } from './line-index';

/**
 * Regions no rule may check or change: code, URLs, e-mail addresses, HTML comments (where inline
 * directives live) and, in Markdown, front matter, HTML tags and link targets. Punctuation inside
 * them is syntax, not prose.
 */
export function findExcludedRanges(text: string, format: Format): Range[] {
  const ranges: Range[] = [];
  if (format === 'markdown') collectMarkdown(text, ranges);
  collectPattern(text, HTML_COMMENT, ranges);
  collectUrls(text, ranges);
  collectEmails(text, ranges);
  return mergeRanges(ranges);
}

/**
 * Markdown's own markup regions (code, front matter, HTML tags and blocks, link targets), without
 * HTML comments, URLs and e-mail addresses: what tells a directive shown as an example (inside
 * code) from a real one.
 */
export function markdownMarkupRanges(text: string): Range[] {
  const ranges: Range[] = [];
  collectMarkdown(text, ranges);
  return ranges;
}

const HTML_COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
/** The part after `@`, tried only at an `@` (sticky). */
const EMAIL_DOMAIN = /[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/y;
const EMAIL_LOCAL = /[A-Za-z0-9._%+-]/;

/**
 * E-mail addresses, found from each `@` outwards. The obvious single regex
 * (`[A-Za-z0-9._%+-]+@…`) backtracks over every start position of a long ASCII run that has no
 * `@` (a pasted hash or base64 block): quadratic, minutes for 100 KB. This is linear and matches
 * the same addresses.
 */
function collectEmails(text: string, out: Range[]): void {
  let prevEnd = 0;
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > prevEnd && EMAIL_LOCAL.test(text[start - 1])) start--;
    if (start === at) continue;
    EMAIL_DOMAIN.lastIndex = at + 1;
    const m = EMAIL_DOMAIN.exec(text);
    if (!m) continue;
    const end = at + 1 + m[0].length;
    out.push({ start, end });
    prevEnd = end;
    at = end - 1;
  }
}
const URL = /\b(?:(?:https?|ftp|file):\/\/|www\.)[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+/g;

function collectPattern(text: string, re: RegExp, out: Range[]): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    out.push({ start: m.index, end: m.index + m[0].length });
  }
}

/**
 * A URL in Chinese prose usually ends where the ASCII run ends, but a trailing `.`, `,`, `)` and
 * the like belong to the sentence (`见https://www.gov.cn.`), so they are given back to it unless a
 * parenthesis is balanced inside the URL.
 */
function collectUrls(text: string, out: Range[]): void {
  URL.lastIndex = 0;
  for (let m = URL.exec(text); m; m = URL.exec(text)) {
    let s = m[0];
    for (;;) {
      const last = s[s.length - 1];
      if (/[.,;:!?'"]/.test(last)) s = s.slice(0, -1);
      else if (last === ')' && count(s, '(') < count(s, ')')) s = s.slice(0, -1);
      else if (last === ']' && count(s, '[') < count(s, ']')) s = s.slice(0, -1);
      else break;
    }
    if (s.length > 0) out.push({ start: m.index, end: m.index + s.length });
  }
}

function count(s: string, ch: string): number {
  let n = 0;
  for (const c of s) if (c === ch) n++;
  return n;
}

interface LineInfo {
  start: number;
  end: number; // before the line break
}

function splitLines(text: string): LineInfo[] {
  const starts = computeLineStarts(text);
  return starts.map((start, k) => {
    let end = k + 1 < starts.length ? starts[k + 1] : text.length;
    if (end > start && text.charCodeAt(end - 1) === 10) end--;
    if (end > start && text.charCodeAt(end - 1) === 13) end--;
    return { start, end };
  });
}

function collectMarkdown(text: string, out: Range[]): void {
  const lines = splitLines(text);
  let i = 0;
  const body = text.charCodeAt(0) === 0xfeff ? 1 : 0;

  // Front matter: only at the very top.
  if (lines.length > 0 && text.slice(lines[0].start + body, lines[0].end) === '---') {
    for (let j = 1; j < lines.length; j++) {
      const l = text.slice(lines[j].start, lines[j].end);
      if (l === '---' || l === '...') {
        out.push({ start: 0, end: lines[j].end });
        i = j + 1;
        break;
      }
    }
  }

  let prevBlank = true;
  const paragraphLines: LineInfo[] = [];
  const flushParagraph = (): void => {
    if (paragraphLines.length === 0) return;
    collectInline(text, paragraphLines[0].start, paragraphLines[paragraphLines.length - 1].end, out);
    paragraphLines.length = 0;
  };

  for (; i < lines.length; i++) {
    const line = lines[i];
    const content = text.slice(line.start, line.end);
    const fence = /^ {0,3}(`{3,}|~{3,})/.exec(content);
    if (fence) {
      flushParagraph();
      const marker = fence[1];
      let j = i + 1;
      for (; j < lines.length; j++) {
        const close = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}\\s*$`);
        if (close.test(text.slice(lines[j].start, lines[j].end))) break;
      }
      const last = Math.min(j, lines.length - 1);
      out.push({ start: line.start, end: lines[last].end });
      i = last;
      prevBlank = false;
      continue;
    }
    const blank = content.trim() === '';
    if (!blank && prevBlank && /^(?: {4}|\t)/.test(content)) {
      flushParagraph();
      let j = i;
      while (j + 1 < lines.length) {
        const nextContent = text.slice(lines[j + 1].start, lines[j + 1].end);
        if (/^(?: {4}|\t)/.test(nextContent) || nextContent.trim() === '') j++;
        else break;
      }
      // Trailing blank lines are not part of the block.
      while (j > i && text.slice(lines[j].start, lines[j].end).trim() === '') j--;
      out.push({ start: line.start, end: lines[j].end });
      i = j;
      prevBlank = false;
      continue;
    }
    if (/^ {0,3}\[[^\]]+\]:\s*\S/.test(content)) {
      flushParagraph();
      out.push({ start: line.start, end: line.end });
      prevBlank = false;
      continue;
    }
    if (blank) flushParagraph();
    else paragraphLines.push(line);
    prevBlank = blank;
  }
  flushParagraph();
}

/** Inline code, autolinks, HTML tags and link/image targets inside one paragraph. */
function collectInline(text: string, start: number, end: number, out: Range[]): void {
  const s = text.slice(start, end);
  // Inline code: a backtick run closed by a run of the same length.
  const tick = /`+/g;
  for (let m = tick.exec(s); m; m = tick.exec(s)) {
    const run = m[0];
    const close = s.indexOf(run, m.index + run.length);
    let found = -1;
    for (let k = close; k !== -1; k = s.indexOf(run, k + 1)) {
      if (s[k - 1] !== '`' && s[k + run.length] !== '`') {
        found = k;
        break;
      }
    }
    if (found === -1) continue;
    out.push({ start: start + m.index, end: start + found + run.length });
    tick.lastIndex = found + run.length;
  }
  const patterns: RegExp[] = [
    /<(?:https?|ftp|mailto):[^\s<>]*>/g, // autolink
    /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/g, // HTML tag
    /\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)/g, // link target
    /\]\[[^\]]*\]/g, // reference link label
  ];
  for (const re of patterns) {
    re.lastIndex = 0;
    for (let m = re.exec(s); m; m = re.exec(s)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      out.push({ start: start + m.index, end: start + m.index + m[0].length });
    }
  }
  collectLinkOpenings(s, start, out);
}

/**
 * The opening bracket of a link or image: a `[` (with its `!`) whose next `]` is followed by `(`
 * or `[`. One pass with a moving pointer to the next `]`; the lookahead regex this replaces
 * (`!?\[(?=[^\]]*\](?:\(|\[))`) rescanned to the `]` from every `[`, quadratic on `[[[[…`.
 */
function collectLinkOpenings(s: string, base: number, out: Range[]): void {
  let close = -1;
  for (let i = s.indexOf('['); i !== -1; i = s.indexOf('[', i + 1)) {
    if (close < i) close = s.indexOf(']', i + 1);
    if (close === -1) return;
    const after = s[close + 1];
    if (after !== '(' && after !== '[') continue;
    const bang = i > 0 && s[i - 1] === '!' ? 1 : 0;
    out.push({ start: base + i - bang, end: base + i + 1 });
  }
}

export function mergeRanges(ranges: Range[]): Range[] {
  if (ranges.length === 0) return ranges;
  ranges.sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Range[] = [{ ...ranges[0] }];
  for (let k = 1; k < ranges.length; k++) {
    const r = ranges[k];
    const last = out[out.length - 1];
    if (r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}
