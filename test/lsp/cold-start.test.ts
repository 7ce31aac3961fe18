import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { CodeAction, Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { TestClient, REPO_ROOT, assertBundleBuilt, byRule } from './helpers/client';

const SPEECH = fs.readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'speech.txt'), 'utf8');

const key = (d: Diagnostic) => JSON.stringify([d.code, d.range, d.message, d.severity]);

/**
 * Cold start (issue 7): while the word segmenter's dictionary loads, the server first publishes
 * what the other rules find, then the full result for the same version.
 */
describe('LSP: cold start publishes the segmenter-free rules first, then the full result', function () {
  this.timeout(60000);
  let client: TestClient;
  before(async () => {
    assertBundleBuilt();
    client = await TestClient.start();
  });
  after(async () => {
    await client?.stop();
  });

  const publishesOf = (uri: string): PublishDiagnosticsParams[] => client.diagnostics.filter((p) => p.uri === uri);
  const idle = (uri: string) => client.statuses.some((s) => s.uri === uri && s.state === 'idle');

  it('two publishes for the first document, same version; the second is the full result; code actions use it', async () => {
    const uri = 'file:///tmp/gongwen-lsp-cold/speech.txt';
    await client.open(uri, SPEECH, 'plaintext', 3);
    await client.until(() => idle(uri), 20000, 'first check finished');
    const pubs = publishesOf(uri);
    assert.strictEqual(pubs.length, 2, `publishes: ${pubs.map((p) => p.diagnostics.length).join(', ')}`);
    const [early, full] = pubs;
    assert.strictEqual(early.version, 3);
    assert.strictEqual(full.version, 3);
    assert.strictEqual(byRule(early.diagnostics, 'de-di-de').length, 0, 'the first publish runs without the segmenter');
    assert.ok(byRule(full.diagnostics, 'de-di-de').length > 0, 'the full publish has the segmenter rule');
    assert.ok(byRule(early.diagnostics, 'comma-width').length > 0, 'the first publish already has the other rules');
    // Everything but de-di-de is the same in both.
    const noSeg = (ds: Diagnostic[]) => ds.filter((d) => d.code !== 'de-di-de').map(key);
    assert.deepStrictEqual(noSeg(early.diagnostics), noSeg(full.diagnostics));
    // The segmenter was announced between the two.
    assert.ok(client.statuses.some((s) => s.uri === uri && s.state === 'loadingSegmenter'));

    // A quick fix for the de-di-de problem: code actions work from the full result.
    const d = byRule(full.diagnostics, 'de-di-de')[0];
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] } });
    assert.ok(actions.some((a) => (a.diagnostics ?? []).some((x) => x.code === 'de-di-de')), JSON.stringify(actions.map((a) => a.title)));
  });

  it('the full result equals that of the same text opened once the segmenter is loaded (one publish)', async () => {
    const uri = 'file:///tmp/gongwen-lsp-cold/speech-again.txt';
    await client.open(uri, SPEECH, 'plaintext', 1);
    await client.until(() => idle(uri), 20000, 'check finished');
    const pubs = publishesOf(uri);
    assert.strictEqual(pubs.length, 1);
    const first = publishesOf('file:///tmp/gongwen-lsp-cold/speech.txt')[1];
    assert.deepStrictEqual(pubs[0].diagnostics.map(key), first.diagnostics.map(key));
  });

  it('a text without 的/地/得 is published once even at cold start', async () => {
    const fresh = await TestClient.start();
    try {
      const uri = 'file:///tmp/gongwen-lsp-cold/plain.txt';
      await fresh.open(uri, '甲方,乙方');
      await fresh.until(() => fresh.statuses.some((s) => s.uri === uri && s.state === 'idle'), 20000, 'check finished');
      assert.strictEqual(fresh.diagnostics.filter((p) => p.uri === uri).length, 1);
    } finally {
      await fresh.stop();
    }
  });

  it('an edit during the cold start: no publish of the old version after the new one', async () => {
    const fresh = await TestClient.start();
    try {
      const uri = 'file:///tmp/gongwen-lsp-cold/edited.txt';
      await fresh.open(uri, SPEECH, 'plaintext', 1);
      await fresh.waitForDiagnostics(uri);
      const edited = SPEECH.replace(',', '，');
      await fresh.replace(uri, 2, SPEECH, edited);
      await fresh.waitForDiagnostics(uri, (p) => p.version === 2);
      await new Promise((r) => setTimeout(r, 500));
      const versions = fresh.diagnostics.filter((p) => p.uri === uri).map((p) => p.version ?? 0);
      const firstV2 = versions.indexOf(2);
      assert.ok(versions.slice(firstV2).every((v) => v === 2), versions.join(','));
      const last = fresh.diagnostics.filter((p) => p.uri === uri).pop()!;
      assert.ok(byRule(last.diagnostics, 'de-di-de').length > 0, 'the last publish is a full one');
    } finally {
      await fresh.stop();
    }
  });
});

describe('LSP: cold start and disable comments (unused-disable-directive)', function () {
  this.timeout(60000);
  let client: TestClient;
  before(async () => {
    assertBundleBuilt();
    client = await TestClient.start();
  });
  after(async () => {
    await client?.stop();
  });

  it('the first publish, made without the segmenter rule, does not call a comment for that rule unused', async () => {
    const uri = 'file:///tmp/gongwen-lsp-cold-directive/a.txt';
    const text = '<!-- gongwen-disable-next-line de-di-de -->\n我们要坚定不移的推进改革。\n<!-- gongwen-disable-next-line coma-width -->\n推进改革。\n';
    await client.open(uri, text, 'plaintext', 1);
    await client.until(() => client.statuses.some((s) => s.uri === uri && s.state === 'idle'), 20000, 'first check finished');
    const pubs = client.diagnostics.filter((p) => p.uri === uri);
    assert.strictEqual(pubs.length, 2, 'a cold start publishes twice');
    const unused = pubs.map((p) => byRule(p.diagnostics, 'unused-disable-directive').map((d) => d.range.start.line));
    // The typo on line 3 is judged only in the full result; the de-di-de comment never is.
    assert.deepStrictEqual(unused, [[], [2]]);
    assert.strictEqual(byRule(pubs[1].diagnostics, 'de-di-de').length, 0, 'the comment suppressed the de-di-de finding');
  });
});
