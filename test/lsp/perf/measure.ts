/**
 * Responsiveness of the bundled language server on a ~100k-character document, measured over
 * stdio like an editor sees it. Not a test (nothing asserted): run it by hand after a build:
 *
 *   node esbuild.mjs && npx tsc -p . && node out/test/lsp/perf/measure.js [chars] [file]
 *
 * The document is `file` (default: the seed speech) repeated up to `chars` characters.
 *
 * Prints medians in milliseconds. Timings include the 250 ms typing debounce where stated.
 */
import * as fs from 'fs';
import * as path from 'path';
import { TestClient, REPO_ROOT } from '../helpers/client';

const TYPING_DEBOUNCE_MS = 250;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function main(): Promise<void> {
  const target = Number(process.argv[2] ?? 100000);
  const seed = fs.readFileSync(process.argv[3] ?? path.join(REPO_ROOT, 'test', 'fixtures', 'speech.txt'), 'utf8');
  let text = '';
  while (text.length < target) text += seed;
  const client = await TestClient.start({ settings: { '*': {} } });
  const uri = 'file:///tmp/gongwen-lsp-perf/big.txt';

  let t = performance.now();
  await client.open(uri, text, 'plaintext', 1);
  const first = await client.waitForDiagnostics(uri, (p) => p.version === 1, 60000);
  const openMs = performance.now() - t;
  const n = first.diagnostics.length;

  // Typing: one character inserted in the middle; time from didChange to publish, minus the debounce.
  const edits: number[] = [];
  let version = 1;
  const mid = Math.floor(text.length / 2);
  const cut = text.lastIndexOf('\n', mid) + 1;
  for (let i = 0; i < 8; i++) {
    const next = text.slice(0, cut) + '字'.repeat(i + 1) + text.slice(cut);
    version++;
    const from = client.diagnostics.length;
    t = performance.now();
    await client.replace(uri, version, i === 0 ? text : text.slice(0, cut) + '字'.repeat(i) + text.slice(cut), next);
    await client.waitForDiagnostics(uri, (p) => p.version === version, 60000, from);
    edits.push(performance.now() - t - TYPING_DEBOUNCE_MS);
  }
  let current = text.slice(0, cut) + '字'.repeat(8) + text.slice(cut);

  // Code actions on the current version: served from the per-version cache.
  const range = first.diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
  const latestDiag = client.latest(uri)!.diagnostics[0];
  const diags = latestDiag ? [latestDiag] : [];
  const hits: number[] = [];
  for (let i = 0; i < 15; i++) {
    t = performance.now();
    await client.request('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: diags } });
    hits.push(performance.now() - t);
  }

  // Code actions right after an edit, before the debounced check ran: the server lints on demand.
  const misses: number[] = [];
  for (let i = 0; i < 6; i++) {
    const next = current + (i % 2 === 0 ? '。' : '');
    version++;
    await client.replace(uri, version, current, next);
    current = next;
    t = performance.now();
    await client.request('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: diags } });
    misses.push(performance.now() - t);
    await client.waitForDiagnostics(uri, (p) => p.version === version, 60000);
  }

  // An edit that restores the previous text (undo): findings reused, no lint.
  const undo: number[] = [];
  for (let i = 0; i < 5; i++) {
    version++;
    let from = client.diagnostics.length;
    await client.replace(uri, version, current, current + 'x');
    await client.waitForDiagnostics(uri, (p) => p.version === version, 60000, from);
    version++;
    from = client.diagnostics.length;
    t = performance.now();
    await client.replace(uri, version, current + 'x', current);
    await client.waitForDiagnostics(uri, (p) => p.version === version, 60000, from);
    undo.push(performance.now() - t - TYPING_DEBOUNCE_MS);
  }

  await client.stop();
  console.log(JSON.stringify({
    chars: text.length,
    diagnostics: n,
    openToFirstPublishMs: Math.round(openMs),
    editToPublishMinusDebounceMs: Math.round(median(edits)),
    codeActionCachedMs: Number(median(hits).toFixed(1)),
    codeActionUncachedMs: Math.round(median(misses)),
    undoToPublishMinusDebounceMs: Math.round(median(undo)),
  }, null, 2));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
