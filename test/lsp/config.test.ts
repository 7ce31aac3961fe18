import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TestClient, MINIMAL_CAPABILITIES, assertBundleBuilt, byRule, fileUri } from './helpers/client';

function tmpDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Bumps a file's mtime so that a rewrite within the same millisecond still counts as a change. */
function writeConfig(file: string, content: object | string): void {
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  const t = new Date(Date.now() + Math.floor(Math.random() * 100000));
  fs.utimesSync(file, t, t);
}

describe('LSP: settings and config files (capable client)', function () {
  this.timeout(60000);
  let client: TestClient;
  let dir: string;
  let rc: string;
  let uri: string;
  const TEXT = '甲方,乙方';

  before(async () => {
    assertBundleBuilt();
    dir = tmpDir('gongwen-lsp-cfg-');
    rc = path.join(dir, '.gongwenrc.json');
    writeConfig(rc, { rules: { 'comma-width': 'error' } });
    client = await TestClient.start({ rootPath: dir, settings: { '*': {} } });
    uri = fileUri(path.join(dir, 'doc.txt'));
    await client.open(uri, TEXT);
    await client.waitForDiagnostics(uri);
  });
  after(async () => {
    await client?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const commaSeverity = async (from: number): Promise<number | undefined> => {
    const p = await client.waitForDiagnostics(uri, () => true, 15000, from);
    const [d] = byRule(p.diagnostics, 'comma-width');
    return d?.severity;
  };

  it('the config file applies: comma-width at error', () => {
    const [d] = byRule(client.latest(uri)!.diagnostics, 'comma-width');
    assert.strictEqual(d.severity, 1);
  });

  it('a setting overrides the config file for that rule only, and re-publishes on didChangeConfiguration', async () => {
    client.settings = { '*': { rules: { 'comma-width': 'info' } } };
    let from = client.diagnostics.length;
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    assert.strictEqual(await commaSeverity(from), 3);

    client.settings = { '*': { rules: { 'comma-width': 'off' } } };
    from = client.diagnostics.length;
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    assert.strictEqual(await commaSeverity(from), undefined);

    // Settings without the rule: the config file's level is back.
    client.settings = { '*': { rules: {} } };
    from = client.diagnostics.length;
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    assert.strictEqual(await commaSeverity(from), 1);
  });

  it('gongwen.enable=false clears the diagnostics', async () => {
    client.settings = { '*': { enable: false } };
    const from = client.diagnostics.length;
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    const p = await client.waitForDiagnostics(uri, () => true, 15000, from);
    assert.deepStrictEqual(p.diagnostics, []);
    client.settings = { '*': {} };
    const from2 = client.diagnostics.length;
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    assert.strictEqual(await commaSeverity(from2), 1);
  });

  it('a config file change applies without restart (didChangeWatchedFiles)', async () => {
    writeConfig(rc, { rules: { 'comma-width': 'off' } });
    const from = client.diagnostics.length;
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(rc), type: 2 }] });
    assert.strictEqual(await commaSeverity(from), undefined);
  });

  it('config problems become diagnostics on the config file (and one message), cleared when fixed', async () => {
    writeConfig(rc, { rules: { 'coma-width': 'warn', 'comma-width': 'warn' } });
    const rcUri = fileUri(rc);
    const from = client.diagnostics.length;
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: rcUri, type: 2 }] });
    const p = await client.waitForDiagnostics(rcUri, (x) => x.diagnostics.length > 0, 15000, from);
    assert.strictEqual(p.diagnostics.length, 1);
    assert.match(String(p.diagnostics[0].message), /未知规则“coma-width”.*comma-width/);
    assert.strictEqual(p.diagnostics[0].range.start.line, 0);
    // The valid part still applies.
    assert.strictEqual(await commaSeverity(from), 2);
    const msg = await client.waitForMessage((m) => m.message.includes('coma-width'));
    assert.strictEqual(msg.type, 2);

    // Re-checking the document again does not repeat the message or the config diagnostics.
    const from2 = client.diagnostics.length;
    await client.replace(uri, 2, TEXT, TEXT + '。');
    await client.waitForDiagnostics(uri, (x) => x.version === 2, 15000, from2);
    assert.strictEqual(client.messages.filter((m) => m.message.includes('coma-width')).length, 1);
    assert.ok(!client.diagnostics.slice(from2).some((x) => x.uri === rcUri));

    writeConfig(rc, { rules: { 'comma-width': 'warn' } });
    const from3 = client.diagnostics.length;
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: rcUri, type: 2 }] });
    const cleared = await client.waitForDiagnostics(rcUri, () => true, 15000, from3);
    assert.deepStrictEqual(cleared.diagnostics, []);
  });

  it('a changed dictionary file is re-read (didChangeWatchedFiles) and its problems shown on it', async () => {
    const words = path.join(dir, 'words.yaml');
    fs.writeFileSync(words, '- 不是对象\n');
    writeConfig(rc, { rules: { 'comma-width': 'warn' }, dictionaries: ['words.yaml'] });
    const wordsUri = fileUri(words);
    let from = client.diagnostics.length;
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(rc), type: 2 }] });
    const bad = await client.waitForDiagnostics(wordsUri, (x) => x.diagnostics.length > 0, 15000, from);
    assert.match(String(bad.diagnostics[0].message), /词典/);
    writeConfig(words, 'entries: []\n');
    from = client.diagnostics.length;
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: wordsUri, type: 2 }] });
    const fixed = await client.waitForDiagnostics(wordsUri, () => true, 15000, from);
    assert.deepStrictEqual(fixed.diagnostics, []);
    writeConfig(rc, { rules: { 'comma-width': 'warn' } });
    from = client.diagnostics.length;
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(rc), type: 2 }] });
    await client.waitForDiagnostics(uri, () => true, 15000, from);
  });

  it('bad setting values fall back to defaults with one warning', async () => {
    client.settings = { '*': { run: 'sometimes', rules: { 'comma-width': 'loud' } } };
    const from = client.diagnostics.length;
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    assert.strictEqual(await commaSeverity(from), 2, 'invalid level ignored, config file level kept');
    await client.waitForMessage((m) => m.message.includes('gongwen.run'));
    await client.waitForMessage((m) => m.message.includes('comma-width') && m.message.includes('loud'));
    client.settings = { '*': {} };
  });

  it('gongwen.run=onSave: edits are not checked until the document is saved', async () => {
    client.settings = { '*': { run: 'onSave' } };
    let from = client.diagnostics.length;
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    await client.waitForDiagnostics(uri, () => true, 15000, from);
    from = client.diagnostics.length;
    await client.replace(uri, 3, TEXT + '。', '丙方,丁方,戊方');
    await new Promise((r) => setTimeout(r, 700));
    assert.ok(!client.diagnostics.slice(from).some((x) => x.uri === uri), 'no check while typing');
    await client.notify('textDocument/didSave', { textDocument: { uri } });
    const p = await client.waitForDiagnostics(uri, () => true, 15000, from);
    assert.strictEqual(p.version, 3);
    assert.strictEqual(byRule(p.diagnostics, 'comma-width').length, 2);
    client.settings = { '*': {} };
    await client.notify('workspace/didChangeConfiguration', { settings: null });
  });

  it('files over gongwen.maxFileSize are skipped with one notice', async () => {
    client.settings = { '*': { maxFileSize: 10 } };
    const big = fileUri(path.join(dir, 'big.txt'));
    const text = '很长的文档,超过了十个字符的限制';
    await client.open(big, text);
    const p = await client.waitForDiagnostics(big);
    assert.deepStrictEqual(p.diagnostics, []);
    await client.waitForMessage((m) => m.message.includes('gongwen.maxFileSize'));
    const from = client.diagnostics.length;
    await client.replace(big, 2, text, text + '又加了字');
    await client.waitForDiagnostics(big, (x) => x.version === 2, 15000, from);
    assert.strictEqual(client.messages.filter((m) => m.message.includes('gongwen.maxFileSize')).length, 1);
    await client.close(big);
    client.settings = { '*': {} };
  });
});

