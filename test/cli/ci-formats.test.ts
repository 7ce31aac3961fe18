import * as assert from 'assert';
import { run, tempProject, onlyCommaWidth, checkGitlabReport, parseXml, TWO_COMMAS, CLEAN, type GitlabIssue, type TempDir } from './helpers';

describe('CLI CI formats', () => {
  let t: TempDir;
  beforeEach(() => {
    t = tempProject();
  });
  afterEach(() => t.cleanup());

  const gitlab = async (...files: string[]): Promise<GitlabIssue[]> => {
    const r = await run(['-f', 'gitlab', ...files], { cwd: t.dir });
    assert.ok(r.code === 0 || r.code === 1, r.stderr);
    return checkGitlabReport(JSON.parse(r.stdout));
  };

  describe('gitlab (Code Quality)', () => {
    it('has the fields Code Quality reads, with relative paths and lines', async () => {
      t.write('docs/doc.txt', TWO_COMMAS);
      const issues = await gitlab('docs');
      assert.strictEqual(issues.length, 2);
      assert.deepStrictEqual(issues.map((i) => [i.check_name, i.severity, i.location.path, i.location.lines?.begin]), [
        ['comma-width', 'minor', 'docs/doc.txt', 1],
        ['comma-width', 'minor', 'docs/doc.txt', 2],
      ]);
    });

    it('maps error → major and info → info', async () => {
      t.write('.gongwenrc.json', JSON.stringify(onlyCommaWidth('error')));
      t.write('doc.txt', TWO_COMMAS);
      assert.deepStrictEqual((await gitlab('doc.txt')).map((i) => i.severity), ['major', 'major']);
      t.write('.gongwenrc.json', JSON.stringify(onlyCommaWidth('info')));
      assert.deepStrictEqual((await gitlab('doc.txt')).map((i) => i.severity), ['info', 'info']);
    });

    it('an empty report is an empty array', async () => {
      t.write('doc.txt', CLEAN);
      assert.deepStrictEqual(await gitlab('doc.txt'), []);
    });

    it('fingerprints are the same across runs', async () => {
      t.write('doc.txt', TWO_COMMAS);
      const a = (await gitlab('doc.txt')).map((i) => i.fingerprint);
      const b = (await gitlab('doc.txt')).map((i) => i.fingerprint);
      assert.deepStrictEqual(a, b);
    });

    it('fingerprints survive lines inserted above, and other findings added before', async () => {
      t.write('doc.txt', TWO_COMMAS);
      const before = (await gitlab('doc.txt')).map((i) => i.fingerprint);
      t.write('doc.txt', `新增的第一段，没有问题。\n\n${TWO_COMMAS}`);
      const shifted = await gitlab('doc.txt');
      assert.deepStrictEqual(shifted.map((i) => i.location.lines?.begin), [3, 4], 'the lines did move');
      assert.deepStrictEqual(shifted.map((i) => i.fingerprint), before);
      t.write('doc.txt', `另起一段,也有半角逗号。\n${TWO_COMMAS}`);
      const more = (await gitlab('doc.txt')).map((i) => i.fingerprint);
      assert.strictEqual(more.length, 3);
      assert.deepStrictEqual(more.slice(1), before, 'the old findings keep their fingerprints');
    });

    it('identical findings in identical lines get distinct fingerprints; the path and the text matter', async () => {
      t.write('a.txt', '坚持改革,推进发展。\n坚持改革,推进发展。\n');
      t.write('b.txt', '坚持改革,推进发展。\n坚持改革,推进发展。\n');
      const issues = await gitlab('a.txt', 'b.txt');
      assert.strictEqual(issues.length, 4);
      assert.strictEqual(new Set(issues.map((i) => i.fingerprint)).size, 4);
      const a1 = issues[0].fingerprint;
      t.write('a.txt', '坚持开放,推进发展。\n');
      const changed = await gitlab('a.txt');
      assert.notStrictEqual(changed[0].fingerprint, a1, 'a different finding text is a different finding');
    });

    it('checking more files in the same run keeps a file’s fingerprints', async () => {
      t.write('sub/doc.txt', TWO_COMMAS);
      const fromRoot = (await gitlab('sub/doc.txt')).map((i) => i.fingerprint);
      t.write('other/x.txt', CLEAN);
      const again = (await gitlab('sub/doc.txt', 'other/x.txt')).map((i) => i.fingerprint);
      assert.deepStrictEqual(again, fromRoot);
    });
  });

  describe('junit', () => {
    it('is well-formed XML with one testsuite per file and the right counts', async () => {
      t.write('a&b<c>.txt', TWO_COMMAS);
      t.write('clean.txt', CLEAN);
      const r = await run(['-f', 'junit', 'a&b<c>.txt', 'clean.txt'], { cwd: t.dir });
      assert.strictEqual(r.code, 0, r.stderr);
      assert.ok(r.stdout.startsWith('<?xml version="1.0" encoding="UTF-8"?>'));
      const root = parseXml(r.stdout);
      assert.strictEqual(root.name, 'testsuites');
      assert.strictEqual(root.children.length, 2);
      const [bad, good] = root.children;
      assert.strictEqual(bad.name, 'testsuite');
      assert.strictEqual(bad.attributes.name, 'a&b<c>.txt', 'special characters escaped and restored');
      assert.strictEqual(bad.attributes.tests, '2');
      assert.strictEqual(bad.attributes.failures, '2');
      assert.strictEqual(bad.attributes.errors, '0');
      assert.strictEqual(bad.children.length, 2);
      assert.deepStrictEqual(bad.children.map((c) => c.attributes.name), ['1:8 comma-width', '2:7 comma-width']);
      for (const c of bad.children) {
        assert.strictEqual(c.name, 'testcase');
        assert.strictEqual(c.children[0].name, 'failure');
        assert.strictEqual(c.children[0].attributes.type, 'comma-width');
        assert.match(c.children[0].attributes.message, /全角逗号/);
      }
      assert.strictEqual(good.attributes.tests, '1');
      assert.strictEqual(good.attributes.failures, '0');
      assert.strictEqual(good.children[0].children.length, 0, 'a clean file is one passing test case');
      assert.strictEqual(root.attributes.tests, '3');
      assert.strictEqual(root.attributes.failures, '2');
      assert.strictEqual(root.attributes.errors, '0');
    });

    it('hints pass (in system-out) and an unreadable file is an error', async () => {
      t.write('.gongwenrc.json', JSON.stringify(onlyCommaWidth('info')));
      t.write('doc.txt', TWO_COMMAS);
      t.write('bin.txt', Buffer.from([0x00, 0x01, 0x02]));
      const r = await run(['-f', 'junit', 'bin.txt', 'doc.txt'], { cwd: t.dir });
      assert.strictEqual(r.code, 2);
      const root = parseXml(r.stdout);
      assert.strictEqual(root.attributes.failures, '0');
      assert.strictEqual(root.attributes.errors, '1');
      const [binSuite, docSuite] = root.children;
      assert.strictEqual(binSuite.children[0].children[0].name, 'error');
      assert.strictEqual(docSuite.attributes.tests, '2');
      assert.deepStrictEqual(docSuite.children.map((c) => c.children[0].name), ['system-out', 'system-out']);
    });

    it('the XML check is not vacuous: malformed XML throws', () => {
      assert.throws(() => parseXml('<a><b></a>'));
      assert.throws(() => parseXml('<a x="1 & 2"/>'));
    });
  });
});
