import * as assert from 'assert';
import * as cp from 'child_process';
import * as path from 'path';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import type {
  ClientCapabilities,
  Diagnostic,
  InitializeResult,
  Position,
  PublishDiagnosticsParams,
  Range,
} from 'vscode-languageserver-protocol';
import { pathToFileURL } from 'url';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');
export const SERVER_BUNDLE = path.join(REPO_ROOT, 'dist', 'server.js');

export interface StartOptions {
  env?: Record<string, string>;
  initializationOptions?: unknown;
  /** Client capabilities; defaults to a capable client (VS Code-like). */
  capabilities?: ClientCapabilities;
  rootPath?: string;
  /** Settings returned for workspace/configuration, by scopeUri (or '*' for any). */
  settings?: Record<string, unknown>;
}

export const FULL_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    applyEdit: true,
    workspaceEdit: { documentChanges: true },
    workspaceFolders: true,
  },
  window: { showDocument: { support: true }, workDoneProgress: true },
  textDocument: {
    publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
    codeAction: {
      codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
      isPreferredSupport: true,
      dataSupport: true,
      resolveSupport: { properties: ['edit'] },
    },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    synchronization: { didSave: true },
  },
};

/** A minimal plain-text client capability set (no configuration, no watching, no resolve). */
export const MINIMAL_CAPABILITIES: ClientCapabilities = {
  textDocument: { publishDiagnostics: {}, codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source'] } } } },
};

interface Waiter<T> {
  test: (v: T) => boolean;
  resolve: (v: T) => void;
}

/**
 * A small LSP client over stdio that drives the bundled server (dist/server.js) the way an
 * editor does, and records everything the server sends.
 */
export class TestClient {
  readonly diagnostics: PublishDiagnosticsParams[] = [];
  readonly messages: Array<{ type: number; message: string }> = [];
  readonly statuses: Array<{ state: string; uri?: string; problems?: number }> = [];
  readonly progress: unknown[] = [];
  readonly registrations: Array<{ method: string; registerOptions?: unknown }> = [];
  readonly showDocuments: Array<{ uri: string; external?: boolean }> = [];
  readonly applyEdits: unknown[] = [];
  readonly stderr: string[] = [];
  settings: Record<string, unknown>;
  /** Delay before answering workspace/configuration (to test a document closed mid-check). */
  configDelayMs = 0;
  configurationRequests = 0;
  exitCode: number | null | undefined;
  private diagWaiters: Array<Waiter<PublishDiagnosticsParams>> = [];
  private messageWaiters: Array<Waiter<{ type: number; message: string }>> = [];
  private exitWaiters: Array<() => void> = [];
  initializeResult!: InitializeResult;

  private constructor(
    readonly proc: cp.ChildProcess,
    readonly connection: ProtocolConnection,
    settings: Record<string, unknown>,
  ) {
    this.settings = settings;
  }

  static async start(opts: StartOptions = {}): Promise<TestClient> {
    const proc = cp.spawn(process.execPath, [SERVER_BUNDLE, '--stdio'], {
      env: { ...process.env, ...opts.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const connection = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    const client = new TestClient(proc, connection, opts.settings ?? {});
    proc.stderr!.on('data', (d) => {
      client.stderr.push(String(d));
      if (process.env.GONGWEN_LSP_TEST_DEBUG) process.stderr.write(d);
    });
    proc.on('exit', (code) => {
      if (process.env.GONGWEN_LSP_TEST_DEBUG) process.stderr.write(`server exited with ${code}\n`);
      client.exitCode = code;
      client.exitWaiters.forEach((w) => w());
    });
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      client.diagnostics.push(p);
      client.diagWaiters = client.diagWaiters.filter((w) => {
        if (!w.test(p)) return true;
        w.resolve(p);
        return false;
      });
    });
    connection.onNotification('window/showMessage', (p: { type: number; message: string }) => {
      client.messages.push(p);
      client.messageWaiters = client.messageWaiters.filter((w) => {
        if (!w.test(p)) return true;
        w.resolve(p);
        return false;
      });
    });
    connection.onNotification('window/logMessage', () => undefined);
    connection.onNotification('gongwen/status', (p: unknown) => {
      client.statuses.push(p as { state: string });
    });
    connection.onNotification('$/progress', (p: unknown) => {
      client.progress.push(p);
    });
    connection.onRequest('workspace/configuration', async (p: { items: Array<{ scopeUri?: string; section?: string }> }) => {
      client.configurationRequests++;
      if (client.configDelayMs > 0) await new Promise((r) => setTimeout(r, client.configDelayMs));
      return p.items.map((item) => {
        const s = client.settings;
        if (item.scopeUri && item.scopeUri in s) return s[item.scopeUri];
        return s['*'] ?? null;
      });
    });
    connection.onRequest('client/registerCapability', (p: { registrations: Array<{ method: string; registerOptions?: unknown }> }) => {
      client.registrations.push(...p.registrations);
      return null;
    });
    connection.onRequest('window/showDocument', (p: { uri: string; external?: boolean }) => {
      client.showDocuments.push(p);
      return { success: true };
    });
    connection.onRequest('workspace/applyEdit', (p: unknown) => {
      client.applyEdits.push(p);
      return { applied: true };
    });
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.listen();
    const rootUri = opts.rootPath ? pathToFileURL(opts.rootPath).href : null;
    client.initializeResult = await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: rootUri ? [{ uri: rootUri, name: 'ws' }] : null,
      capabilities: opts.capabilities ?? FULL_CAPABILITIES,
      initializationOptions: opts.initializationOptions,
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  open(uri: string, text: string, languageId = 'plaintext', version = 1): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  /** Replaces the whole text (a full-range incremental change). */
  replace(uri: string, version: number, oldText: string, newText: string): Promise<void> {
    const end = endPosition(oldText);
    return this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end }, text: newText }],
    });
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request<T>(method: string, params: unknown): Promise<T> {
    return this.connection.sendRequest(method, params) as Promise<T>;
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  /** The next publishDiagnostics for `uri` that satisfies `test` (already received ones count when `fromIndex` covers them). */
  waitForDiagnostics(uri: string, test: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 20000, fromIndex = this.diagnostics.length): Promise<PublishDiagnosticsParams> {
    const seen = this.diagnostics.slice(fromIndex).find((p) => p.uri === uri && test(p));
    if (seen) return Promise.resolve(seen);
    return withTimeout(
      new Promise<PublishDiagnosticsParams>((resolve) => this.diagWaiters.push({ test: (p) => p.uri === uri && test(p), resolve })),
      timeoutMs,
      `diagnostics for ${uri}`,
    );
  }

  waitForMessage(test: (m: { type: number; message: string }) => boolean, timeoutMs = 10000): Promise<{ type: number; message: string }> {
    const seen = this.messages.find(test);
    if (seen) return Promise.resolve(seen);
    return withTimeout(new Promise((resolve) => this.messageWaiters.push({ test, resolve })), timeoutMs, 'showMessage');
  }

  waitForExit(timeoutMs = 5000): Promise<number | null> {
    if (this.exitCode !== undefined) return Promise.resolve(this.exitCode);
    return withTimeout(new Promise<number | null>((resolve) => this.exitWaiters.push(() => resolve(this.exitCode ?? null))), timeoutMs, 'server exit');
  }

  /** Polls the recorded notifications until `test` holds (for notifications without a waiter). */
  async until(test: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
    const t0 = Date.now();
    while (!test()) {
      if (Date.now() - t0 > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Latest diagnostics published for a uri. */
  latest(uri: string): PublishDiagnosticsParams | undefined {
    for (let i = this.diagnostics.length - 1; i >= 0; i--) if (this.diagnostics[i].uri === uri) return this.diagnostics[i];
    return undefined;
  }

  async stop(): Promise<void> {
    if (this.exitCode !== undefined) return;
    try {
      await withTimeout(this.connection.sendRequest('shutdown'), 3000, 'shutdown');
      await this.connection.sendNotification('exit');
      await this.waitForExit(3000);
    } catch {
      this.proc.kill();
    } finally {
      this.connection.dispose();
    }
  }
}

export function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
    }),
  ]);
}