describe('LSP: config freshness for a client that cannot watch files', function () {
  this.timeout(60000);
  let client: TestClient;
  let dir: string;

  before(async () => {
    assertBundleBuilt();
    dir = tmpDir('gongwen-lsp-nowatch-');
    client = await TestClient.start({ rootPath: dir, capabilities: MINIMAL_CAPABILITIES });
  });
  after(async () => {
    await client?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('never registers watchers, and picks up a new, changed or deleted config file on the next check', async () => {
    assert.deepStrictEqual(client.registrations, []);
    const uri = fileUri(path.join(dir, 'a.txt'));
    await client.open(uri, '甲方,乙方');
    let p = await client.waitForDiagnostics(uri);
    assert.strictEqual(byRule(p.diagnostics, 'comma-width')[0].severity, 2);

    const rc = path.join(dir, '.gongwenrc.yaml');
    writeConfig(rc, 'rules:\n  comma-width: error\n');
    await new Promise((r) => setTimeout(r, 1100)); // the rescan interval for added files
    let from = client.diagnostics.length;
    await client.replace(uri, 2, '甲方,乙方', '甲方,乙方,丙方');
    p = await client.waitForDiagnostics(uri, (x) => x.version === 2, 15000, from);
    assert.strictEqual(byRule(p.diagnostics, 'comma-width')[0].severity, 1, 'new config file found');

    writeConfig(rc, 'rules:\n  comma-width: info\n');
    from = client.diagnostics.length;
    await client.replace(uri, 3, '甲方,乙方,丙方', '甲方,乙方');
    p = await client.waitForDiagnostics(uri, (x) => x.version === 3, 15000, from);
    assert.strictEqual(byRule(p.diagnostics, 'comma-width')[0].severity, 3, 'changed config file re-read (mtime)');

    fs.unlinkSync(rc);
    await new Promise((r) => setTimeout(r, 1100));
    from = client.diagnostics.length;
    await client.replace(uri, 4, '甲方,乙方', '甲方,乙方,丙方');
    p = await client.waitForDiagnostics(uri, (x) => x.version === 4, 15000, from);
    assert.strictEqual(byRule(p.diagnostics, 'comma-width')[0].severity, 2, 'deleted config file forgotten');
  });

  it('settings come from didChangeConfiguration when the client has no workspace/configuration', async () => {
    const uri = fileUri(path.join(dir, 'b.txt'));
    await client.open(uri, '甲方,乙方');
    await client.waitForDiagnostics(uri);
    const from = client.diagnostics.length;
    await client.notify('workspace/didChangeConfiguration', { settings: { gongwen: { rules: { 'comma-width': 'off' } } } });
    const p = await client.waitForDiagnostics(uri, () => true, 15000, from);
    assert.strictEqual(byRule(p.diagnostics, 'comma-width').length, 0);
  });
});

describe('LSP: untrusted workspace', function () {
  this.timeout(60000);
  let client: TestClient;
  let dir: string;

  before(async () => {
    assertBundleBuilt();
    dir = tmpDir('gongwen-lsp-untrusted-');
    writeConfig(path.join(dir, '.gongwenrc.json'), { rules: { 'comma-width': 'error' }, dictionaries: ['words.yaml'] });
    fs.writeFileSync(path.join(dir, 'words.yaml'), 'this: [is, not, a, valid dictionary\n');
    client = await TestClient.start({ rootPath: dir, initializationOptions: { trusted: false } });
  });
  after(async () => {
    await client?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('says so once, ignores workspace dictionaries, keeps rule levels and built-in rules', async () => {
    const uri = fileUri(path.join(dir, 'a.txt'));
    await client.open(uri, '甲方,乙方');
    const p = await client.waitForDiagnostics(uri);
    assert.strictEqual(byRule(p.diagnostics, 'comma-width')[0].severity, 1);
    await client.waitForMessage((m) => m.message.includes('未受信任'));
    const uri2 = fileUri(path.join(dir, 'b.txt'));
    await client.open(uri2, '丙方,丁方');
    await client.waitForDiagnostics(uri2);
    assert.strictEqual(client.messages.filter((m) => m.message.includes('未受信任')).length, 1);
    // The broken dictionary was never loaded: no problem is reported on it.
    assert.ok(!client.diagnostics.some((x) => x.uri.endsWith('words.yaml')));
  });

  it('(contrast) a trusted server does load that dictionary and reports its problem on the file', async () => {
    const trusted = await TestClient.start({ rootPath: dir, initializationOptions: { trusted: true } });
    try {
      const uri = fileUri(path.join(dir, 'a.txt'));
      await trusted.open(uri, '甲方,乙方');
      await trusted.waitForDiagnostics(uri);
      const p = await trusted.waitForDiagnostics(fileUri(path.join(dir, 'words.yaml')), (x) => x.diagnostics.length > 0);
      assert.ok(p.diagnostics.length > 0);
      assert.ok(!trusted.messages.some((m) => m.message.includes('未受信任')));
    } finally {
      await trusted.stop();
    }
  });
});
