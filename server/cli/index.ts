import { runCli, EXIT_FAILURE } from './main';
import { IS_LINT_WORKER } from './parallel';

/** Process entry of the CLI bundle (dist/cli.js). */
async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const code = await runCli({
    argv,
    cwd: process.cwd(),
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const c of process.stdin) chunks.push(c as Buffer);
      return Buffer.concat(chunks);
    },
    stdinIsTTY: Boolean(process.stdin.isTTY),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    env: process.env,
  });
  process.exitCode = code;
}

// In a lint worker thread (see parallel.ts) this bundle only answers jobs.
if (!IS_LINT_WORKER) main().catch((e: unknown) => {
  process.stderr.write(`gongwen-lint: 内部错误（internal error）：${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = EXIT_FAILURE;
});
