import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as iconv from 'iconv-lite';
import { decode, encode, DecodeError, type EncodingName } from '../../../server/cli/encoding';
import { run, tempProject, type TempDir } from '../../cli/helpers';

/** comma-width reports the half-width comma; the fix makes it full-width. */
const BROKEN = '推进改革,促进发展。\r\n第二段落实责任。\r\n';
const FIXED = '推进改革，促进发展。\r\n第二段落实责任。\r\n';
/** Characters beyond GBK that GB18030 encodes in four bytes, and an astral one. */
const RARE = '𠮷䶮€';

interface Variant {
  name: string;
  encoding: EncodingName;
  bom: boolean;
  bytes(text: string): Buffer;
}

const BOM: Record<string, number[]> = { utf8: [0xef, 0xbb, 0xbf], utf16le: [0xff, 0xfe], utf16be: [0xfe, 0xff], gb18030: [0x84, 0x31, 0x95, 0x33] };

const withBom = (enc: string, body: Buffer): Buffer => Buffer.concat([Buffer.from(BOM[enc]), body]);

const VARIANTS: Variant[] = [
  { name: 'UTF-8', encoding: 'utf8', bom: false, bytes: (t) => Buffer.from(t, 'utf8') },
  { name: 'UTF-8 with BOM', encoding: 'utf8', bom: true, bytes: (t) => withBom('utf8', Buffer.from(t, 'utf8')) },
  { name: 'UTF-16LE with BOM', encoding: 'utf16le', bom: true, bytes: (t) => withBom('utf16le', Buffer.from(t, 'utf16le')) },
  { name: 'UTF-16BE with BOM', encoding: 'utf16be', bom: true, bytes: (t) => withBom('utf16be', Buffer.from(t, 'utf16le').swap16()) },
  { name: 'GB18030', encoding: 'gb18030', bom: false, bytes: (t) => iconv.encode(t, 'gb18030') },
  { name: 'GB18030 with its BOM', encoding: 'gb18030', bom: true, bytes: (t) => withBom('gb18030', iconv.encode(t, 'gb18030')) },
];