export function endPosition(text: string): Position {
  const lines = text.split(/\r\n|\r|\n/);
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

/** UTF-16 offset of an LSP position, computed independently of the server. */
export function offsetAt(text: string, pos: Position): number {
  let line = 0;
  let i = 0;
  while (line < pos.line) {
    const c = text.charCodeAt(i);
    if (i >= text.length) return text.length;
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    if (c === 13 || c === 10) line++;
    i++;
  }
  return i + pos.character;
}

export function textAt(text: string, range: Range): string {
  return text.slice(offsetAt(text, range.start), offsetAt(text, range.end));
}

/** Applies LSP text edits (non-overlapping) to a text. */
export function applyLspEdits(text: string, edits: Array<{ range: Range; newText: string }>): string {
  const withOffsets = edits.map((e) => ({ start: offsetAt(text, e.range.start), end: offsetAt(text, e.range.end), text: e.newText }));
  withOffsets.sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of withOffsets) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

export function byRule(diags: readonly Diagnostic[], ruleId: string): Diagnostic[] {
  return diags.filter((d) => d.code === ruleId);
}

export function fileUri(p: string): string {
  return pathToFileURL(p).href;
}

export function assertBundleBuilt(): void {
  // `npm test` builds first; a direct mocha run needs `node esbuild.mjs`.
  assert.ok(require('fs').existsSync(SERVER_BUNDLE), `${SERVER_BUNDLE} missing: run node esbuild.mjs`);
}
