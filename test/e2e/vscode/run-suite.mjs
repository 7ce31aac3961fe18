// Runs the @vscode/test-electron integration suite (test/vscode/suite) for real inside code-server:
// the workbench URL carries `payload` with extensionDevelopmentPath and extensionTestsPath as
// vscode-remote:// URIs (see DESIGN.md, "Real clients"), so the suite's run() executes mocha in
// code-server's Node extension host. The workbench signals the end with
// window.codeAutomationExit(code); the suite writes its JSON result to GONGWEN_TEST_RESULT, which
// code-server (and so the extension host) inherited from run.sh.
//
// Env: GONGWEN_E2E_PORT, GONGWEN_E2E_ROOT (the extension folder = the repo), GONGWEN_E2E_WS (a
// workspace folder), GONGWEN_TEST_RESULT, GONGWEN_E2E_ARTIFACTS, GONGWEN_E2E_TMP.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Tally, artifact, env, launchBrowser } from './common.mjs';

const port = env('GONGWEN_E2E_PORT');
const root = env('GONGWEN_E2E_ROOT');
const ws = env('GONGWEN_E2E_WS');
const resultFile = env('GONGWEN_TEST_RESULT');
const artifacts = env('GONGWEN_E2E_ARTIFACTS');
const tmp = env('GONGWEN_E2E_TMP');
const timeoutMs = Number(process.env.GONGWEN_E2E_SUITE_TIMEOUT_MS || 300000);

const t = new Tally('vscode suite in code-server');
const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
const payload = [
  ['extensionDevelopmentPath', remote(root)],
  ['extensionTestsPath', remote(path.join(root, 'out', 'test', 'vscode', 'suite', 'index.js'))],
];
const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(ws)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

fs.rmSync(resultFile, { force: true });
const consoleLog = artifact(artifacts, 'suite-console.log');
const logLines = [];
const context = await launchBrowser(path.join(tmp, 'chromium-suite'));
let exitCode;
const shot = artifact(artifacts, 'suite-end.png');
try {
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (m) => logLines.push(`[${m.type()}] ${m.text()}`));
  page.on('pageerror', (e) => logLines.push(`[pageerror] ${e.message}`));
  let done;
  const exited = new Promise((resolve) => (done = resolve));
  await page.exposeFunction('codeAutomationExit', (code) => {
    done(code);
  });
  const started = Date.now();
  await page.goto(url);
  exitCode = await Promise.race([exited, new Promise((r) => setTimeout(() => r('timeout'), timeoutMs))]);
  console.log(`  (workbench signalled codeAutomationExit(${exitCode}) after ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  await page.screenshot({ path: shot }).catch(() => {});
} finally {
  fs.writeFileSync(consoleLog, logLines.join('\n') + '\n');
  await context.close();
}

if (exitCode === 'timeout') {
  t.fail('the suite finished', `codeAutomationExit within ${timeoutMs / 1000} s`, 'no exit signal', shot);
  console.log(`  browser console (mocha output): ${consoleLog}`);
  process.exit(t.summary());
}
if (!fs.existsSync(resultFile)) {
  t.fail('the suite wrote its JSON result', resultFile, `no file (exit code ${exitCode}); console: ${consoleLog}`, shot);
  process.exit(t.summary());
}
const result = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
console.log(`  suite ran in VS Code ${result.vscodeVersion} (code-server extension host)`);
let retried = 0;
for (const test of result.tests) {
  for (const [i, err] of (test.retriedAfter ?? []).entries()) {
    retried++;
    console.log(`  RETRY ${test.title}\n        attempt ${i + 1} failed: ${err.split('\n').slice(0, 6).join('\n                 ')}`);
  }
  if (test.state === 'passed') t.ok(test.retriedAfter?.length ? `${test.title} (passed on attempt ${test.retriedAfter.length + 1})` : test.title);
  else if (test.state === 'failed') t.fail(test.title, 'pass', (test.error || '').split('\n').slice(0, 4).join('\n                 '), shot);
  else t.fail(`${test.title} (pending: nothing may be skipped)`, 'run', 'pending');
}
if (result.error) t.fail('the suite loaded', 'no load error', result.error.split('\n')[0]);
t.check('workbench exit code agrees with the result', (exitCode === 0) === (result.failed === 0 && result.passed > 0), `exit 0 iff all passed (${result.passed} passed, ${result.failed} failed)`, `exit ${exitCode}`);
t.check('the suite ran tests', result.passed + result.failed > 0, '> 0 tests', 0);
if (retried) console.log(`  ${retried} failed attempt(s) were retried: see RETRY above (the extension's log follows when run.sh sees them)`);
if (t.failed) console.log(`  browser console (mocha output): ${consoleLog}`);
process.exit(t.summary());
