/**
 * Start-up only: the language server's cold start and the CLI's start-up on one small file,
 * several runs each, alternating between the builds given (so machine load hits them alike).
 *
 *   node out/bench/cold-start.js [ROOT ...]     default: this repository
 *   BENCH_RUNS=7 node out/bench/cold-start.js /tmp/before /work/main
 *
 * Each ROOT needs dist/server.js and dist/cli.js (node esbuild.mjs). Server: spawn → the first
 * publishDiagnostics for the seed speech ("first"), and → the last publish for it once the server
 * has been quiet for QUIET_MS ("final": the same as "first" for a server that publishes once);
 * RSS after. CLI: `node dist/cli.js test/fixtures/speech.txt --format json -o /dev/null`, wall
 * and peak RSS (GNU time); every rule at its default level.
 */
import * as fs from 'fs';
import * as path from 'path';
import { spawn } from 'child_process';
import { pathToFileURL } from 'url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { measureProcess, percentile } from './process-stats';

const QUIET_MS = 1500;

interface PublishParams {
  uri: string;
  version?: number;
  diagnostics: unknown[];
}

export interface ColdStart {
  firstMs: number;
  finalMs: number;
  firstProblems: number;
  finalProblems: number;
  publishes: number;
  rssMiB: number;
}

export async function coldStart(root: string, speech: string): Promise<ColdStart> {
  const serverJs = path.join(root, 'dist', 'server.js');
  const t0 = performance.now();
  const proc = spawn(process.execPath, [serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  proc.stderr.resume();
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
  const uri = pathToFileURL(path.join(root, 'bench-speech.txt')).href;
  const publishes: Array<{ at: number; problems: number }> = [];
  let quiet: NodeJS.Timeout | undefined;
  let done: () => void = () => undefined;
  const finished = new Promise<void>((r) => (done = r));
  conn.onNotification('textDocument/publishDiagnostics', (p: PublishParams) => {
    if (p.uri !== uri) return;
    publishes.push({ at: performance.now() - t0, problems: p.diagnostics.length });
    if (quiet) clearTimeout(quiet);
    quiet = setTimeout(done, QUIET_MS);
  });
  conn.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.listen();
  try {
    await conn.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(root).href, capabilities: { workspace: { configuration: true } }, initializationOptions: { trusted: true } });
    conn.sendNotification('initialized', {});
    conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text: speech } });
    const timeout = setTimeout(done, 30000);
    await finished;
    clearTimeout(timeout);
    const status = fs.readFileSync(`/proc/${proc.pid}/status`, 'utf8');
    const rssKiB = Number(/VmRSS:\s*(\d+)/.exec(status)?.[1] ?? NaN);
    const first = publishes[0];
    const last = publishes[publishes.length - 1];
    return { firstMs: first?.at ?? NaN, finalMs: last?.at ?? NaN, firstProblems: first?.problems ?? NaN, finalProblems: last?.problems ?? NaN, publishes: publishes.length, rssMiB: rssKiB / 1024 };
  } finally {
    conn.dispose();
    proc.kill();
  }
}

async function main(): Promise<void> {
  const here = path.resolve(__dirname, '..', '..');
  const roots = process.argv.slice(2).length > 0 ? process.argv.slice(2).map((r) => path.resolve(r)) : [here];
  const runs = Number(process.env.BENCH_RUNS ?? 5);
  const speechFile = path.join(here, 'test', 'fixtures', 'speech.txt');
  const speech = fs.readFileSync(speechFile, 'utf8');
  const server = new Map<string, ColdStart[]>(roots.map((r) => [r, []]));
  const cli = new Map<string, Array<{ wallMs: number; rssMiB: number }>>(roots.map((r) => [r, []]));
  for (let i = 0; i < runs; i++) {
    for (const root of roots) {
      server.get(root)!.push(await coldStart(root, speech));
      const s = measureProcess(process.execPath, [path.join(root, 'dist', 'cli.js'), speechFile, '--format', 'json', '-o', '/dev/null'], [0, 1]);
      cli.get(root)!.push({ wallMs: s.wallMs, rssMiB: s.maxRssKiB / 1024 });
    }
  }
  const med = (xs: number[]) => percentile(xs, 50);
  console.log(`load average ${fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}, ${runs} runs each, medians`);
  for (const root of roots) {
    const s = server.get(root)!;
    const c = cli.get(root)!;
    console.log(
      `${root}\n  server: first publish ${med(s.map((x) => x.firstMs)).toFixed(0)} ms (${s[0].firstProblems} problems), ` +
        `final ${med(s.map((x) => x.finalMs)).toFixed(0)} ms (${s[0].finalProblems} problems, ${s[0].publishes} publish(es)), RSS ${med(s.map((x) => x.rssMiB)).toFixed(0)} MiB` +
        `  [first: ${s.map((x) => x.firstMs.toFixed(0)).join(' ')}]` +
        `\n  cli (seed speech): wall ${med(c.map((x) => x.wallMs)).toFixed(0)} ms, peak RSS ${med(c.map((x) => x.rssMiB)).toFixed(0)} MiB  [${c.map((x) => x.wallMs.toFixed(0)).join(' ')}]`,
    );
  }
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
