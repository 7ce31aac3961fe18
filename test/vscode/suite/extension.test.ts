/**
 * Integration tests in a real VS Code (or code-server) extension host. They wait for the
 * language server by polling with a timeout, never by fixed sleeps, and work on fresh copies of
 * the seed speech so a saved fix never changes the fixture.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import * as vscode from 'vscode';

const EXTENSION_ID = 'gongwen-lint.gongwen-lint';
const WAIT_MS = 60000;

interface Api {
  readonly statusText: string;
}

async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = WAIT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v !== undefined && v !== false) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (typeof c === 'string' || typeof c === 'number') return String(c);
  return c ? String(c.value) : undefined;
}

function gongwenDiagnostics(uri: vscode.Uri, rule?: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'gongwen' && (rule === undefined || codeOf(d) === rule));
}

/** What a failed fix-on-save left to look at: the setting, what the provider offers now, the document. */
async function fixAllEvidence(uri: vscode.Uri): Promise<string> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const setting = JSON.stringify(vscode.workspace.getConfiguration('editor', uri).get('codeActionsOnSave'));
  let offered: string;
  try {
    const full = new vscode.Range(0, 0, doc.lineCount, 0);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, full, 'source.fixAll.gongwen', 1);
    offered = `${actions.length} source.fixAll.gongwen action(s) offered now${actions[0] ? ` ("${actions[0].title}", ${actions[0].edit?.get(uri).length ?? 0} edits)` : ''}`;
  } catch (err) {
    offered = `asking for the action failed: ${String(err)}`;
  }
  return `codeActionsOnSave ${setting}; ${offered}; document version ${doc.version}, dirty ${doc.isDirty}`;
}

/** Half-width commas between Chinese text, counted independently of the rule's implementation. */
function chineseContextCommas(text: string): number {
  const han = /[\u3400-\u9fff\uff0c\u3002\u3001\uff1b\uff1a\uff01\uff1f\u201c\u201d\uff08\uff09\u300a\u300b]/u;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== ',') continue;
    let a = i - 1;
    while (a >= 0 && text[a] === ' ') a--;
    let b = i + 1;
    while (b < text.length && text[b] === ' ') b++;
    if ((a >= 0 && han.test(text[a])) || (b < text.length && han.test(text[b]))) n++;
  }
  return n;
}

