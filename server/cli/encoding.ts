import * as iconv from 'iconv-lite';
import { isUtf8, transcode } from 'buffer';

export type EncodingName = 'utf8' | 'utf16le' | 'utf16be' | 'gb18030';

export interface DecodedFile {
  text: string;
  encoding: EncodingName;
  bom: boolean;
}

export class DecodeError extends Error {}

/** Longest first is not needed: no BOM here is a prefix of another. */
const BOMS: Array<{ bytes: number[]; encoding: EncodingName }> = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf8' },
  { bytes: [0xff, 0xfe], encoding: 'utf16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf16be' },
  // U+FEFF in GB18030: rare, but some Windows tools write it.
  { bytes: [0x84, 0x31, 0x95, 0x33], encoding: 'gb18030' },
];

const ALIASES: Record<string, EncodingName> = {
  'utf8': 'utf8',
  'utf-8': 'utf8',
  'utf16le': 'utf16le',
  'utf-16le': 'utf16le',
  'ucs2': 'utf16le',
  'ucs-2': 'utf16le',
  'utf16be': 'utf16be',
  'utf-16be': 'utf16be',
  'gb18030': 'gb18030',
  'gbk': 'gb18030',
  'gb2312': 'gb18030',
  'cp936': 'gb18030',
};

export const ENCODING_NAMES = Object.keys(ALIASES);

export function normalizeEncodingName(name: string): EncodingName | undefined {
  return ALIASES[name.toLowerCase()];
}

const LABEL: Record<EncodingName, string> = { utf8: 'UTF-8', utf16le: 'UTF-16LE', utf16be: 'UTF-16BE', gb18030: 'GB18030/GBK' };

/**
 * Decodes a file's bytes. With a BOM the BOM decides; otherwise valid UTF-8 is UTF-8, and text
 * that is not valid UTF-8 but decodes cleanly as GB18030 (what older Windows tools and Word's
 * "plain text" export write) is GB18030. NUL bytes or many control bytes without a UTF-16 BOM mean
 * binary. GBK is a subset of GB18030, so GBK files are read and written back byte-identically.
 *
 * Whatever the route, the text is accepted only if encoding it again gives back exactly the
 * bytes read: --fix then changes nothing but the fixed characters, and a file that cannot make
 * the round trip (a wrong --encoding, a truncated UTF-16 file) is refused instead of damaged.
 */
export function decode(bytes: Uint8Array, forced?: EncodingName): DecodedFile {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bom = BOMS.find((b) => buf.length >= b.bytes.length && b.bytes.every((x, i) => buf[i] === x));
  if (bom && (!forced || forced === bom.encoding)) {
    return checked(buf, { text: decodeAs(buf.subarray(bom.bytes.length), bom.encoding), encoding: bom.encoding, bom: true }, forced !== undefined);
  }
  if (forced) return checked(buf, { text: decodeAs(buf, forced), encoding: forced, bom: false }, true);
  if (looksBinary(buf)) {
    const utf16 = utf16WithoutBom(buf);
    if (utf16) throw new DecodeError(`文件像是不带字节顺序标记的 ${LABEL[utf16]} 文本，已跳过；请用 --encoding ${utf16} 指定（UTF-16 without BOM? skipped）`);
    throw new DecodeError('文件含有空字节或大量控制字符，像是二进制文件，已跳过（binary file skipped）');
  }
  if (isUtf8(buf)) return { text: decodeValidUtf8(buf), encoding: 'utf8', bom: false };
  const damaged = damagedUtf8(buf);
  if (damaged) {
    throw new DecodeError(
      `文件基本是 UTF-8 编码，但第 ${damaged.line} 行（第 ${damaged.offset + 1} 字节）起有 ${damaged.invalid} 处无效的 UTF-8 字节（文件可能被截断，或混入了其他编码的文字），已跳过以免改坏；修正后再检查，或用 --encoding 指定（damaged UTF-8, skipped）`,
    );
  }
  const text = iconv.decode(buf, 'gb18030', { stripBOM: false });
  // A round trip that does not reproduce the bytes means the file is neither UTF-8 nor GB18030.
  if (text.includes('\uFFFD') || !Buffer.from(iconv.encode(text, 'gb18030')).equals(buf)) {
    throw new DecodeError('无法识别文件编码（既不是 UTF-8 也不是 GB18030/GBK），已跳过；可用 --encoding 指定（undecodable file skipped）');
  }
  return { text, encoding: 'gb18030', bom: false };
}

/**
 * Valid UTF-8 (checked natively by isUtf8, ~30× faster than a fatal TextDecoder) decodes to the
 * same string whichever decoder reads it. ICU's transcoder to UTF-16 plus a UTF-16 read is ~6×
 * faster than V8's UTF-8 decoding on Chinese text; without ICU, Buffer's own decoder.
 */
function decodeValidUtf8(buf: Buffer): string {
  if (typeof transcode === 'function' && buf.length >= 64) {
    try {
      return transcode(buf, 'utf8', 'ucs2').toString('ucs2');
    } catch {
      // no ICU converter in this Node build
    }
  }
  return buf.toString('utf8');
}

function checked(buf: Buffer, d: DecodedFile, forced: boolean): DecodedFile {
  if (!encode(d.text, d).equals(buf)) {
    const how = forced ? `不是有效的 ${LABEL[d.encoding]} 编码（--encoding 指定）` : `带 ${LABEL[d.encoding]} 字节顺序标记，但内容不是有效的 ${LABEL[d.encoding]}`;
    throw new DecodeError(`文件${how}，已跳过以免改坏（file is not valid ${LABEL[d.encoding]}; skipped）`);
  }
  return d;
}

