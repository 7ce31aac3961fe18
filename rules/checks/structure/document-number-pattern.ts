import { codePointBefore, isHan } from '../../engine/chars';

/**
 * The 发文字号 recogniser (GB/T 9704-2012 7.2.5: 机关代字 + 〔年份〕 + 序号 + 号), shared by
 * document-number, which checks it, and punctuation-width, which leaves its brackets to
 * document-number (the right brackets there are 〔〕, not the （） of ordinary text).
 */

/** Brackets writers put around the year of a 发文字号 instead of the 六角括号 〔〕. */
export const NUMBER_OPENERS = '〔[(（【［〖';
export const NUMBER_CLOSERS = '〕])）】］〗';

export function isDigitAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
}

/** Full-width digits ０–９ as ASCII. */
export function asciiDigits(s: string): string {
  return s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 0x30));
}

/** Start of the run of Han characters (and template placeholders ×) that ends at `end`, at most `max` code units back. */
export function hanRunStart(text: string, end: number, max: number, placeholders = false): number {
  let i = end;
  while (i > 0 && end - i < max) {
    const cp = codePointBefore(text, i);
    if (cp === undefined || !(isHan(cp) || (placeholders && (cp === 0xd7 || cp === 0xff38)))) break;
    i -= cp > 0xffff ? 2 : 1;
  }
  return i;
}

/** A 发文字号 candidate ending at a 号, as written (brackets, year and serial not yet judged). */
export interface DocumentNumberMatch {
  /** The opening bracket of the year. */
  open: number;
  /** The closing bracket of the year. */
  close: number;
  /** The year's digits: [open + 1, close), two or four of them. */
  yearLength: number;
  /** A 第 stands between the closing bracket and the serial. */
  di: boolean;
  /** The serial's digits: [serialStart, hao). */
  serialStart: number;
  /** The 号. */
  hao: number;
}

/**
 * Reads the 发文字号 that ends at the 号 at `hao`, backwards: 1–5 digits (the serial), an optional
 * 第, a closing bracket, a two- or four-digit year (four: 19xx or 20xx), an opening bracket, and a
 * Han character right before it (the 机关代字). Anything else — （2019年）, a court case number
 * （2019）京0105民初28号, (2019)28号 without an agency code — is not one.
 */
export function matchDocumentNumberAt(prose: string, hao: number): DocumentNumberMatch | undefined {
  let k = hao;
  while (k > 0 && hao - k < 6 && isDigitAt(prose, k - 1)) k--;
  const serialStart = k;
  const serialLength = hao - k;
  if (serialLength === 0 || serialLength > 5) return undefined;
  if (/^[0０]+$/.test(prose.slice(serialStart, hao))) return undefined;
  const di = prose[k - 1] === '第';
  const close = di ? k - 2 : k - 1;
  if (close < 0 || !NUMBER_CLOSERS.includes(prose[close])) return undefined;
  let j = close;
  while (j > 0 && close - j < 5 && isDigitAt(prose, j - 1)) j--;
  const yearLength = close - j;
  if (yearLength !== 2 && yearLength !== 4) return undefined;
  const open = j - 1;
  if (open < 0 || !NUMBER_OPENERS.includes(prose[open])) return undefined;
  if (hanRunStart(prose, open, 1) === open) return undefined;
  if (yearLength === 4 && !/^(19|20)/.test(asciiDigits(prose.slice(j, close)))) return undefined;
  return { open, close, yearLength, di, serialStart, hao };
}

/** Every 发文字号 in the prose (anchored on 号, which is rare, and read backwards). */
export function findDocumentNumbers(prose: string): DocumentNumberMatch[] {
  const found: DocumentNumberMatch[] = [];
  for (let h = prose.indexOf('号'); h !== -1; h = prose.indexOf('号', h + 1)) {
    const m = matchDocumentNumberAt(prose, h);
    if (m) found.push(m);
  }
  return found;
}