describe('gongwen-lint VS Code extension', function () {
  this.timeout(180000);
  // A real workbench in a browser has timing that a test cannot fully pin down (two CI runs each
  // lost a different test once, neither reproduced here in 21 runs, 18 of them with 2–4 busy loops on the 2 cores). One retry per
  // test, never silent: index.ts records the failed attempt's error and run-suite.mjs prints it as
  // RETRY, with the extension's log. A test that fails twice fails the layer.
  this.retries(1);
  let api: Api;
  let seed: string;
  let scratch: string;
  let target: vscode.ConfigurationTarget;
  let counter = 0;

  async function freshCopy(name = 'speech'): Promise<{ uri: vscode.Uri; doc: vscode.TextDocument; editor: vscode.TextEditor }> {
    const file = path.join(scratch, `${name}-${++counter}.txt`);
    fs.writeFileSync(file, seed, 'utf8');
    const uri = vscode.Uri.file(file);
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    assert.equal(doc.languageId, 'plaintext');
    return { uri, doc, editor };
  }

  async function setSetting(section: string, key: string, value: unknown): Promise<void> {
    await vscode.workspace.getConfiguration(section).update(key, value, target);
  }

  before(async () => {
    const ext = vscode.extensions.getExtension<Api>(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not installed in this host`);
    seed = fs.readFileSync(path.join(ext.extensionPath, 'test', 'fixtures', 'speech.txt'), 'utf8');
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (folder && folder.uri.scheme === 'file') {
      scratch = fs.mkdtempSync(path.join(folder.uri.fsPath, 'gongwen-it-'));
      target = vscode.ConfigurationTarget.Workspace;
    } else {
      scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-it-'));
      target = vscode.ConfigurationTarget.Global;
    }
    api = await ext.activate();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  after(async () => {
    for (const [section, key] of [['gongwen', 'rules'], ['editor', 'codeActionsOnSave']] as const) {
      try {
        await setSetting(section, key, undefined);
      } catch {
        // best effort
      }
    }
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  it('shows squiggles on the seed speech: every half-width comma in Chinese text, with code and docs link', async () => {
    const { uri, doc } = await freshCopy();
    const expected = chineseContextCommas(seed);
    assert.ok(expected > 50, `fixture should have many half-width commas, found ${expected}`);
    const commas = await waitFor('comma-width diagnostics on the seed speech', () => {
      const ds = gongwenDiagnostics(uri, 'comma-width');
      return ds.length === expected ? ds : undefined;
    });
    for (const d of commas) {
      assert.equal(doc.getText(d.range), ',', `diagnostic range ${JSON.stringify(d.range)} should cover one half-width comma`);
      assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
      assert.match(d.message, /，/);
      const code = d.code as { value: string; target: vscode.Uri };
      assert.equal(typeof code, 'object', 'code should carry a documentation link');
      assert.match(code.target.toString(), /rules\/docs\/comma-width\.md$/);
    }
    // Placeholders (XX) in the speech are reported by another rule: the file is checked as a whole.
    assert.ok(gongwenDiagnostics(uri).length > commas.length);
    // The status bar shows the number of problems in this file. At cold start the server first
    // publishes what the rules without the segmenter find, then the full result (more problems,
    // e.g. 的/地/得): compare with the count published at the moment of each look, and only once the
    // item has stopped spinning, so a count read between the two publishes cannot stall the wait.
    let seen = '';
    const shown = await waitFor('the status bar to show the problem count', () => {
      const text = api.statusText;
      const published = gongwenDiagnostics(uri).length;
      seen = `status bar "${text}", ${published} diagnostics published`;
      if (text.includes('~spin')) return undefined;
      const m = /(\d+)\s*$/.exec(text);
      return m && Number(m[1]) === published ? text : undefined;
    }).catch((err: Error) => {
      throw new Error(`${err.message}; last seen: ${seen}`);
    });
    assert.match(shown, /\$\(warning\)/, `status bar: ${shown}`);
  });

  it('applies the preferred quick fix of one diagnostic', async () => {
    const { uri, doc } = await freshCopy();
    const before = await waitFor('comma-width diagnostics', () => {
      const ds = gongwenDiagnostics(uri, 'comma-width');
      return ds.length > 0 ? ds : undefined;
    });
    const target0 = before[0];
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, target0.range, vscode.CodeActionKind.QuickFix.value, 50);
    const describe = (a: vscode.CodeAction) =>
      `${a.title} [kind=${a.kind?.value} preferred=${a.isPreferred} diagnostics=${JSON.stringify(a.diagnostics?.map((d) => [codeOf(d), d.range.start.line, d.range.start.character, d.range.end.character]))}]`;
    const fix = actions.find((a) => a.isPreferred && a.kind?.value === 'quickfix');
    assert.ok(fix, `no preferred quick fix among: ${actions.map(describe).join(' | ')}`);
    assert.ok(fix.edit, 'the quick fix should carry an edit');
    // (vscode.executeCodeActionProvider does not return CodeAction.diagnostics: check the edit itself.)
    const edits = fix.edit.get(uri);
    assert.equal(edits.length, 1, `one edit expected: ${describe(fix)}`);
    assert.ok(edits[0].range.isEqual(target0.range), `the preferred fix edits ${JSON.stringify(edits[0].range)}, not the diagnostic at ${JSON.stringify(target0.range)}`);
    assert.equal(edits[0].newText, '，');
    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'applyEdit refused the quick fix');
    if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
    assert.equal(doc.getText(target0.range), '，');
    await waitFor('one comma-width diagnostic fewer', () => gongwenDiagnostics(uri, 'comma-width').length === before.length - 1 || undefined);
    // Other actions are offered too: show the rule doc and disable for this line.
    assert.ok(actions.some((a) => a.title.includes('查看规则说明')), 'show-doc action');
    assert.ok(actions.some((a) => a.title.includes('禁用')), 'disable-for-line action');
  });

  it('fixes all auto-fixable problems on save (editor.codeActionsOnSave: source.fixAll.gongwen)', async () => {
    const onSave = { 'source.fixAll.gongwen': 'explicit' };
    await setSetting('editor', 'codeActionsOnSave', onSave);
    try {
      const { uri, doc, editor } = await freshCopy();
      await waitFor('editor.codeActionsOnSave to apply to the file', () => isDeepStrictEqual(vscode.workspace.getConfiguration('editor', uri).get('codeActionsOnSave'), onSave) || undefined);
      const initial = await waitFor('comma-width diagnostics', () => {
        const n = gongwenDiagnostics(uri, 'comma-width').length;
        return n > 0 ? n : undefined;
      });
      // A real edit so that the save is not a no-op. A writer types, then saves: wait until the
      // server has checked the typed text (one half-width comma more) before saving.
      await editor.edit((b) => b.insert(new vscode.Position(doc.lineCount, 0), '\n本段为测试,请忽略。'));
      assert.ok(doc.isDirty);
      await waitFor('the typed comma to be reported', () => gongwenDiagnostics(uri, 'comma-width').length === initial + 1 || undefined);
      await vscode.commands.executeCommand('workbench.action.files.save');
      await waitFor('the document to be saved', () => !doc.isDirty || undefined);
      const onDisk = fs.readFileSync(uri.fsPath, 'utf8');
      assert.equal(onDisk, doc.getText(), 'saved file differs from the editor');
      const left = chineseContextCommas(onDisk);
      if (left !== 0) assert.fail(`${left} half-width commas in Chinese text remain after fix-all on save; ${await fixAllEvidence(uri)}`);
      assert.ok(onDisk.includes('本段为测试，请忽略。'));
      await waitFor('no fixable comma-width diagnostics after save', () => gongwenDiagnostics(uri, 'comma-width').length === 0 || undefined);
    } finally {
      await setSetting('editor', 'codeActionsOnSave', undefined);
    }
  });

  it('fixes all problems in the file with the "fix all" command', async () => {
    const { uri, doc } = await freshCopy();
    await waitFor('comma-width diagnostics', () => gongwenDiagnostics(uri, 'comma-width').length > 0 || undefined);
    await vscode.commands.executeCommand('gongwen.fixAllInFile');
    await waitFor('the fix-all edit to be applied', () => chineseContextCommas(doc.getText()) === 0 || undefined);
    await waitFor('comma-width diagnostics to clear', () => gongwenDiagnostics(uri, 'comma-width').length === 0 || undefined);
  });

  it('turns comma-width off through the gongwen.rules setting, and back on', async () => {
    const { uri } = await freshCopy();
    const initial = await waitFor('comma-width diagnostics', () => {
      const n = gongwenDiagnostics(uri, 'comma-width').length;
      return n > 0 ? n : undefined;
    });
    await setSetting('gongwen', 'rules', { 'comma-width': 'off' });
    try {
      await waitFor('comma-width diagnostics to disappear', () => gongwenDiagnostics(uri, 'comma-width').length === 0 || undefined);
      assert.ok(gongwenDiagnostics(uri).length > 0, 'the other rules should still report');
    } finally {
      await setSetting('gongwen', 'rules', undefined);
    }
    await waitFor('comma-width diagnostics to come back', () => gongwenDiagnostics(uri, 'comma-width').length === initial || undefined);
  });

  it('shows the rule documentation and the message on hover over a diagnostic', async () => {
    const { uri } = await freshCopy();
    const [d] = await waitFor('a comma-width diagnostic', () => {
      const ds = gongwenDiagnostics(uri, 'comma-width');
      return ds.length > 0 ? ds : undefined;
    });
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, d.range.start);
    const text = hovers
      .flatMap((h) => h.contents)
      .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
      .join('\n');
    assert.match(text, /comma-width/, `hover should name the rule: ${text.slice(0, 300)}`);
    assert.match(text, /GB\/T 15834/, 'hover should give the basis from the rule doc');
  });

  it('checks every document of the workspace folder, open or not', async function () {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder || folder.uri.scheme !== 'file') this.skip();
    const file = path.join(scratch, `unopened-${++counter}.txt`);
    fs.writeFileSync(file, '推进改革,促进发展。\n', 'utf8');
    const result = await vscode.commands.executeCommand<{ files: number; problems: number } | undefined>('gongwen.checkWorkspace');
    assert.ok(result, 'the command should return the result');
    assert.ok(result.files >= 1 && result.problems >= 1, `unexpected result ${JSON.stringify(result)}`);
    await waitFor('diagnostics for a file that was never opened', () => gongwenDiagnostics(vscode.Uri.file(file), 'comma-width').length === 1 || undefined);
  });

  it('lists the rules in a quick pick and opens the chosen rule doc', async () => {
    const tabLabels = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => t.label));
    const before = new Set(tabLabels());
    const shown = vscode.commands.executeCommand('gongwen.listRules');
    // Accept the first rule as soon as the quick pick is open; the doc opens as a Markdown preview
    // (or as a text editor when the preview is not available).
    const opened = await waitFor('a rule doc to open from the quick pick', async () => {
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      return tabLabels().find((l) => !before.has(l) && /\.md/.test(l));
    });
    await shown;
    assert.match(opened, /[a-z0-9-]+\.md/);
  });

  it('activates for the gongwen language (.gw) and checks it', async () => {
    const file = path.join(scratch, `notice-${++counter}.gw`);
    fs.writeFileSync(file, '各有关单位：\n一、总体要求\n推进改革,促进发展。\n', 'utf8');
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    await vscode.window.showTextDocument(doc);
    assert.equal(doc.languageId, 'gongwen');
    await waitFor('a comma-width diagnostic in the .gw file', () => gongwenDiagnostics(doc.uri, 'comma-width').length === 1 || undefined);
  });
});