describe('reliability: encodings', () => {
  describe('decode → encode is byte-identical', () => {
    for (const v of VARIANTS) {
      it(v.name, () => {
        const text = BROKEN + RARE;
        const bytes = v.bytes(text);
        const d = decode(bytes);
        assert.deepStrictEqual({ text: d.text, encoding: d.encoding, bom: d.bom }, { text, encoding: v.encoding, bom: v.bom });
        assert.ok(encode(d.text, d).equals(bytes));
      });
    }
    it('GBK text (made by iconv-lite) is read as GB18030 and written back byte-identically', () => {
      const bytes = iconv.encode('各省、自治区、直辖市人民政府：现将有关事项通知如下,请认真贯彻执行。', 'gbk');
      const d = decode(bytes);
      assert.strictEqual(d.encoding, 'gb18030');
      assert.strictEqual(d.text, '各省、自治区、直辖市人民政府：现将有关事项通知如下,请认真贯彻执行。');
      assert.ok(encode(d.text, d).equals(bytes));
    });
    it('a second BOM after the first is kept as text, not dropped', () => {
      const bytes = Buffer.from([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 0x41]);
      const d = decode(bytes);
      assert.strictEqual(d.text, '\uFEFFA');
      assert.ok(encode(d.text, d).equals(bytes));
    });
    it('an empty file is empty UTF-8', () => {
      assert.deepStrictEqual(decode(Buffer.alloc(0)), { text: '', encoding: 'utf8', bom: false });
    });
  });

  describe('refuses what it cannot read without damage', () => {
    it('binary: NUL bytes', () => {
      assert.throws(() => decode(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])), (e: unknown) => e instanceof DecodeError && /二进制/.test(e.message));
    });
    it('binary: many control bytes, no NUL', () => {
      const b = Buffer.alloc(400, 0x41);
      for (let i = 0; i < 400; i += 10) b[i] = 0x03;
      assert.throws(() => decode(b), (e: unknown) => e instanceof DecodeError && /二进制/.test(e.message));
    });
    it('text with a form feed or a DOS end-of-file mark is still text', () => {
      assert.strictEqual(decode(Buffer.from('第一页\f第二页\x1a', 'utf8')).text, '第一页\f第二页\x1a');
    });
    it('neither UTF-8 nor GB18030 (Latin-1 é at the end)', () => {
      assert.throws(() => decode(Buffer.from([0x63, 0x61, 0x66, 0xe9])), (e: unknown) => e instanceof DecodeError && /--encoding/.test(e.message));
    });
    it('UTF-16 BOM with an odd number of bytes (truncated file)', () => {
      assert.throws(() => decode(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('中文', 'utf16le'), Buffer.from([0x41])])), DecodeError);
    });
    it('UTF-8 BOM followed by invalid UTF-8', () => {
      assert.throws(() => decode(Buffer.from([0xef, 0xbb, 0xbf, 0xc4, 0xe3])), (e: unknown) => e instanceof DecodeError && /UTF-8/.test(e.message));
    });
    it('UTF-8 cut off mid-character is not mistaken for GB18030 (it would round-trip as mojibake)', () => {
      const bytes = Buffer.from('各省、自治区、直辖市人民政府：\n现将有关事项通知如下,请认真贯彻执行。\n第三行也是中文。', 'utf8');
      const cut = bytes.subarray(0, bytes.length - 1);
      assert.throws(() => decode(cut), (e: unknown) => e instanceof DecodeError && /基本是 UTF-8/.test(e.message) && /第 3 行/.test(e.message));
    });
    it('UTF-8 with a GBK word pasted in is refused, naming the line', () => {
      const bytes = Buffer.concat([Buffer.from('各省、自治区、直辖市人民政府：\n现将有关事项通知如下。\n', 'utf8'), iconv.encode('附件', 'gbk'), Buffer.from('：方案\n', 'utf8')]);
      assert.throws(() => decode(bytes), (e: unknown) => e instanceof DecodeError && /第 3 行/.test(e.message));
    });
    it('GBK text is never taken for damaged UTF-8 (slices of the speech fixture)', () => {
      const speech = fs.readFileSync(path.resolve(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'speech.txt'), 'utf8');
      const wrong: string[] = [];
      for (let i = 0; i + 20 < speech.length; i += 53) {
        const slice = speech.slice(i, i + 20 + (i % 300));
        try {
          if (decode(iconv.encode(slice, 'gbk')).encoding !== 'gb18030') wrong.push(slice);
        } catch {
          wrong.push(slice);
        }
      }
      assert.deepStrictEqual(wrong, []);
    });
    it('a forced encoding the bytes are not valid in (would write U+FFFD back)', () => {
      assert.throws(() => decode(iconv.encode('中文', 'gbk'), 'utf8'), (e: unknown) => e instanceof DecodeError && /--encoding/.test(e.message));
    });
  });

  describe('--encoding overrides detection', () => {
    // The UTF-8 bytes of 中文 are also valid GBK (涓枃): detection says UTF-8, the user knows better.
    const bytes = Buffer.from('中文', 'utf8');
    it('detected as UTF-8 by default', () => {
      assert.strictEqual(decode(bytes).text, '中文');
    });
    it('read as GBK when forced', () => {
      const d = decode(bytes, 'gb18030');
      assert.strictEqual(d.text, iconv.decode(bytes, 'gbk'));
      assert.ok(encode(d.text, d).equals(bytes));
    });
    it('UTF-16LE without a BOM is binary to detection but readable when forced', () => {
      const b = Buffer.from('推进改革,促进发展。', 'utf16le');
      assert.throws(() => decode(b), DecodeError);
      assert.strictEqual(decode(b, 'utf16le').text, '推进改革,促进发展。');
    });
    it('UTF-16 without a BOM is named in the message, with the --encoding to use', () => {
      const text = '第一条 总则\r\n为了规范公文处理工作,制定本条例。\r\n';
      assert.throws(() => decode(Buffer.from(text, 'utf16le')), (e: unknown) => e instanceof DecodeError && /UTF-16LE/.test(e.message) && /--encoding utf16le/.test(e.message));
      assert.throws(() => decode(Buffer.from(text, 'utf16le').swap16()), (e: unknown) => e instanceof DecodeError && /--encoding utf16be/.test(e.message));
      // A binary file stays a binary file.
      assert.throws(() => decode(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0])), (e: unknown) => e instanceof DecodeError && /二进制/.test(e.message));
    });
  });

  describe('CLI --fix writes back in the same encoding and BOM state', function () {
    this.timeout(30_000);
    let t: TempDir;
    beforeEach(() => {
      t = tempProject();
    });
    afterEach(() => t.cleanup());

    for (const v of VARIANTS) {
      it(v.name, async () => {
        t.write('doc.txt', v.bytes(BROKEN + RARE));
        const r = await run(['--fix', 'doc.txt'], { cwd: t.dir });
        assert.strictEqual(r.code, 0, r.stderr);
        assert.ok(t.read('doc.txt').equals(v.bytes(FIXED + RARE)), `bytes after --fix: ${t.read('doc.txt').toString('hex')}`);
      });
    }

    it('a binary and an undecodable file are skipped with a message and exit 2; the other files are still checked and fixed', async () => {
      t.write('a-binary.txt', Buffer.from([0x47, 0x49, 0x46, 0x38, 0, 1, 2, 3]));
      t.write('b-latin1.txt', Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x2c]));
      t.write('c-good.txt', Buffer.from(BROKEN, 'utf8'));
      t.write('d-gbk.txt', iconv.encode(BROKEN, 'gbk'));
      const r = await run(['--fix', '--format', 'json', '.'], { cwd: t.dir });
      assert.strictEqual(r.code, 2);
      const results = JSON.parse(r.stdout) as Array<{ filePath: string; messages: Array<{ fatal?: boolean; message: string }> }>;
      const byName = new Map(results.map((x) => [x.filePath.split(/[\\/]/).pop(), x]));
      assert.match(byName.get('a-binary.txt')!.messages[0].message, /二进制/);
      assert.strictEqual(byName.get('a-binary.txt')!.messages[0].fatal, true);
      assert.match(byName.get('b-latin1.txt')!.messages[0].message, /无法识别文件编码/);
      assert.strictEqual(t.read('c-good.txt').toString('utf8'), FIXED);
      assert.ok(t.read('d-gbk.txt').equals(iconv.encode(FIXED, 'gbk')));
      // The skipped files are untouched.
      assert.ok(t.read('b-latin1.txt').equals(Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x2c])));
    });

    it('--encoding gbk reads a file detection would take for UTF-8, and writes it back as GBK', async () => {
      const text = iconv.decode(Buffer.from('中文', 'utf8'), 'gbk') + '推进改革,促进发展。';
      const bytes = iconv.encode(text, 'gbk');
      t.write('doc.txt', bytes);
      const r = await run(['--encoding', 'gbk', '--fix', 'doc.txt'], { cwd: t.dir });
      assert.strictEqual(r.code, 0, r.stderr);
      assert.ok(t.read('doc.txt').equals(iconv.encode(text.replace(',', '，'), 'gbk')));
    });

    it('a wrong --encoding is refused per file (exit 2), the file untouched', async () => {
      const bytes = iconv.encode(BROKEN, 'gbk');
      t.write('doc.txt', bytes);
      const r = await run(['--encoding', 'utf8', '--fix', '--format', 'json', 'doc.txt'], { cwd: t.dir });
      assert.strictEqual(r.code, 2);
      assert.match(r.stdout, /UTF-8/);
      assert.ok(t.read('doc.txt').equals(bytes));
    });

    it('an unknown --encoding is a usage error naming the choices', async () => {
      t.write('doc.txt', BROKEN);
      const r = await run(['--encoding', 'latin1', 'doc.txt'], { cwd: t.dir });
      assert.strictEqual(r.code, 2);
      assert.match(r.stderr, /gb18030/);
    });

    it('stdin in GB18030 is decoded too', async () => {
      const r = await run(['--format', 'json', '-'], { cwd: t.dir, stdin: iconv.encode(BROKEN, 'gb18030') });
      assert.strictEqual(r.code, 0, r.stderr);
      const results = JSON.parse(r.stdout) as Array<{ messages: Array<{ ruleId: string; line: number; column: number }> }>;
      assert.deepStrictEqual(results[0].messages.map((m) => [m.ruleId, m.line, m.column]), [['comma-width', 1, 5]]);
    });
  });
});
