/**
 * Character classes shared by the rules. Ranges are the ones that matter in 公文: CJK unified
 * ideographs (BMP and the astral extensions, so 𠮷 counts as Chinese) and full-width punctuation.
 */

/** Han ideographs, including extension blocks (astral: test with code points, not code units). */
export function isHan(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x20000 && cp <= 0x3134f) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    cp === 0x3007 // 〇
  );
}

/** Full-width (CJK) punctuation that marks Chinese context. */
export const CJK_PUNCTUATION = '，。、；：？！“”‘’（）《》〈〉【】〔〕「」『』……——～·';

export function isCjkPunctuation(ch: string | undefined): boolean {
  // `text[i - 1]` at the start of a text is undefined, as for isAsciiDigit/isAsciiLetter below.
  return ch !== undefined && ch.length > 0 && CJK_PUNCTUATION.includes(ch);
}

/** Code point of the character that ends just before `offset` (handles surrogate pairs). */
export function codePointBefore(text: string, offset: number): number | undefined {
  if (offset <= 0) return undefined;
  const low = text.charCodeAt(offset - 1);
  if (low >= 0xdc00 && low <= 0xdfff && offset >= 2) {
    const high = text.charCodeAt(offset - 2);
    if (high >= 0xd800 && high <= 0xdbff) return (high - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
  }
  return low;
}

export function codePointAt(text: string, offset: number): number | undefined {
  return offset < text.length ? text.codePointAt(offset) : undefined;
}

/** Chinese context: a Han character or full-width punctuation mark. */
export function isChineseChar(cp: number | undefined): boolean {
  if (cp === undefined) return false;
  return isHan(cp) || isCjkPunctuation(String.fromCodePoint(cp));
}

/** Skips ASCII spaces and tabs (not the full-width space used for indentation). */
export function skipSpacesBackward(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && (text[i - 1] === ' ' || text[i - 1] === '\t')) i--;
  return i;
}

export function skipSpacesForward(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  return i;
}

/**
 * Whether the half-width mark at `offset` sits in Chinese context: the nearest non-space character
 * on either side is Chinese.
 */
export function inChineseContext(text: string, offset: number, width = 1): boolean {
  const before = codePointBefore(text, skipSpacesBackward(text, offset));
  const after = codePointAt(text, skipSpacesForward(text, offset + width));
  return isChineseChar(before) || isChineseChar(after);
}

export function isAsciiDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

export function isAsciiLetter(ch: string | undefined): boolean {
  return ch !== undefined && ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'));
}
