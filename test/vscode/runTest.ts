/**
 * Runs the VS Code integration suite (test/vscode/suite) in a real VS Code through
 * @vscode/test-electron: `npm run test:vscode`.
 *
 * Exit codes: 0 all passed, 1 a test failed (or the suite did not report), 3 the suite DID NOT RUN
 * (VS Code could not be downloaded or started here, e.g. no route to the update server or no
 * display). Code 3 is never success: CI must treat it as "not proven", and the real-client
 * end-to-end suite (code-server) proves the same scenarios where VS Code cannot be downloaded.
 *
 * Environment:
 *   GONGWEN_VSCODE_EXECUTABLE  use this VS Code binary instead of downloading one
 *   GONGWEN_VSCODE_VERSION     version to download (default 1.91.1, the oldest supported: engines.vscode)
 *   GONGWEN_TEST_RESULT        where the suite writes its JSON result (default: a temp file)
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';

export const EXIT_DID_NOT_RUN = 3;

const root = path.resolve(__dirname, '..', '..', '..');

function didNotRun(reason: string): never {
  const line = '='.repeat(78);
  process.stderr.write(`\n${line}\nVS Code integration suite DID NOT RUN: ${reason}\n${line}\n\n`);
  process.exit(EXIT_DID_NOT_RUN);
}

/** Folder with the files the suite opens; the suite makes its own copies inside it. */
function makeWorkspace(): string {
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-vscode-ws-'));
  fs.copyFileSync(path.join(root, 'test', 'fixtures', 'speech.txt'), path.join(ws, 'speech.txt'));
  return ws;
}

async function main(): Promise<void> {
  const extensionDevelopmentPath = root;
  const extensionTestsPath = path.join(root, 'out', 'test', 'vscode', 'suite', 'index.js');
  if (!fs.existsSync(extensionTestsPath)) didNotRun(`${extensionTestsPath} is missing (run tsc -p . first)`);
  if (!fs.existsSync(path.join(root, 'dist', 'server.js')) || !fs.existsSync(path.join(root, 'dist', 'extension.js'))) {
    didNotRun('dist/extension.js or dist/server.js is missing (run node esbuild.mjs first)');
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    didNotRun('no display: VS Code (Electron) needs one; run under xvfb-run -a npm run test:vscode');
  }

  let vscodeExecutablePath = process.env.GONGWEN_VSCODE_EXECUTABLE;
  if (vscodeExecutablePath) {
    if (!fs.existsSync(vscodeExecutablePath)) didNotRun(`GONGWEN_VSCODE_EXECUTABLE=${vscodeExecutablePath} does not exist`);
  } else {
    const version = process.env.GONGWEN_VSCODE_VERSION || '1.91.1';
    try {
      vscodeExecutablePath = await downloadAndUnzipVSCode({ version, timeout: 30000, cachePath: path.join(root, '.vscode-test') });
    } catch (err) {
      didNotRun(`could not download VS Code ${version} (${(err as Error).message ?? String(err)}). Set GONGWEN_VSCODE_EXECUTABLE to a local VS Code to run it.`);
    }
  }

  const resultFile = process.env.GONGWEN_TEST_RESULT || path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-vscode-result-')), 'result.json');
  fs.rmSync(resultFile, { force: true });
  const workspace = makeWorkspace();
  let exitCode: number;
  try {
    exitCode = await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath,
      extensionTestsPath,
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes', '--locale=en'],
      extensionTestsEnv: { GONGWEN_TEST_RESULT: resultFile },
    });
  } catch (err) {
    // runTests rejects when VS Code exits non-zero (a test failed) or cannot start.
    const msg = (err as Error).message ?? String(err);
    if (!fs.existsSync(resultFile)) didNotRun(`VS Code did not run the suite: ${msg}`);
    exitCode = 1;
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
  if (!fs.existsSync(resultFile)) {
    process.stderr.write(`The suite wrote no result file (${resultFile}): treating the run as failed.\n`);
    process.exit(1);
  }
  const result = JSON.parse(fs.readFileSync(resultFile, 'utf8')) as { passed: number; failed: number; pending: number };
  process.stdout.write(`VS Code integration suite: ${result.passed} passed, ${result.failed} failed, ${result.pending} pending (${resultFile})\n`);
  process.exit(exitCode === 0 && result.failed === 0 && result.passed > 0 ? 0 : 1);
}

void main();
