import type { LintDocument, Range } from '../../engine/document';
import { CN_NUMERAL_CLASS, formatCnNumber, parseCnNumber, parseDigits } from '../../engine/numerals';

/**
 * Heading markers of the four levels of GB/T 9704-2012 7.3.3 (一、 → （一） → 1. → （1）) as they
 * open a line, in the right form or in the wrong forms writers use. Shared by heading-levels
 * (which checks them) and series-numbering (which treats a heading as the end of a series).
 */

export type HeadingLevel = 1 | 2 | 3 | 4;

export interface HeadingMarker {
  level: HeadingLevel;
  value: number;
  /** Offsets of the marker including its punctuation, e.g. `（一）、`. */
  start: number;
  end: number;
  /** The marker as written. */
  written: string;
  /** The right form of the marker (一、 / （一） / 1. / （1）). */
  canonical: string;
  /** Set when the written form is wrong and `canonical` can replace it mechanically. */
  wrongForm: boolean;
}

/** Where the text of a line starts: after indentation, and in Markdown after `#`, `>` and `**`. */
export function contentStart(doc: LintDocument, line: Range): number {
  const s = doc.prose;
  const end = line.end;
  let i = skipIndent(s, line.start, end);
  if (doc.format === 'markdown') {
    if (s[i] === '>') i = skipIndent(s, i + 1, end);
    const hashes = /^#{1,6}(?=[ \t])/.exec(s.slice(i, Math.min(end, i + 7)));
    if (hashes) i = skipIndent(s, i + hashes[0].length, end);
    if (s.startsWith('**', i) || s.startsWith('__', i)) i += 2;
  }
  return i;
}

function skipIndent(s: string, from: number, end: number): number {
  let i = from;
  while (i < end && isIndent(s.charCodeAt(i))) i++;
  return i;
}

function isIndent(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x3000 || c === 0xa0 || c === 0xfeff;
}

const CN = `[${CN_NUMERAL_CLASS}]{1,3}`;
/** Code units a heading marker can start with, and so which patterns can match: （ ( levels 2 and 4, 一…十 level 1, 0-9 level 3. */
const BRACKET = 1;
const CN_DIGIT = 2;
const DIGIT = 3;
const MARKER_FIRST = new Uint8Array(0x10000);
for (const c of '（(') MARKER_FIRST[c.charCodeAt(0)] = BRACKET;
for (const c of CN_NUMERAL_CLASS) MARKER_FIRST[c.charCodeAt(0)] = CN_DIGIT;
for (const c of '0123456789') MARKER_FIRST[c.charCodeAt(0)] = DIGIT;
// Level 1: 一、 (right); 一. 一． 一， 一, (wrong). The character after must start text, not a number.
// 一、二、三产业 is a contracted list, not a heading.
// 一、二月份 / 一、二季度 / 一、二年级 likewise.
const L1 = new RegExp(`^(${CN})([、.．，,])(?!${CN}(?:[、，,]|月|季度|产业|年级|等|类|级|批|期)|[0-9０-９、])`);
// Level 2: （一） (right); (一) （一) (一） and any of them followed by 、 . ． (wrong).
const L2 = new RegExp(`^([（(])(${CN})([）)])([、.．，,]?)`);
// Level 3: 1. or 1． (right); 1、 1， 1, (wrong). Not a decimal (1.5) or a date (1.1), but a
// heading may start with a year (1.2019年底前…).
const L3 = /^([0-9]{1,2})([.．、，,])(?![0-9０-９](?![0-9]{3}年))/;
// Level 4: （1） (right); (1) （1) (1） and any of them followed by 、 . ． (wrong).
const L4 = /^([（(])([0-9]{1,2})([）)])([、.．，,]?)/;

/** The heading marker at `at` (the content start of a line), if any. */
export function headingMarkerAt(prose: string, at: number, lineEnd: number): HeadingMarker | undefined {
  const first = at < lineEnd ? MARKER_FIRST[prose.charCodeAt(at)] : 0;
  if (first === 0) return undefined;
  const rest = prose.slice(at, Math.min(lineEnd, at + 12));
  // Each pattern is anchored on its own first characters: only those that can match are tried.
  let m = first === BRACKET ? L2.exec(rest) : null;
  if (m) {
    const value = parseCnNumber(m[2]);
    if (value === undefined) return undefined;
    const canonical = `（${m[2]}）`;
    return make(2, value, at, m[0], canonical, lineEnd);
  }
  m = first === BRACKET ? L4.exec(rest) : null;
  if (m) {
    const value = parseDigits(m[2]);
    if (value === undefined || value === 0) return undefined;
    return make(4, value, at, m[0], `（${value}）`, lineEnd);
  }
  m = first === CN_DIGIT ? L1.exec(rest) : null;
  if (m) {
    const value = parseCnNumber(m[1]);
    if (value === undefined || formatCnNumber(value) !== m[1]) return undefined;
    return make(1, value, at, m[0], `${m[1]}、`, lineEnd);
  }
  m = first === DIGIT ? L3.exec(rest) : null;
  if (m) {
    const value = parseDigits(m[1]);
    if (value === undefined || value === 0 || m[1].startsWith('0')) return undefined;
    // 1. and 1． are both accepted (the full-width point is common in official texts).
    const canonical = m[2] === '．' ? m[0] : `${m[1]}.`;
    return make(3, value, at, m[0], canonical, lineEnd);
  }
  return undefined;
}

function make(level: HeadingLevel, value: number, at: number, written: string, canonical: string, lineEnd: number): HeadingMarker | undefined {
  // A marker alone on its line heads the text on the next line (a common layout of scraped
  // texts); a bare "1." or "一." alone is too ambiguous to count.
  if (at + written.length >= lineEnd && written !== canonical) return undefined;
  return { level, value, start: at, end: at + written.length, written, canonical, wrongForm: written !== canonical };
}

/** Human form of a marker value at a level, for messages: 3 at level 2 → （三）. */
export function markerText(level: HeadingLevel, value: number): string {
  switch (level) {
    case 1:
      return `${formatCnNumber(value)}、`;
    case 2:
      return `（${formatCnNumber(value)}）`;
    case 3:
      return `${value}.`;
    case 4:
      return `（${value}）`;
  }
}

/** 第一章 / 第十条 / 第二节 / 第三部分 at the start of a line: structure that restarts numbering. */
export function isArticleHeading(prose: string, at: number): boolean {
  if (prose.charCodeAt(at) !== 0x7b2c /* 第 */) return false;
  return /^第[一二三四五六七八九十百零〇]+(?:章|节|条|部分|篇|编)/.test(prose.slice(at, at + 12));
}

/** 附件 / 附件1 / 附件： at the start of a line: what follows is another document. */
export function isAttachmentLine(prose: string, at: number): boolean {
  if (prose.charCodeAt(at) !== 0x9644 /* 附 */) return false;
  return /^附\s*件\s*(?:[0-9０-９一二三四五六七八九十]{0,3})\s*(?:[：:]|$|\r|\n)/.test(prose.slice(at, at + 12));
}
