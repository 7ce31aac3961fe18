import * as fs from 'fs';
import * as path from 'path';
import { spawn } from 'child_process';
import { pathToFileURL } from 'url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { percentile } from './process-stats';
// The constant only: server.ts starts nothing when imported.
import { TYPING_DEBOUNCE_MS } from '../server/lsp/server';

export interface ServerBench {
  skipped?: string;
  /** Spawn → the first publishDiagnostics for the seed speech (at cold start: the rules that do not need the segmenter). */
  coldStartMs: number;
  /** Spawn → the full result for the seed speech (every rule, segmenter loaded). */
  coldFullMs: number;
  docChars: number;
  /** Problems published for the edited document (after the last edit). */
  problems: number;
  edits: number;
  /** didChange → publishDiagnostics as the client sees it: the debounce plus the processing. */
  p50: number;
  p95: number;
  /** The server's typing debounce (TYPING_DEBOUNCE_MS): the pause after the last keystroke before a check starts. */
  debounceMs: number;
  /** The server's own time per check (lint + diagnostics + publish, from GONGWEN_LSP_TIMING=1). */
  processingP50: number;
  processingP95: number;
  /** End-to-end minus the debounce: processing plus transport, what the writer waits beyond the pause. */
  afterDebounceP50: number;
  afterDebounceP95: number;
  rssMiB: number;
}

interface PublishParams {
  uri: string;
  version?: number;
  diagnostics: unknown[];
}

/**
 * Drives the bundled server over stdio like an editor: cold start to the first diagnostics of
 * the seed speech, then single-character edits at random places in a ~100k-char document, each
 * timed from didChange to the publishDiagnostics that answers it.
 */
