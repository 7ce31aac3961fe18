/**
 * Entry point of the integration suite inside the VS Code extension host (extensionTestsPath).
 * The same module runs under @vscode/test-electron and inside code-server (see DESIGN.md), where
 * mocha's output only reaches the browser console: so it also writes a JSON result to the path in
 * GONGWEN_TEST_RESULT when set. mocha 11 is CommonJS, so `require('mocha')` works here.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

interface TestRecord {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: string;
  /** Errors of earlier attempts when mocha retried the test (`this.retries(n)`): never hidden. */
  retriedAfter?: string[];
}

export interface SuiteResult {
  passed: number;
  failed: number;
  pending: number;
  tests: TestRecord[];
  startedAt: string;
  finishedAt: string;
  vscodeVersion: string;
  /** Set when the suite could not load or crashed before running tests. */
  error?: string;
}

function writeResult(result: SuiteResult): void {
  const file = process.env.GONGWEN_TEST_RESULT;
  if (!file) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(result, null, 2));
}

export function run(): Promise<void> {
  const startedAt = new Date().toISOString();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const vscodeVersion = (require('vscode') as typeof import('vscode')).version;
  const tests: TestRecord[] = [];
  const finish = (error?: string): SuiteResult => {
    const count = (s: TestRecord['state']) => tests.filter((t) => t.state === s).length;
    const result: SuiteResult = { passed: count('passed'), failed: count('failed') + (error ? 1 : 0), pending: count('pending'), tests, startedAt, finishedAt: new Date().toISOString(), vscodeVersion, error };
    writeResult(result);
    return result;
  };
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const Mocha = require('mocha') as typeof import('mocha');
    const mocha = new Mocha({ ui: 'bdd', timeout: 120000, color: false, reporter: 'spec' });
    for (const f of fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) mocha.addFile(path.join(__dirname, f));
    return new Promise((resolve, reject) => {
      const runner = mocha.run((failures) => {
        const result = finish();
        if (failures > 0 || result.failed > 0) reject(new Error(`${Math.max(failures, result.failed)} integration test(s) failed`));
        else if (result.passed === 0) reject(new Error('no integration test ran'));
        else resolve();
      });
      const retried = new Map<string, string[]>();
      const retries = (title: string) => (retried.has(title) ? { retriedAfter: retried.get(title) } : {});
      // mocha emits 'retry' (not 'fail') for an attempt that will be run again.
      runner.on('retry', (t, err: Error) => retried.set(t.fullTitle(), [...(retried.get(t.fullTitle()) ?? []), String(err?.stack ?? err)]));
      runner.on('pass', (t) => tests.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration, ...retries(t.fullTitle()) }));
      runner.on('fail', (t, err: Error) => tests.push({ title: t.fullTitle(), state: 'failed', durationMs: t.duration, error: String(err?.stack ?? err), ...retries(t.fullTitle()) }));
      runner.on('pending', (t) => tests.push({ title: t.fullTitle(), state: 'pending' }));
    });
  } catch (err) {
    finish(String((err as Error)?.stack ?? err));
    return Promise.reject(err);
  }
}
