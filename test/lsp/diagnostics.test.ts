import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath } from 'url';
import { TestClient, REPO_ROOT, assertBundleBuilt, byRule, offsetAt, textAt } from './helpers/client';

const SPEECH = fs.readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'speech.txt'), 'utf8');

describe('LSP: diagnostics (bundled server over stdio)', function () {
  this.timeout(60000);
  let client: TestClient;
  before(async () => {
    assertBundleBuilt();
    client = await TestClient.start();
  });
  after(async () => {
    await client?.stop();
  });

  it('advertises quick fixes, source.fixAll.gongwen, hover and the server commands', () => {
    const caps = client.initializeResult.capabilities;
    const kinds = (caps.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds;
    assert.deepStrictEqual([...kinds].sort(), ['quickfix', 'source.fixAll.gongwen']);
    assert.strictEqual(caps.hoverProvider, true);
    assert.deepStrictEqual(caps.executeCommandProvider?.commands.sort(), ['gongwen.fixAll', 'gongwen.showRuleDoc']);
    assert.strictEqual(client.initializeResult.serverInfo?.name, 'gongwen-lint');
  });

  it('registers for config file changes and configuration changes', async () => {
    await client.until(() => client.registrations.length >= 2, 5000, 'registrations');
    const methods = client.registrations.map((r) => r.method);
    assert.ok(methods.includes('workspace/didChangeWatchedFiles'), methods.join());
    assert.ok(methods.includes('workspace/didChangeConfiguration'), methods.join());
  });

  it('the seed speech gets one comma-width diagnostic per half-width comma, at the right UTF-16 range', async () => {
    const uri = 'file:///tmp/gongwen-lsp-test/speech.txt';
    await client.open(uri, SPEECH, 'plaintext', 7);
    const p = await client.waitForDiagnostics(uri);
    assert.strictEqual(p.version, 7);
    const commas = byRule(p.diagnostics, 'comma-width');
    const expected: number[] = [];
    for (let i = SPEECH.indexOf(','); i !== -1; i = SPEECH.indexOf(',', i + 1)) expected.push(i);
    assert.strictEqual(expected.length, 131);
    assert.ok(fs.existsSync(fileURLToPath(commas[0]?.codeDescription?.href ?? 'file:///nonexistent')), 'the doc link points to a file that exists');
    assert.deepStrictEqual(commas.map((d) => offsetAt(SPEECH, d.range.start)), expected);
    for (const d of commas) {
      assert.strictEqual(textAt(SPEECH, d.range), ',');
      assert.strictEqual(d.source, 'gongwen');
      assert.strictEqual(d.severity, 2, 'warn → Warning');
      // The link is the doc shipped with the server (works offline), not a web page.
      assert.match(d.codeDescription?.href ?? '', /^file:\/\/.*\/rules\/docs\/comma-width\.md$/);
      assert.match(String(d.message), /全角逗号/);
      const data = d.data as { version: number; fix: { range?: unknown; newText: string } };
      assert.strictEqual(data.version, 7);
      assert.strictEqual(data.fix.newText, '，');
      assert.strictEqual(data.fix.range, undefined, 'a fix over the diagnostic range omits its range');
    }
    await client.close(uri);
  });

  it('ranges after an astral character (𠮷) and on CRLF lines are in UTF-16 code units', async () => {
    const uri = 'file:///tmp/gongwen-lsp-test/astral.txt';
    const text = '第一行𠮷\r\n𠮷𠮷测试,中文\r\n';
    await client.open(uri, text);
    const p = await client.waitForDiagnostics(uri);
    const [d] = byRule(p.diagnostics, 'comma-width');
    assert.deepStrictEqual(d.range, { start: { line: 1, character: 6 }, end: { line: 1, character: 7 } });
    assert.strictEqual(textAt(text, d.range), ',');
    await client.close(uri);
  });

  it('untitled documents (no file path, no config files) are checked too', async () => {
    const uri = 'untitled:Untitled-1';
    await client.open(uri, '\ufeff甲方,乙方');
    const p = await client.waitForDiagnostics(uri);
    const [d] = byRule(p.diagnostics, 'comma-width');
    assert.deepStrictEqual(d.range.start, { line: 0, character: 3 });
    await client.close(uri);
  });

  it('sends gongwen/status checking then idle with the number of problems', async () => {
    const uri = 'file:///tmp/gongwen-lsp-test/status.txt';
    const before = client.statuses.length;
    await client.open(uri, '甲,乙,丙');
    const p = await client.waitForDiagnostics(uri);
    const mineOf = () => client.statuses.slice(before).filter((s) => s.uri === uri);
    await client.until(() => mineOf().some((s) => s.state === 'idle'), 5000, 'idle status');
    const mine = mineOf();
    assert.strictEqual(mine[0].state, 'checking');
    const idle = mine.find((s) => s.state === 'idle');
    assert.ok(idle, JSON.stringify(mine));
    assert.strictEqual(idle!.problems, p.diagnostics.length);
    await client.close(uri);
  });

  it('re-checks after an edit (debounced) and publishes for the new version; close clears', async () => {
    const uri = 'file:///tmp/gongwen-lsp-test/edit.txt';
    await client.open(uri, '甲,乙', 'plaintext', 1);
    await client.waitForDiagnostics(uri, (p) => p.version === 1);
    const from = client.diagnostics.length;
    // Three quick edits: only the last version is checked and published.
    await client.replace(uri, 2, '甲,乙', '甲,乙,丙');
    await client.replace(uri, 3, '甲,乙,丙', '甲,乙,丙,丁');
    await client.replace(uri, 4, '甲,乙,丙,丁', '甲乙');
    const p = await client.waitForDiagnostics(uri, (x) => x.version === 4, 15000, from);
    assert.strictEqual(byRule(p.diagnostics, 'comma-width').length, 0);
    const published = client.diagnostics.slice(from).filter((x) => x.uri === uri).map((x) => x.version);
    assert.deepStrictEqual(published, [4], 'superseded versions are not published');
    const closeFrom = client.diagnostics.length;
    await client.close(uri);
    const cleared = await client.waitForDiagnostics(uri, () => true, 5000, closeFrom);
    assert.deepStrictEqual(cleared.diagnostics, []);
  });

  it('markdown: code spans are not checked; gongwen language is checked as text', async () => {
    const md = 'file:///tmp/gongwen-lsp-test/doc.md';
    await client.open(md, '中文,句子 `代码,中文` 结束\n', 'markdown');
    const p = await client.waitForDiagnostics(md);
    assert.deepStrictEqual(byRule(p.diagnostics, 'comma-width').map((d) => d.range.start.character), [2]);
    const gw = 'file:///tmp/gongwen-lsp-test/doc.gw';
    await client.open(gw, '中文,句子 `代码,中文` 结束\n', 'gongwen');
    const q = await client.waitForDiagnostics(gw);
    assert.strictEqual(byRule(q.diagnostics, 'comma-width').length, 2);
    await client.close(md);
    await client.close(gw);
  });

  it('gongwen/listRules lists every rule with its doc path', async () => {
    const rules = await client.request<Array<{ id: string; docsPath: string; fixable: boolean; basis: string }>>('gongwen/listRules', null);
    const comma = rules.find((r) => r.id === 'comma-width');
    assert.ok(comma);
    assert.strictEqual(comma!.fixable, true);
    assert.ok(fs.existsSync(comma!.docsPath), comma!.docsPath);
    assert.ok(!rules.some((r) => r.id.startsWith('test-')), 'test-only rules are not listed');
  });

  it('hover on a diagnostic shows the message and the rule doc', async () => {
    const uri = 'file:///tmp/gongwen-lsp-test/hover.txt';
    await client.open(uri, '甲,乙');
    const published = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    const hover = await client.request<{ contents: { kind: string; value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 1 } });
    assert.ok(hover);
    assert.strictEqual(hover!.contents.kind, 'markdown');
    assert.ok(hover!.contents.value.includes(String(published.diagnostics[0].message)), 'the message is in the hover');
    assert.match(hover!.contents.value, /comma-width/);
    assert.match(hover!.contents.value, /全角逗号/);
    const doc = fs.readFileSync(path.join(REPO_ROOT, 'rules', 'docs', 'comma-width.md'), 'utf8');
    const firstLine = doc.split('\n').find((l) => l.trim() !== '')!;
    assert.ok(hover!.contents.value.includes(firstLine.trim()), 'the rule doc is in the hover');
    const none = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
    assert.strictEqual(none, null);
    await client.close(uri);
  });

  it('hover leaves the message out for a client that shows diagnostics in its own hover (hoverMessage: false)', async () => {
    const own = await TestClient.start({ initializationOptions: { hoverMessage: false } });
    try {
      const uri = 'file:///tmp/gongwen-lsp-test/hover-no-message.txt';
      await own.open(uri, '甲,乙');
      const published = await own.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
      const message = String(published.diagnostics[0].message);
      const hover = await own.request<{ contents: { kind: string; value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 1 } });
      assert.ok(hover);
      assert.ok(!hover!.contents.value.includes(message), `the message is repeated: ${hover!.contents.value.slice(0, 200)}`);
      assert.match(hover!.contents.value, /^\*\*comma-width\*\*/);
      const doc = fs.readFileSync(path.join(REPO_ROOT, 'rules', 'docs', 'comma-width.md'), 'utf8');
      const firstLine = doc.split('\n').find((l) => l.trim() !== '')!;
      assert.ok(hover!.contents.value.includes(firstLine.trim()), 'the rule doc is still in the hover');
    } finally {
      await own.stop();
    }
  });
});