export async function benchServer(root: string, edits = 200, bigText?: string): Promise<ServerBench> {
  const serverJs = path.join(root, 'dist', 'server.js');
  const speechFile = path.join(root, 'test', 'fixtures', 'speech.txt');
  const empty = { coldStartMs: NaN, coldFullMs: NaN, docChars: 0, problems: 0, edits: 0, p50: NaN, p95: NaN, debounceMs: NaN, processingP50: NaN, processingP95: NaN, afterDebounceP50: NaN, afterDebounceP95: NaN, rssMiB: NaN };
  if (!fs.existsSync(serverJs)) return { ...empty, skipped: 'dist/server.js not built' };
  const speech = fs.readFileSync(speechFile, 'utf8');

  const t0 = performance.now();
  // GONGWEN_LSP_TIMING=1 makes the server log its own time per check on stderr.
  const proc = spawn(process.execPath, [serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, GONGWEN_LSP_TIMING: '1' } });
  const processing = new Map<string, number>(); // "uri vN" → ms
  let errTail = '';
  proc.stderr.setEncoding('utf8');
  proc.stderr.on('data', (chunk: string) => {
    errTail += chunk;
    const lines = errTail.split('\n');
    errTail = lines.pop() ?? '';
    for (const line of lines) {
      const m = /\[gongwen timing\] (\S+) v(\d+): lint ([\d.]+) ms, diagnostics ([\d.]+) ms, publish ([\d.]+) ms/.exec(line);
      if (m) processing.set(`${m[1]} v${m[2]}`, Number(m[3]) + Number(m[4]) + Number(m[5]));
      else if (line.trim() && !line.includes('first pass without the segmenter')) process.stderr.write(`[server] ${line}\n`);
    }
  });
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  const waiters = new Map<string, (p: PublishParams) => void>();
  const publishedAt = new Map<string, number[]>();
  conn.onNotification('textDocument/publishDiagnostics', (p: PublishParams) => {
    if (!publishedAt.has(p.uri)) publishedAt.set(p.uri, []);
    publishedAt.get(p.uri)!.push(performance.now() - t0);
    const w = waiters.get(p.uri);
    if (w) w(p);
  });
  // Answer configuration pulls with defaults (debounce is the server's business; the bench
  // measures what a writer waits for).
  conn.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.listen();
  const waitFor = (uri: string, accept: (p: PublishParams) => boolean, timeoutMs = 30000): Promise<PublishParams> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms`)), timeoutMs);
      waiters.set(uri, (p) => {
        if (!accept(p)) return;
        clearTimeout(timer);
        waiters.delete(uri);
        resolve(p);
      });
    });

  try {
    await conn.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(root).href, capabilities: { workspace: { configuration: true } }, initializationOptions: { trusted: true } });
    conn.sendNotification('initialized', {});
    const speechUri = pathToFileURL(path.join(root, 'bench-speech.txt')).href;
    const first = waitFor(speechUri, () => true);
    conn.sendNotification('textDocument/didOpen', { textDocument: { uri: speechUri, languageId: 'plaintext', version: 1, text: speech } });
    await first;
    const coldStartMs = performance.now() - t0;
    // The full result: the server logs its timing line for "vN: lint" after the full pass only.
    for (const until = performance.now() + 30000; !processing.has(`${speechUri} v1`) && performance.now() < until; ) await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setTimeout(r, 20));
    const speechPublishes = publishedAt.get(speechUri) ?? [];
    const coldFullMs = speechPublishes[speechPublishes.length - 1] ?? NaN;

    // The edited document: the given text, or else the seed speech repeated to 100k chars (a worst
    // case: the speech is full of deliberate errors, so every check publishes thousands of problems).
    let big = bigText ?? '';
    while (big.length < 100_000) big += speech + '\n';
    const bigUri = pathToFileURL(path.join(root, 'bench-big.txt')).href;
    const opened = waitFor(bigUri, () => true);
    conn.sendNotification('textDocument/didOpen', { textDocument: { uri: bigUri, languageId: 'plaintext', version: 1, text: big } });
    await opened;

    // Deterministic pseudo-random places, so runs are comparable.
    let seed = 12345;
    const rand = (): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const lines = big.split('\n');
    const latencies: number[] = [];
    let version = 1;
    // Odd edits delete the character the previous edit inserted, so the document stays the same size.
    let lastProblems = 0;
    let lastLine = 0;
    let lastCh = 0;
    for (let i = 0; i < edits; i++) {
      version++;
      const line = Math.floor(rand() * lines.length);
      const insert = i % 2 === 0;
      const ch = insert ? Math.floor(rand() * (lines[line].length + 1)) : 0;
      const change = insert
        ? { range: { start: { line, character: ch }, end: { line, character: ch } }, text: '的' }
        : { range: { start: { line: lastLine, character: lastCh }, end: { line: lastLine, character: lastCh + 1 } }, text: '' };
      if (insert) {
        lastLine = line;
        lastCh = ch;
      }
      const v = version;
      const answered = waitFor(bigUri, (p) => p.version === undefined || p.version >= v);
      const s = performance.now();
      conn.sendNotification('textDocument/didChange', { textDocument: { uri: bigUri, version: v }, contentChanges: [change] });
      lastProblems = (await answered).diagnostics.length;
      latencies.push(performance.now() - s);
    }
    const status = fs.readFileSync(`/proc/${proc.pid}/status`, 'utf8');
    const rssKiB = Number(/VmRSS:\s*(\d+)/.exec(status)?.[1] ?? NaN);
    await new Promise((r) => setTimeout(r, 50)); // let the last timing lines arrive
    const proc_: number[] = [];
    for (let v = 2; v <= version; v++) {
      const ms = processing.get(`${bigUri} v${v}`);
      if (ms !== undefined) proc_.push(ms);
    }
    const debounceMs = TYPING_DEBOUNCE_MS;
    const after = latencies.map((l) => l - debounceMs);
    return {
      coldStartMs,
      coldFullMs,
      docChars: big.length,
      problems: lastProblems,
      edits,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      debounceMs,
      processingP50: percentile(proc_, 50),
      processingP95: percentile(proc_, 95),
      afterDebounceP50: percentile(after, 50),
      afterDebounceP95: percentile(after, 95),
      rssMiB: rssKiB / 1024,
    };
  } finally {
    conn.dispose();
    proc.kill();
  }
}

