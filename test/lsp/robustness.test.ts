import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TestClient, REPO_ROOT, assertBundleBuilt, byRule, fileUri } from './helpers/client';

const ENV = { GONGWEN_TEST_THROWING_RULE: '1' };
const SPEECH = fs.readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'speech.txt'), 'utf8');

describe('LSP: robustness (bundled server over stdio)', function () {
  this.timeout(60000);
  let client: TestClient;
  before(async () => {
    assertBundleBuilt();
    client = await TestClient.start({ env: ENV });
  });
  after(async () => {
    await client?.stop();
  });

  const alive = async () => {
    const rules = await client.request<unknown[]>('gongwen/listRules', null);
    assert.ok(rules.length > 0);
    assert.strictEqual(client.exitCode, undefined, 'server still running');
  };

  it('a rule that throws becomes one internal-error diagnostic; the other rules still report; the server lives on', async () => {
    const uri = 'file:///tmp/gongwen-lsp-robust/throw.txt';
    await client.open(uri, '甲方,乙方__gongwen_test_throw__');
    const p = await client.waitForDiagnostics(uri);
    const internal = byRule(p.diagnostics, 'internal-error');
    assert.strictEqual(internal.length, 1);
    assert.match(String(internal[0].message), /test-throwing-rule/);
    assert.strictEqual(internal[0].severity, 1);
    assert.strictEqual(byRule(p.diagnostics, 'comma-width').length, 1);
    // Code actions and hover on the internal error do not break either.
    const actions = await client.request<unknown[]>('textDocument/codeAction', { textDocument: { uri }, range: internal[0].range, context: { diagnostics: [internal[0]] } });
    assert.ok(Array.isArray(actions));
    await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
    await alive();
    await client.close(uri);
  });

  it('malformed requests get error responses (or empty results), never a crash', async () => {
    await assert.rejects(client.request('textDocument/codeAction', null));
    assert.deepStrictEqual(await client.request('textDocument/codeAction', { textDocument: { uri: 'file:///nope.txt' }, range: null, context: {} }), []);
    await client.request('textDocument/hover', { textDocument: {}, position: 'here' }).catch(() => undefined);
    await client.request('codeAction/resolve', { title: 'x', data: { gongwenResolve: 'fixAll', uri: 42 } }).catch(() => undefined);
    await assert.rejects(client.request('workspace/executeCommand', { command: 'gongwen.fixAll', arguments: [{}] }), /文档未打开/);
    await assert.rejects(client.request('workspace/executeCommand', { command: 'no.such.command' }));
    await assert.rejects(client.request('gongwen/checkWorkspace', { folders: 'not-an-array' }), /folders/);
    await assert.rejects(client.request('no/suchMethod', {}), /Unhandled method/);
    // Broken notifications too.
    await client.notify('textDocument/didOpen', { textDocument: null });
    await client.notify('textDocument/didChange', { textDocument: { uri: 'file:///never-opened.txt', version: 2 }, contentChanges: [{ text: 'x' }] });
    await client.notify('workspace/didChangeWatchedFiles', { changes: 'nope' });
    await client.notify('workspace/didChangeConfiguration', null);
    await alive();
  });

  it('a message that is not JSON is survived', async () => {
    const body = Buffer.from('{"jsonrpc":"2.0","id":99,"method":', 'utf8');
    client.proc.stdin!.write(`Content-Length: ${body.length}\r\n\r\n`);
    client.proc.stdin!.write(body);
    await new Promise((r) => setTimeout(r, 200));
    await alive();
  });

  it('a document closed while its check waits for settings publishes nothing stale', async () => {
    client.configDelayMs = 300;
    const uri = 'file:///tmp/gongwen-lsp-robust/closed.txt';
    const from = client.diagnostics.length;
    const requestsBefore = client.configurationRequests;
    await client.open(uri, '甲方,乙方');
    await client.until(() => client.configurationRequests > requestsBefore, 3000, 'the settings request');
    await client.close(uri);
    await new Promise((r) => setTimeout(r, 700));
    client.configDelayMs = 0;
    const mine = client.diagnostics.slice(from).filter((p) => p.uri === uri);
    assert.ok(mine.length >= 1, 'close publishes an empty set');
    assert.deepStrictEqual(mine[mine.length - 1].diagnostics, [], 'the last word about a closed document is "no diagnostics"');
    assert.ok(mine.every((p) => p.diagnostics.length === 0), 'the check that finished after close did not publish');
    await alive();
  });

  it('a large document closed right after opening: last publish is empty', async () => {
    const uri = 'file:///tmp/gongwen-lsp-robust/large.txt';
    const text = SPEECH.repeat(20);
    const from = client.diagnostics.length;
    await client.open(uri, text);
    await client.close(uri);
    await client.open('file:///tmp/gongwen-lsp-robust/after.txt', '甲方,乙方');
    await client.waitForDiagnostics('file:///tmp/gongwen-lsp-robust/after.txt');
    await new Promise((r) => setTimeout(r, 300));
    const mine = client.diagnostics.slice(from).filter((p) => p.uri === uri);
    assert.ok(mine.length >= 1);
    assert.deepStrictEqual(mine[mine.length - 1].diagnostics, []);
    await alive();
  });

  it('gongwen/checkWorkspace walks folders, skips ignored ones, publishes per file and reports progress', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-lsp-ws-'));
    try {
      fs.mkdirSync(path.join(dir, 'sub'));
      fs.mkdirSync(path.join(dir, 'node_modules'));
      fs.writeFileSync(path.join(dir, 'a.txt'), '甲方,乙方');
      fs.writeFileSync(path.join(dir, 'b.md'), '# 标题\n\n丙方,丁方,戊方\n');
      fs.writeFileSync(path.join(dir, 'sub', 'c.gw'), '己方,庚方');
      fs.writeFileSync(path.join(dir, 'ignored.txt'), '辛方,壬方');
      fs.writeFileSync(path.join(dir, '.gongwenignore'), 'ignored.txt\n');
      fs.writeFileSync(path.join(dir, 'node_modules', 'x.txt'), '癸方,子方');
      fs.writeFileSync(path.join(dir, 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]));
      const from = client.diagnostics.length;
      const progressFrom = client.progress.length;
      const r = await client.request<{ files: number; problems: number }>('gongwen/checkWorkspace', { folders: [fileUri(dir)], workDoneToken: 'ws-1' });
      assert.strictEqual(r.files, 3);
      const published = client.diagnostics.slice(from);
      const commas = (name: string) => byRule(published.find((p) => p.uri === fileUri(path.join(dir, name)))?.diagnostics ?? [], 'comma-width').length;
      assert.strictEqual(commas('a.txt'), 1);
      assert.strictEqual(commas('b.md'), 2);
      assert.strictEqual(commas(path.join('sub', 'c.gw')), 1);
      assert.ok(!published.some((p) => p.uri.includes('ignored') || p.uri.includes('node_modules')));
      const total = published.filter((p) => p.uri.startsWith(fileUri(dir))).reduce((n, p) => n + p.diagnostics.length, 0);
      assert.strictEqual(r.problems, total);
      const kinds = (client.progress.slice(progressFrom) as Array<{ token: string; value: { kind: string } }>).filter((p) => p.token === 'ws-1').map((p) => p.value.kind);
      assert.strictEqual(kinds[0], 'begin');
      assert.strictEqual(kinds[kinds.length - 1], 'end');
      assert.ok(kinds.includes('report'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('LSP: process lifecycle', function () {
  this.timeout(60000);
  before(assertBundleBuilt);

  it('exits when the client goes away without shutdown (exit code 1), and a new process serves the reconnecting client', async () => {
    const first = await TestClient.start();
    await first.open('file:///tmp/gongwen-lsp-life/a.txt', '甲方,乙方');
    await first.waitForDiagnostics('file:///tmp/gongwen-lsp-life/a.txt');
    first.proc.stdin!.end();
    assert.strictEqual(await first.waitForExit(5000), 1);
    first.connection.dispose();

    const second = await TestClient.start();
    try {
      await second.open('file:///tmp/gongwen-lsp-life/a.txt', '甲方,乙方');
      const p = await second.waitForDiagnostics('file:///tmp/gongwen-lsp-life/a.txt');
      assert.strictEqual(byRule(p.diagnostics, 'comma-width').length, 1);
    } finally {
      await second.stop();
    }
  });

  it('shutdown then exit ends the process with code 0', async () => {
    const c = await TestClient.start();
    await c.stop();
    assert.strictEqual(c.exitCode, 0);
  });

  it('runs over Node IPC (--node-ipc), the transport the VS Code client uses', async () => {
    const cp = await import('child_process');
    const { createProtocolConnection, IPCMessageReader, IPCMessageWriter } = await import('vscode-languageserver-protocol/node');
    const proc = cp.fork(path.join(REPO_ROOT, 'dist', 'server.js'), ['--node-ipc'], { stdio: ['pipe', 'pipe', 'pipe', 'ipc'] });
    const conn = createProtocolConnection(new IPCMessageReader(proc), new IPCMessageWriter(proc));
    const got = new Promise<{ uri: string; diagnostics: Array<{ code?: unknown }> }>((resolve) => {
      conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: Array<{ code?: unknown }> }) => resolve(p));
    });
    conn.listen();
    try {
      const init = await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
      assert.strictEqual((init as { serverInfo: { name: string } }).serverInfo.name, 'gongwen-lint');
      await conn.sendNotification('initialized', {});
      await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///tmp/ipc/a.txt', languageId: 'plaintext', version: 1, text: '甲方,乙方' } });
      const p = await got;
      assert.ok(p.diagnostics.some((d) => d.code === 'comma-width'));
      await conn.sendRequest('shutdown');
      await conn.sendNotification('exit');
      const code = await new Promise((r) => proc.on('exit', r));
      assert.strictEqual(code, 0);
    } finally {
      conn.dispose();
      if (proc.exitCode === null) proc.kill();
    }
  });

  // Same protocol through the launchers editors use: `gongwen-lint --stdio`, and
  // `gongwen-language-server`, which speaks stdio when given no transport flag.
  for (const [launcher, args] of [['gongwen-lint.js', ['--stdio']], ['gongwen-language-server.js', []]] as const) {
    it(`bin/${launcher}${args.length ? ` ${args.join(' ')}` : ''} starts the same server`, async () => {
      const cp = await import('child_process');
      const proc = cp.spawn(process.execPath, [path.join(REPO_ROOT, 'bin', launcher), ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
      const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
      proc.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
      const out = await new Promise<string>((resolve, reject) => {
        let acc = '';
        const timer = setTimeout(() => reject(new Error(`no initialize response: ${acc}`)), 5000);
        proc.stdout.on('data', (d) => {
          acc += String(d);
          if (acc.includes('"serverInfo"')) {
            clearTimeout(timer);
            resolve(acc);
          }
        });
      });
      assert.match(out, /"name":"gongwen-lint"/);
      proc.stdin.end();
      await new Promise((r) => proc.on('exit', r));
    });
  }
});

describe('LSP: paragraph-level reuse switched on (GONGWEN_LSP_INCREMENTAL=1)', function () {
  this.timeout(60000);
  let client: TestClient;
  before(async () => {
    assertBundleBuilt();
    client = await TestClient.start({
      env: { ...ENV, GONGWEN_LSP_INCREMENTAL: '1', GONGWEN_TEST_PARAGRAPH_RULES: 'test-suggestion-rule', GONGWEN_LSP_TIMING: '1' },
    });
  });
  after(async () => {
    await client?.stop();
  });

  it('diagnostics after edits equal those of the same text opened fresh', async () => {
    const uri = 'file:///tmp/gongwen-lsp-inc/doc.txt';
    let text = `${SPEECH}\n前文__gongwen_test_suggest__后文,尾\n`;
    await client.open(uri, text, 'plaintext', 1);
    await client.waitForDiagnostics(uri, (p) => p.version === 1);
    const edits: Array<(t: string) => string> = [
      (t) => t.replace('前文', '前文,新增'),
      (t) => t.replace('__gongwen_test_suggest__后文', '后文__gongwen_test_suggest____gongwen_test_suggest__'),
      (t) => `__gongwen_test_suggest__\n${t}`,
      (t) => t.replace('\n', '\n\n'),
    ];
    let version = 1;
    for (const edit of edits) {
      const next = edit(text);
      version++;
      const from = client.diagnostics.length;
      await client.replace(uri, version, text, next);
      text = next;
      const incremental = await client.waitForDiagnostics(uri, (p) => p.version === version, 20000, from);
      const freshUri = `file:///tmp/gongwen-lsp-inc/fresh-${version}.txt`;
      await client.open(freshUri, text);
      const fresh = await client.waitForDiagnostics(freshUri);
      await client.close(freshUri);
      const strip = (ds: typeof fresh.diagnostics) => ds.map((d) => ({ range: d.range, code: d.code, message: d.message, fix: (d.data as { fix?: unknown }).fix }));
      assert.deepStrictEqual(strip(incremental.diagnostics), strip(fresh.diagnostics));
      assert.ok(byRule(incremental.diagnostics, 'test-suggestion-rule').length > 0);
    }
    // The edits did go through the reuse path (the timing log says how many paragraphs were reused).
    assert.match(client.stderr.join(''), /doc\.txt v\d+: .*paragraphs reused [1-9]\d* \/ re-checked [1-9]/);
  });
});
