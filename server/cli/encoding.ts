import * as iconv from 'iconv-lite';

export type EncodingName = 'utf8' | 'utf16le' | 'utf16be' | 'gb18030';

export interface DecodedFile {
  text: string;
  encoding: EncodingName;
  bom: boolean;
}

export class DecodeError extends Error {}

const BOMS: Array<{ bytes: number[]; encoding: EncodingName }> = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf8' },
  { bytes: [0xff, 0xfe], encoding: 'utf16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf16be' },
];

const ALIASES: Record<string, EncodingName> = {
  'utf8': 'utf8',
  'utf-8': 'utf8',
  'utf16le': 'utf16le',
  'utf-16le': 'utf16le',
  'utf16be': 'utf16be',
  'utf-16be': 'utf16be',
  'gb18030': 'gb18030',
  'gbk': 'gb18030',
  'gb2312': 'gb18030',
  'cp936': 'gb18030',
};

export function normalizeEncodingName(name: string): EncodingName | undefined {
  return ALIASES[name.toLowerCase()];
}

/**
 * Decodes a file's bytes. With a BOM the BOM decides; otherwise valid UTF-8 is UTF-8, and text
 * that is not valid UTF-8 but decodes cleanly as GB18030 (what older Windows tools and Word's
 * "plain text" export write) is GB18030. NUL bytes without a UTF-16 BOM mean binary.
 * GBK is a subset of GB18030, so GBK files are read and written back byte-identically.
 */
export function decode(bytes: Uint8Array, forced?: EncodingName): DecodedFile {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const b of BOMS) {
    if (b.bytes.every((x, i) => buf[i] === x)) {
      if (forced && forced !== b.encoding) break;
      return { text: decodeAs(buf.subarray(b.bytes.length), b.encoding), encoding: b.encoding, bom: true };
    }
  }
  if (forced) return { text: decodeAs(buf, forced), encoding: forced, bom: false };
  if (buf.includes(0)) throw new DecodeError('文件含有空字节，像是二进制文件，已跳过（binary file skipped）');
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  try {
    return { text: utf8.decode(buf), encoding: 'utf8', bom: false };
  } catch {
    // fall through to GB18030
  }
  const text = iconv.decode(buf, 'gb18030');
  // A round trip that does not reproduce the bytes means the file is neither UTF-8 nor GB18030.
  if (text.includes('\uFFFD') || !Buffer.from(iconv.encode(text, 'gb18030')).equals(buf)) {
    throw new DecodeError('无法识别文件编码（既不是 UTF-8 也不是 GB18030/GBK），已跳过；可用 --encoding 指定（undecodable file skipped）');
  }
  return { text, encoding: 'gb18030', bom: false };
}

function decodeAs(buf: Buffer, encoding: EncodingName): string {
  switch (encoding) {
    case 'utf8':
      return new TextDecoder('utf-8').decode(buf);
    case 'utf16le':
      return iconv.decode(buf, 'utf16le');
    case 'utf16be':
      return iconv.decode(buf, 'utf16be');
    case 'gb18030':
      return iconv.decode(buf, 'gb18030');
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
      body = Buffer.from(iconv.encode(text, file.encoding));
  }
  if (!file.bom) return body;
  const bom = BOMS.find((b) => b.encoding === file.encoding);
  return bom ? Buffer.concat([Buffer.from(bom.bytes), body]) : body;
}