/**
 * UTF-8 with a few bad bytes (a file cut off mid-character, one pasted GBK word) must not be taken
 * for GB18030: UTF-8 Chinese also decodes as GB18030 (as mojibake) and round-trips, so --fix would
 * write GB18030 punctuation into a UTF-8 file. GBK text, read as UTF-8, has invalid sequences
 * everywhere; damaged UTF-8 has many valid multi-byte sequences and only a few invalid ones.
 */
function damagedUtf8(buf: Buffer): { offset: number; line: number; invalid: number } | undefined {
  let valid = 0;
  let invalid = 0;
  let first = -1;
  for (let i = 0; i < buf.length; ) {
    const b = buf[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = len > 0 && i + len <= buf.length;
    for (let k = 1; ok && k < len; k++) {
      const c = buf[i + k];
      let lo = 0x80;
      let hi = 0xbf;
      if (k === 1 && b === 0xe0) lo = 0xa0;
      else if (k === 1 && b === 0xed) hi = 0x9f;
      else if (k === 1 && b === 0xf0) lo = 0x90;
      else if (k === 1 && b === 0xf4) hi = 0x8f;
      ok = c >= lo && c <= hi;
    }
    if (ok) {
      valid++;
      i += len;
    } else {
      if (first === -1) first = i;
      invalid++;
      i++;
    }
  }
  if (invalid === 0 || valid < 16 || invalid * 4 > valid) return undefined;
  let line = 1;
  for (let i = 0; i < first; i++) if (buf[i] === 0x0a) line++;
  return { offset: first, line, invalid };
}

/**
 * NUL never occurs in UTF-8 or GB18030 text. Other C0 controls (except tab, line breaks, form
 * feed, ESC and the DOS end-of-file mark) are a sign of binary data when frequent.
 */
function looksBinary(buf: Buffer): boolean {
  if (buf.includes(0)) return true;
  const n = Math.min(buf.length, 65536);
  let controls = 0;
  // Four bytes at a time where the buffer allows it: a word with no byte below 0x20 (the usual
  // case in text: Chinese UTF-8 is all 0x80 and up) is skipped with one test.
  let i = 0;
  const head = (4 - (buf.byteOffset & 3)) & 3;
  for (; i < n && i < head; i++) if (isControl(buf[i])) controls++;
  const count = i === head ? (n - i) >>> 2 : 0;
  const words = count > 0 ? new Uint32Array(buf.buffer, buf.byteOffset + i, count) : new Uint32Array(0);
  for (let w = 0; w < words.length; w++) {
    const x = words[w];
    // Some byte of x is below 0x20 (exact for bytes below 0x80; a byte of 0xa0 or more may give a
    // false alarm, which the byte test below settles).
    if (((x - 0x20202020) & ~x & 0x80808080) === 0) continue;
    const at = i + w * 4;
    for (let k = at; k < at + 4; k++) if (isControl(buf[k])) controls++;
  }
  for (i += words.length * 4; i < n; i++) if (isControl(buf[i])) controls++;
  return controls > 8 && controls * 100 > n;
}

/** A control byte that text does not contain (tab, line breaks, form feed, SUB and ESC are allowed). */
function isControl(b: number): boolean {
  return b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d && b !== 0x1a && b !== 0x1b;
}

/**
 * UTF-16 text without a BOM: ASCII and line breaks give a NUL in every other byte, on the odd
 * offsets (LE) or the even ones (BE). Only a hint for the message; detection never guesses it.
 */
function utf16WithoutBom(buf: Buffer): 'utf16le' | 'utf16be' | undefined {
  const n = Math.min(buf.length, 65536) & ~1;
  if (n < 4) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) even++;
    if (buf[i + 1] === 0) odd++;
  }
  // A few NULs on the other side come from characters such as 一 (U+4E00).
  const guess = odd >= 2 && odd > even * 3 ? 'utf16le' : even >= 2 && even > odd * 3 ? 'utf16be' : undefined;
  if (!guess) return undefined;
  // And it must read as text: no control characters but tab and line breaks, no broken pairs.
  const text = iconv.decode(buf.subarray(0, n), guess, { stripBOM: false });
  return /[\u0000-\u0008\u000e-\u001f\ufffd]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text) ? undefined : guess;
}

function decodeAs(buf: Buffer, encoding: EncodingName): string {
  switch (encoding) {
    case 'utf8':
      // ignoreBOM keeps a second BOM (a file with two) as text, so writing back keeps it too.
      return new TextDecoder('utf-8', { ignoreBOM: true }).decode(buf);
    case 'utf16le':
    case 'utf16be':
    case 'gb18030':
      return iconv.decode(buf, encoding, { stripBOM: false });
  }
}

/** Encodes text back the way it was read: same encoding, same BOM state. */
export function encode(text: string, file: Pick<DecodedFile, 'encoding' | 'bom'>): Buffer {
  let body: Buffer;
  switch (file.encoding) {
    case 'utf8':
      body = Buffer.from(text, 'utf8');
      break;
    default:
      body = Buffer.from(iconv.encode(text, file.encoding, { addBOM: false }));
  }
  if (!file.bom) return body;
  const bom = BOMS.find((b) => b.encoding === file.encoding);
  return bom ? Buffer.concat([Buffer.from(bom.bytes), body]) : body;
}
