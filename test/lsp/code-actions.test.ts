import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { CodeAction, Diagnostic, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { TestClient, REPO_ROOT, MINIMAL_CAPABILITIES, applyLspEdits, assertBundleBuilt, byRule, fileUri } from './helpers/client';
import { fixText } from '../../rules/engine/runner';
import { allRules } from '../../rules/registry';

const ENV = { GONGWEN_TEST_THROWING_RULE: '1' };

function docEdit(action: CodeAction): TextDocumentEdit {
  const changes = action.edit?.documentChanges;
  assert.ok(changes && changes.length === 1, `one versioned document edit expected: ${JSON.stringify(action)}`);
  return changes[0] as TextDocumentEdit;
}

async function actionsFor(client: TestClient, uri: string, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
  const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, only } });
}

describe('LSP: code actions (bundled server over stdio)', function () {
  this.timeout(60000);
  let client: TestClient;
  let dir: string;
  let n = 0;
  const newUri = (ext = '.txt') => fileUri(path.join(dir, `doc${++n}${ext}`));

  before(async () => {
    assertBundleBuilt();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-lsp-ca-'));
    client = await TestClient.start({ env: ENV, rootPath: dir });
  });
  after(async () => {
    await client?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('quick fix for one diagnostic: preferred, versioned, replaces the comma', async () => {
    const uri = newUri();
    const text = '甲,乙';
    await client.open(uri, text, 'plaintext', 3);
    const [d] = byRule((await client.waitForDiagnostics(uri)).diagnostics, 'comma-width');
    const actions = await actionsFor(client, uri, [d], ['quickfix']);
    const fix = actions.find((a) => a.isPreferred);
    assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
    assert.strictEqual(fix!.kind, 'quickfix');
    assert.match(fix!.title, /将“,”改为“，”/);
    const e = docEdit(fix!);
    assert.deepStrictEqual(e.textDocument, { uri, version: 3 });
    assert.strictEqual(applyLspEdits(text, e.edits as Array<{ range: Diagnostic['range']; newText: string }>), '甲，乙');
    assert.strictEqual(actions.filter((a) => a.isPreferred).length, 1);
    await client.close(uri);
  });

  it('each suggestion is its own action, none preferred', async () => {
    const uri = newUri();
    const text = '前文__gongwen_test_suggest__后文';
    await client.open(uri, text);
    const [d] = byRule((await client.waitForDiagnostics(uri)).diagnostics, 'test-suggestion-rule');
    assert.ok(d);
    const actions = await actionsFor(client, uri, [d]);
    const suggestions = actions.filter((a) => /^改为“[甲乙]”$/.test(a.title));
    assert.deepStrictEqual(suggestions.map((a) => a.title), ['改为“甲”', '改为“乙”']);
    assert.ok(suggestions.every((a) => !a.isPreferred));
    assert.strictEqual(applyLspEdits(text, docEdit(suggestions[1]).edits as never), '前文乙后文');
    assert.ok(!actions.some((a) => a.isPreferred), 'no fix, so nothing preferred');
    await client.close(uri);
  });

  it('"修复本文件中所有 comma-width 问题" resolves to a versioned edit fixing every comma of that rule', async () => {
    const uri = newUri();
    const text = '甲方,乙方,丙方\n丁方,戊方';
    await client.open(uri, text, 'plaintext', 5);
    const diags = byRule((await client.waitForDiagnostics(uri)).diagnostics, 'comma-width');
    assert.strictEqual(diags.length, 3);
    const actions = await actionsFor(client, uri, [diags[0]]);
    const all = actions.find((a) => a.title.startsWith('修复本文件中所有 comma-width 问题'));
    assert.ok(all, JSON.stringify(actions.map((a) => a.title)));
    assert.strictEqual(all!.edit, undefined, 'computed lazily through codeAction/resolve');
    const resolved = await client.request<CodeAction>('codeAction/resolve', all);
    const e = docEdit(resolved);
    assert.deepStrictEqual(e.textDocument, { uri, version: 5 });
    assert.strictEqual(applyLspEdits(text, e.edits as never), '甲方，乙方，丙方\n丁方，戊方');
    await client.close(uri);
  });

  it('source.fixAll.gongwen: offered when something is fixable, versioned, same result as the engine fix; not offered after', async () => {
    const uri = newUri();
    const text = fs.readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'speech.txt'), 'utf8');
    await client.open(uri, text, 'plaintext', 9);
    await client.waitForDiagnostics(uri);
    const actions = await actionsFor(client, uri, [], ['source.fixAll.gongwen']);
    assert.deepStrictEqual(actions.map((a) => [a.title, a.kind]), [['修复所有可自动修复的问题', 'source.fixAll.gongwen']]);
    const resolved = await client.request<CodeAction>('codeAction/resolve', actions[0]);
    const e = docEdit(resolved);
    assert.deepStrictEqual(e.textDocument, { uri, version: 9 });
    const fixed = applyLspEdits(text, e.edits as never);
    assert.strictEqual(fixed, fixText(text, { rules: allRules, format: 'text' }).output);
    assert.ok(!fixed.includes(','), 'every half-width comma fixed');

    // The fixed text has nothing left to fix: the action is not offered.
    await client.replace(uri, 10, text, fixed);
    await client.waitForDiagnostics(uri, (p) => p.version === 10);
    assert.deepStrictEqual(await actionsFor(client, uri, [], ['source.fixAll.gongwen']), []);
    // Asking only for quick fixes never returns the source action.
    assert.ok(!(await actionsFor(client, uri, [], ['quickfix'])).some((a) => a.kind === 'source.fixAll.gongwen'));
    await client.close(uri);
  });

  it('source.fixAll.gongwen asked right after an edit (save while typing) fixes the edited text, not the last checked one', async () => {
    const uri = newUri();
    const text = fs.readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'speech.txt'), 'utf8');
    await client.open(uri, text, 'plaintext', 1);
    await client.waitForDiagnostics(uri);
    const typed = `${text}\n本段为测试,请忽略。`;
    // No wait between the change and the request: the debounced check has not run yet.
    await client.replace(uri, 2, text, typed);
    const actions = await actionsFor(client, uri, [], ['source.fixAll.gongwen']);
    assert.strictEqual(actions.length, 1, JSON.stringify(actions));
    const e = docEdit(await client.request<CodeAction>('codeAction/resolve', actions[0]));
    assert.deepStrictEqual(e.textDocument, { uri, version: 2 });
    const fixed = applyLspEdits(typed, e.edits as never);
    assert.strictEqual(fixed, fixText(typed, { rules: allRules, format: 'text' }).output);
    assert.ok(fixed.endsWith('本段为测试，请忽略。'));
    await client.close(uri);
  });

  it('"在本行禁用" inserts a disable-next-line comment above, keeping the indentation, and the finding goes away', async () => {
    const uri = newUri();
    const text = '标题\r\n\u3000\u3000正文,内容\r\n';
    await client.open(uri, text);
    const [d] = byRule((await client.waitForDiagnostics(uri)).diagnostics, 'comma-width');
    const actions = await actionsFor(client, uri, [d]);
    const disable = actions.find((a) => a.title === '在本行禁用 comma-width');
    assert.ok(disable);
    const e = docEdit(disable!);
    const after = applyLspEdits(text, e.edits as never);
    assert.strictEqual(after, '标题\r\n\u3000\u3000<!-- gongwen-disable-next-line comma-width -->\r\n\u3000\u3000正文,内容\r\n');
    await client.replace(uri, 2, text, after);
    const p = await client.waitForDiagnostics(uri, (x) => x.version === 2);
    assert.strictEqual(byRule(p.diagnostics, 'comma-width').length, 0);
    await client.close(uri);
  });

  it('"在本行禁用" adds the rule to an existing disable-next-line comment', async () => {
    const uri = newUri();
    const text = '<!-- gongwen-disable-next-line test-suggestion-rule -->\n正文,内容__gongwen_test_suggest__\n';
    await client.open(uri, text);
    const [d] = byRule((await client.waitForDiagnostics(uri)).diagnostics, 'comma-width');
    const disable = (await actionsFor(client, uri, [d])).find((a) => a.title === '在本行禁用 comma-width');
    assert.strictEqual(applyLspEdits(text, docEdit(disable!).edits as never), '<!-- gongwen-disable-next-line test-suggestion-rule, comma-width -->\n正文,内容__gongwen_test_suggest__\n');
    await client.close(uri);
  });

  it('"在本行禁用" inside a Markdown paragraph appends a disable-line comment instead of splitting the paragraph', async () => {
    const uri = newUri('.md');
    const text = '第一行文字\n第二行,文字\n';
    await client.open(uri, text, 'markdown');
    const [d] = byRule((await client.waitForDiagnostics(uri)).diagnostics, 'comma-width');
    const disable = (await actionsFor(client, uri, [d])).find((a) => a.title === '在本行禁用 comma-width');
    const after = applyLspEdits(text, docEdit(disable!).edits as never);
    assert.strictEqual(after, '第一行文字\n第二行,文字 <!-- gongwen-disable-line comma-width -->\n');
    await client.replace(uri, 2, text, after);
    const p = await client.waitForDiagnostics(uri, (x) => x.version === 2);
    assert.strictEqual(byRule(p.diagnostics, 'comma-width').length, 0);
    await client.close(uri);
  });

  it('"在本文件中禁用" puts a disable-file comment on the first line, and every finding of that rule goes away', async () => {
    const uri = newUri();
    const text = '标题\r\n正文,内容,还有\r\n';
    await client.open(uri, text);
    const ds = byRule((await client.waitForDiagnostics(uri)).diagnostics, 'comma-width');
    assert.strictEqual(ds.length, 2);
    const disable = (await actionsFor(client, uri, [ds[1]])).find((a) => a.title === '在本文件中禁用 comma-width');
    assert.ok(disable);
    const after = applyLspEdits(text, docEdit(disable!).edits as never);
    assert.strictEqual(after, '<!-- gongwen-disable-file comma-width -->\r\n标题\r\n正文,内容,还有\r\n');
    await client.replace(uri, 2, text, after);
    const p = await client.waitForDiagnostics(uri, (x) => x.version === 2);
    assert.strictEqual(byRule(p.diagnostics, 'comma-width').length, 0);
    await client.close(uri);
  });

  it('"在本文件中禁用" adds the rule to an existing disable-file line, and goes after Markdown front matter', async () => {
    const uri = newUri('.md');
    const text = '---\ntitle: 通知\n---\n<!-- gongwen-disable-file test-suggestion-rule -- 引用原文 -->\n正文,内容\n';
    await client.open(uri, text, 'markdown');
    const [d] = byRule((await client.waitForDiagnostics(uri)).diagnostics, 'comma-width');
    const disable = (await actionsFor(client, uri, [d])).find((a) => a.title === '在本文件中禁用 comma-width');
    assert.strictEqual(
      applyLspEdits(text, docEdit(disable!).edits as never),
      '---\ntitle: 通知\n---\n<!-- gongwen-disable-file test-suggestion-rule, comma-width -- 引用原文 -->\n正文,内容\n',
    );
    await client.close(uri);
    const fresh = newUri('.md');
    const plain = '---\ntitle: 通知\n---\n正文,内容\n';
    await client.open(fresh, plain, 'markdown');
    const [d2] = byRule((await client.waitForDiagnostics(fresh)).diagnostics, 'comma-width');
    const add = (await actionsFor(client, fresh, [d2])).find((a) => a.title === '在本文件中禁用 comma-width');
    assert.strictEqual(applyLspEdits(plain, docEdit(add!).edits as never), '---\ntitle: 通知\n---\n<!-- gongwen-disable-file comma-width -->\n正文,内容\n');
    await client.close(fresh);
  });

  it('"查看规则说明" runs gongwen.showRuleDoc, which opens the shipped doc through window/showDocument', async () => {
    const uri = newUri();
    await client.open(uri, '甲,乙');
    const [d] = byRule((await client.waitForDiagnostics(uri)).diagnostics, 'comma-width');
    const show = (await actionsFor(client, uri, [d])).find((a) => a.title === '查看规则说明 comma-width');
    assert.deepStrictEqual(show?.command, { title: '查看规则说明 comma-width', command: 'gongwen.showRuleDoc', arguments: ['comma-width'] });
    const before = client.showDocuments.length;
    await client.request('workspace/executeCommand', { command: show!.command!.command, arguments: show!.command!.arguments });
    const opened = client.showDocuments.slice(before);
    assert.strictEqual(opened.length, 1);
    assert.strictEqual(opened[0].uri, fileUri(path.join(REPO_ROOT, 'rules', 'docs', 'comma-width.md')));
    await assert.rejects(client.request('workspace/executeCommand', { command: 'gongwen.showRuleDoc', arguments: ['no-such-rule'] }), /未知规则/);
    await client.close(uri);
  });

  it('gongwen.fixAll [uri] applies all fixes through workspace/applyEdit with the document version', async () => {
    const uri = newUri();
    const text = '甲,乙,丙';
    await client.open(uri, text, 'plaintext', 4);
    await client.waitForDiagnostics(uri);
    const before = client.applyEdits.length;
    const r = await client.request<{ applied: boolean }>('workspace/executeCommand', { command: 'gongwen.fixAll', arguments: [uri] });
    assert.strictEqual(r.applied, true);
    const [req] = client.applyEdits.slice(before) as Array<{ edit: { documentChanges: TextDocumentEdit[] } }>;
    const e = req.edit.documentChanges[0];
    assert.deepStrictEqual(e.textDocument, { uri, version: 4 });
    assert.strictEqual(applyLspEdits(text, e.edits as never), '甲，乙，丙');
    await client.close(uri);
  });

  it('a diagnostic older than the text still gets a fix built against the current version', async () => {
    const uri = newUri();
    await client.open(uri, '甲,乙', 'plaintext', 1);
    const [old] = byRule((await client.waitForDiagnostics(uri)).diagnostics, 'comma-width');
    // Text changes before the client asks; the comma is still at the same place.
    await client.replace(uri, 2, '甲,乙', '甲,乙丙');
    const fix = (await actionsFor(client, uri, [old])).find((a) => a.isPreferred);
    assert.ok(fix);
    assert.deepStrictEqual(docEdit(fix!).textDocument, { uri, version: 2 });
    await client.close(uri);
  });
});

describe('LSP: code actions for a client without codeAction/resolve', function () {
  this.timeout(60000);
  let client: TestClient;
  before(async () => {
    assertBundleBuilt();
    client = await TestClient.start({ capabilities: MINIMAL_CAPABILITIES });
  });
  after(async () => {
    await client?.stop();
  });

  it('fix-all actions carry their edit directly', async () => {
    const uri = 'file:///tmp/gongwen-lsp-minimal/a.txt';
    const text = '甲,乙,丙';
    await client.open(uri, text);
    const p = await client.waitForDiagnostics(uri);
    assert.strictEqual(p.version, 1);
    const actions = await actionsFor(client, uri, [], ['source.fixAll.gongwen']);
    assert.strictEqual(actions.length, 1);
    assert.strictEqual(applyLspEdits(text, docEdit(actions[0]).edits as never), '甲，乙，丙');
    await client.close(uri);
  });
});
