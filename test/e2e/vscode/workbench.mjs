// Drives the code-server workbench in Debian's chromium (playwright-core) with the installed .vsix,
// for what the extension-host suite cannot prove: what a user sees. Each scenario compares the UI
// with the CLI's JSON output for the same file (the CLI is the reference implementation):
//   1. squiggles + Problems panel: per-file and per-rule counts, rule ids and Chinese messages;
//   2. mouse hover on a diagnostic shows the rule doc;
//   3. Ctrl+. on a half-width comma → the quick fix → the line reads `，`;
//   4. fix all: the command, then on save (editor.codeActionsOnSave) → the file equals the CLI's
//      --fix-dry-run output, no fixable problem left, placeholders still reported;
//   5. gongwen.rules { comma-width: off } in the workspace settings → those diagnostics disappear;
//   6. a Markdown file with code blocks → nothing reported inside code.
// Screenshots of each step go to GONGWEN_E2E_ARTIFACTS. A failing check prints what it expected,
// what it saw and the screenshot path. Files are copies in a temp workspace (GONGWEN_E2E_WS2),
// created before the page loads; run.sh deletes the folder afterwards.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Tally, artifact, env, launchBrowser } from './common.mjs';

const port = env('GONGWEN_E2E_PORT');
const root = env('GONGWEN_E2E_ROOT');
const ws = env('GONGWEN_E2E_WS2');
const artifacts = env('GONGWEN_E2E_ARTIFACTS');
const tmp = env('GONGWEN_E2E_TMP');
const WAIT = Number(process.env.GONGWEN_E2E_WAIT_MS || 45000);
// When everything is broken every wait would time out: past this budget, waits become single
// checks so that the run still ends (with its failures listed) in bounded time.
const BUDGET_END = Date.now() + Number(process.env.GONGWEN_E2E_BUDGET_MS || 480000);

const t = new Tally('vscode workbench');
const seed = fs.readFileSync(path.join(root, 'examples', 'speech.txt'), 'utf8');
const MD = [
  '# 关于做好年度工作的通知',
  '',
  '各有关单位,请认真落实。',
  '',
  '```text',
  '代码块中的中文,不应检查,XX也不查。',
  '```',
  '',
  '行内代码 `中文,中文` 不检查,但这句话里的逗号要检查。',
  '',
  '    缩进代码块,也不检查。',
  '',
].join('\n');

// ---------------------------------------------------------------- fixtures and the CLI reference
fs.mkdirSync(ws, { recursive: true });
for (const n of [1, 2, 3]) fs.writeFileSync(path.join(ws, `speech-${n}.txt`), seed);
fs.writeFileSync(path.join(ws, 'doc.md'), MD);
const settingsFile = path.join(ws, '.vscode', 'settings.json');
function writeSettings(obj) {
  fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
  fs.writeFileSync(settingsFile, JSON.stringify(obj, null, 2));
}
writeSettings({});

function cli(args, input) {
  try {
    return execFileSync(process.execPath, [path.join(root, 'bin', 'gongwen-lint.js'), ...args], { input, encoding: 'utf8', cwd: ws, maxBuffer: 64 << 20 });
  } catch (err) {
    if (typeof err.stdout === 'string' && err.stdout) return err.stdout; // exit 1 = errors found
    throw err;
  }
}
/** CLI findings for a text checked as the file `name` in the workspace. */
function cliMessages(name, text) {
  const out = cli(['-f', 'json', '--stdin-filename', path.join(ws, name), '-'], text ?? fs.readFileSync(path.join(ws, name), 'utf8'));
  return JSON.parse(out)[0]?.messages ?? [];
}
function cliFixed(name, text) {
  const out = cli(['-f', 'json', '--fix-dry-run', '--stdin-filename', path.join(ws, name), '-'], text);
  const r = JSON.parse(out)[0];
  return r?.output ?? text;
}
const byRule = (msgs) => msgs.reduce((m, x) => m.set(x.ruleId, [...(m.get(x.ruleId) ?? []), x]), new Map());

// ---------------------------------------------------------------- workbench helpers
let page;
let stepNo = 0;
async function shot(name) {
  const file = artifact(artifacts, `${String(++stepNo).padStart(2, '0')}-${name}.png`);
  await page.screenshot({ path: file }).catch(() => {});
  return file;
}
async function poll(probe, timeoutMs = WAIT) {
  const deadline = Math.min(Date.now() + timeoutMs, BUDGET_END);
  let v;
  for (;;) {
    try {
      v = await probe();
      if (v && v.ok) return v;
    } catch (err) {
      v = { ok: false, saw: `error: ${err.message.split('\n')[0]}` };
    }
    if (Date.now() > deadline) return v ?? { ok: false, saw: 'nothing' };
    await page.waitForTimeout(250);
  }
}
/** Waits for `probe` to return {ok, saw}; records one check with the last thing seen. */
async function expectEventually(name, expected, probe, shotName, timeoutMs) {
  const v = await poll(probe, timeoutMs);
  const file = await shot(shotName);
  t.check(name, v.ok, expected, v.saw, file);
  return v.ok;
}
async function openFile(name) {
  const row = page.locator('.explorer-folders-view .monaco-list-row', { has: page.locator('.label-name', { hasText: new RegExp(`^${name.replace('.', '\\.')}$`) }) });
  await row.first().waitFor({ timeout: WAIT });
  await row.first().dblclick();
  await page.locator(`.tabs-container .tab.active[aria-label^="${name}"]`).waitFor({ timeout: WAIT });
  await runCommand('View: Focus Active Editor Group');
  await page.waitForTimeout(200);
}
async function runCommand(title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: WAIT });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: WAIT });
  await page.keyboard.press('Enter');
}
async function gotoPosition(line, column) {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: WAIT });
  await input.fill(`:${line}:${column}`);
  await page.waitForTimeout(200);
  await page.keyboard.press('Enter');
  await page.waitForTimeout(300);
}
async function save() {
  await page.keyboard.press('Control+S');
}
async function openProblems() {
  await runCommand('View: Focus Problems');
  await page.locator('.markers-panel').waitFor({ timeout: WAIT });
}
async function filterProblems(text) {
  const input = page.locator('input[aria-label="Filter Problems"]');
  await input.fill(text);
  await page.waitForTimeout(600);
}
/** Problems panel rows: file rows ("N problems in file X …") and marker rows (message, code, line). */
async function problemRows() {
  return page.locator('.markers-panel .monaco-list-row').evaluateAll((els) =>
    els.map((e) => ({ label: e.getAttribute('aria-label') || '', text: e.textContent || '', badge: e.querySelector('.monaco-count-badge')?.textContent || '' })),
  );
}
async function fileProblemCount(name) {
  const rows = await problemRows();
  const re = new RegExp(`^(\\d+) problems? in file ${name.replace('.', '\\.')} `);
  for (const r of rows) {
    // The row's aria-label keeps the unfiltered total; its count badge shows what the filter lets through.
    if (re.test(r.label)) return Number(r.badge);
  }
  return 0; // no row: no problem in that file (with the current filter)
}
/** Marker rows belonging to `name` among those rendered. */
async function markerRowsOf(name) {
  const rows = await problemRows();
  const out = [];
  let inFile = false;
  for (const r of rows) {
    if (/ problems? in file /.test(r.label)) {
      inFile = new RegExp(` in file ${name.replace('.', '\\.')} `).test(r.label);
      continue;
    }
    if (!inFile) continue;
    const m = /^(Error|Warning|Info): (.*) at line (\d+) and character (\d+)\. generated by (\S+)/.exec(r.label);
    if (m) out.push({ severity: m[1], message: m[2], line: Number(m[3]), column: Number(m[4]), source: m[5], text: r.text });
  }
  return out;
}
async function editorText() {
  // The visible lines of the active editor, in order (for short files only).
  return page.locator('.editor-instance .monaco-editor .view-lines .view-line').evaluateAll((els) =>
    els
      .map((e) => ({ top: parseFloat(e.style.top), text: e.textContent.replace(/\u00a0/g, ' ') }))
      .sort((a, b) => a.top - b.top)
      .map((x) => x.text),
  );
}

const hanComma = (s) => {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s[i] === ',' && (/[\u3400-\u9fff，。、；：“”（）《》]/u.test(s[i - 1] ?? '') || /[\u3400-\u9fff，。、；：“”（）《》]/u.test(s[i + 1] ?? ''))) n++;
  return n;
};

// ---------------------------------------------------------------- scenarios
async function scenarioProblems() {
  console.log('- squiggles and the Problems panel (speech-1.txt)');
  const name = 'speech-1.txt';
  const expected = cliMessages(name);
  t.check('CLI reports the seed speech (reference)', expected.length > 50, '> 50 CLI findings', expected.length);
  await openFile(name);
  await page.keyboard.press('Control+Home');
  await expectEventually('squiggles appear in the editor', 'squiggly decorations', async () => {
    const n = await page.locator('.view-overlays .cdr[class*="squiggly-"]').count();
    return { ok: n > 0, saw: `${n} squiggles` };
  }, 'squiggles');
  await openProblems();
  await filterProblems(`**/${name}`);
  await expectEventually(`Problems panel lists as many problems for ${name} as the CLI`, `${expected.length} (CLI)`, async () => {
    const n = await fileProblemCount(name);
    return { ok: n === expected.length, saw: n };
  }, 'problems-panel');
  for (const [rule, msgs] of byRule(expected)) {
    await filterProblems(rule);
    const ok = await expectEventually(`Problems panel filtered by "${rule}": ${msgs.length} problem(s), like the CLI`, msgs.length, async () => {
      const n = await fileProblemCount(name);
      return { ok: n === msgs.length, saw: n };
    }, `problems-${rule}`, 15000);
    if (!ok) continue;
    const rows = await markerRowsOf(name);
    const cliTexts = new Set(msgs.map((m) => m.message));
    const severity = (m) => (m.severity === 2 ? 'Error' : m.gongwenSeverity === 'info' ? 'Info' : 'Warning');
    const severities = new Set(msgs.map(severity));
    const bad = rows.filter((r) => !cliTexts.has(r.message) || !r.text.includes(rule) || r.source !== 'gongwen' || !severities.has(r.severity));
    const rowsOk = rows.length > 0 && bad.length === 0;
    t.check(`rows for "${rule}" show rule id, source gongwen, the CLI's severity and Chinese message`, rowsOk && /\p{Script=Han}/u.test(rows[0].message), `e.g. ${[...cliTexts][0]} (${rule})`, rows.length === 0 ? 'no rendered row' : `${bad.length}/${rows.length} differ, e.g. ${JSON.stringify(bad[0] ?? rows[0])}`, stepNo ? path.join(artifacts, `${String(stepNo).padStart(2, '0')}-problems-${rule}.png`) : undefined);
    const positions = new Set(msgs.map((m) => `${m.line}:${m.column}`));
    const misplaced = rows.filter((r) => !positions.has(`${r.line}:${r.column}`));
    t.check(`rows for "${rule}" are at the CLI's line:column`, rows.length > 0 && misplaced.length === 0, [...positions].slice(0, 3).join(' '), misplaced.slice(0, 3).map((r) => `${r.line}:${r.column}`).join(' ') || 'no rendered row');
  }
  await filterProblems('');
}

async function scenarioHoverAndQuickFix() {
  console.log('- hover and Ctrl+. quick fix (speech-1.txt)');
  const name = 'speech-1.txt';
  const before = fs.readFileSync(path.join(ws, name), 'utf8');
  const comma = cliMessages(name).find((m) => m.ruleId === 'comma-width');
  if (!t.check('the CLI reports a comma-width finding to work on', comma, 'a comma-width finding', 'none')) return;
  await openFile(name);
  await gotoPosition(comma.line, comma.column);
  // Hover with the mouse just right of the cursor, over the comma.
  const cursor = await page.locator('.editor-instance .monaco-editor .cursors-layer .cursor').first().boundingBox();
  await page.mouse.move(cursor.x + 3, cursor.y + cursor.height / 2);
  const heading = fs.readFileSync(path.join(root, 'rules', 'docs', 'comma-width.md'), 'utf8').split('\n')[0].replace(/^#\s*/, '');
  await expectEventually('hovering the comma shows the message and the rule doc', `hover with "${comma.message.slice(0, 20)}…" and "${heading}"`, async () => {
    const hover = page.locator('.monaco-hover:visible').first();
    const text = (await hover.count()) ? await hover.innerText() : '';
    return { ok: text.includes(heading) && text.includes(comma.message.slice(0, 15)), saw: text ? text.slice(0, 200).replace(/\n/g, ' ⏎ ') : 'no hover' };
  }, 'hover', 20000);
  await page.keyboard.press('Escape');
  await page.mouse.move(5, 500);

  await page.keyboard.press('Control+.');
  const title = '将“,”改为“，”（comma-width）';
  const menuOk = await expectEventually('Ctrl+. offers the quick fix', title, async () => {
    const items = await page.locator('.action-widget .monaco-list-row').allInnerTexts();
    return { ok: items.some((s) => s.includes(title)), saw: items.join(' | ') || 'no menu' };
  }, 'quickfix-menu', 20000);
  if (!menuOk) {
    await page.keyboard.press('Escape');
    return;
  }
  // Move the focus to the fix (the preferred one is normally focused first) and accept it.
  for (let i = 0; i < 10; i++) {
    const focused = await page.locator('.action-widget .monaco-list-row.focused').first().innerText().catch(() => '');
    if (focused.includes(title)) break;
    await page.keyboard.press('ArrowDown');
    await page.waitForTimeout(100);
  }
  await page.keyboard.press('Enter');
  await page.waitForTimeout(300);
  await save();
  const lineNo = comma.line - 1;
  const lines = before.split('\n');
  const want = lines[lineNo].slice(0, comma.column - 1) + '，' + lines[lineNo].slice(comma.column);
  await expectEventually(`the line now reads with ，at ${comma.line}:${comma.column}`, want.slice(Math.max(0, comma.column - 10), comma.column + 10), async () => {
    const got = fs.readFileSync(path.join(ws, name), 'utf8').split('\n')[lineNo];
    return { ok: got === want, saw: got.slice(Math.max(0, comma.column - 10), comma.column + 10) };
  }, 'quickfix-applied');
  const n = cliMessages(name).length;
  await expectEventually('one problem fewer in the Problems panel (as the CLI counts the saved file)', n, async () => {
    const c = await fileProblemCount(name);
    return { ok: c === n, saw: c };
  }, 'quickfix-problems');
}

async function scenarioFixAllCommand() {
  console.log('- fix all with the command (speech-1.txt)');
  const name = 'speech-1.txt';
  const before = fs.readFileSync(path.join(ws, name), 'utf8');
  const want = cliFixed(name, before);
  t.check('the CLI has something to fix (reference)', want !== before, 'a different fixed text', 'no change');
  await openFile(name);
  await runCommand('Gongwen: Fix All Auto-fixable Problems in This File');
  await page.waitForTimeout(500);
  await save();
  await expectEventually('after "fix all" + save the file equals the CLI --fix-dry-run output', 'CLI output', async () => {
    const got = fs.readFileSync(path.join(ws, name), 'utf8');
    if (got === want) return { ok: true };
    let i = 0;
    while (i < got.length && got[i] === want[i]) i++;
    return { ok: false, saw: `differs at offset ${i}: "${got.slice(i, i + 20)}" vs CLI "${want.slice(i, i + 20)}"` };
  }, 'fixall-command');
  await checkNothingFixableLeft(name, 'fixall-command-problems');
}

async function checkNothingFixableLeft(name, shotName) {
  const after = cliMessages(name);
  t.check(`no fixable problem left in ${name} (CLI on the saved file)`, after.every((m) => !m.fix), '0 with a fix', after.filter((m) => m.fix).map((m) => m.ruleId).join(','));
  const placeholders = after.filter((m) => m.ruleId === 'placeholder').length;
  await filterProblems('comma-width');
  await expectEventually(`no comma-width problem left in the Problems panel for ${name}`, 0, async () => {
    const c = await fileProblemCount(name);
    return { ok: c === 0, saw: c };
  }, `${shotName}-comma`);
  await filterProblems('placeholder');
  await expectEventually(`placeholders still reported for ${name}`, `${placeholders} (> 0)`, async () => {
    const c = await fileProblemCount(name);
    return { ok: placeholders > 0 && c === placeholders, saw: c };
  }, `${shotName}-placeholder`);
  await filterProblems(`**/${name}`);
  await expectEventually(`Problems panel total for ${name} equals the CLI`, after.length, async () => {
    const c = await fileProblemCount(name);
    return { ok: c === after.length, saw: c };
  }, `${shotName}-total`);
}

async function scenarioFixOnSave() {
  console.log('- fix all on save with editor.codeActionsOnSave (speech-2.txt)');
  const name = 'speech-2.txt';
  writeSettings({ 'editor.codeActionsOnSave': { 'source.fixAll.gongwen': 'explicit' } });
  await openFile(name);
  await filterProblems(`**/${name}`);
  await expectEventually('diagnostics for the fresh copy', '> 0 problems', async () => {
    const c = await fileProblemCount(name);
    return { ok: c > 0, saw: c };
  }, 'onsave-before');
  await runCommand('View: Focus Active Editor Group'); // the Problems filter had the focus
  await page.waitForTimeout(200);
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.insertText('本段为测试,请忽略。');
  await page.waitForTimeout(300);
  const typed = seed + '\n本段为测试,请忽略。';
  t.check('the editor is dirty after typing', await page.locator('.tabs-container .tab.active.dirty').count(), 'a dirty tab', 'not dirty', await shot('onsave-typed'));
  const want = cliFixed(name, typed);
  await save();
  await expectEventually('on save the file is fixed like the CLI --fix-dry-run output', 'CLI output, incl. 本段为测试，请忽略。', async () => {
    const got = fs.readFileSync(path.join(ws, name), 'utf8');
    if (got === want) return { ok: true };
    let i = 0;
    while (i < got.length && got[i] === want[i]) i++;
    return { ok: false, saw: `differs at offset ${i}: "${got.slice(i, i + 20)}" vs CLI "${want.slice(i, i + 20)}" (${hanComma(got)} half-width commas in Chinese text left)` };
  }, 'onsave-saved');
  await checkNothingFixableLeft(name, 'onsave-problems');
  writeSettings({});
}

async function scenarioRulesOff() {
  console.log('- gongwen.rules: comma-width off (speech-3.txt)');
  const name = 'speech-3.txt';
  const all = cliMessages(name);
  const commas = all.filter((m) => m.ruleId === 'comma-width').length;
  writeSettings({});
  await openFile(name);
  await openProblems();
  await filterProblems(`**/${name}`);
  await expectEventually('all problems before the setting', all.length, async () => {
    const c = await fileProblemCount(name);
    return { ok: c === all.length, saw: c };
  }, 'rules-before');
  writeSettings({ 'gongwen.rules': { 'comma-width': 'off' } });
  await expectEventually('comma-width diagnostics disappear, the others stay', all.length - commas, async () => {
    const c = await fileProblemCount(name);
    return { ok: c === all.length - commas, saw: c };
  }, 'rules-off');
  await filterProblems('comma-width');
  const c = await fileProblemCount(name);
  t.check('no comma-width row left', c === 0, 0, c, await shot('rules-off-filtered'));
  await filterProblems(`**/${name}`);
  writeSettings({});
  await expectEventually('removing the setting brings them back', all.length, async () => {
    const n = await fileProblemCount(name);
    return { ok: n === all.length, saw: n };
  }, 'rules-back');
}

async function scenarioMarkdown() {
  console.log('- Markdown with code (doc.md)');
  const name = 'doc.md';
  const expected = cliMessages(name);
  const lines = MD.split('\n');
  // Code lines and spans, found independently of the linter.
  const fenceOpen = lines.indexOf('```text') + 1;
  const fenceClose = lines.indexOf('```', fenceOpen) + 1;
  const indented = lines.findIndex((l) => l.startsWith('    ')) + 1;
  const inlineLine = lines.findIndex((l) => l.includes('`中文,中文`')) + 1;
  const inlineFrom = lines[inlineLine - 1].indexOf('`') + 1;
  const inlineTo = lines[inlineLine - 1].indexOf('`', inlineFrom) + 1;
  const inCode = (l, c) => (l >= fenceOpen && l <= fenceClose) || l === indented || (l === inlineLine && c >= inlineFrom && c <= inlineTo);
  t.check('the CLI reports the prose of doc.md and nothing in code (reference)', expected.length >= 2 && expected.every((m) => !inCode(m.line, m.column)), '>= 2 findings outside code', expected.map((m) => `${m.ruleId}@${m.line}:${m.column}`).join(' '));
  await openFile(name);
  await openProblems();
  await filterProblems(`**/${name}`);
  await expectEventually(`Problems panel for ${name} lists what the CLI reports`, expected.length, async () => {
    const c = await fileProblemCount(name);
    return { ok: c === expected.length, saw: c };
  }, 'markdown');
  const rows = await markerRowsOf(name);
  const inside = rows.filter((r) => inCode(r.line, r.column));
  t.check('nothing reported inside code blocks or inline code', rows.length > 0 && inside.length === 0, `rows outside lines ${fenceOpen}-${fenceClose}, ${indented} and ${inlineLine}:${inlineFrom}-${inlineTo}`, rows.length ? rows.map((r) => `${r.line}:${r.column}`).join(' ') : 'no rows', await shot('markdown-rows'));
  const shown = await editorText();
  t.check('the editor shows the Markdown file', shown.some((l) => l.includes('代码块中的中文')), 'the code block line', shown.slice(0, 3).join(' ⏎ '));
}

// ---------------------------------------------------------------- main
const context = await launchBrowser(path.join(tmp, 'chromium-workbench'));
let code = 1;
try {
  page = context.pages()[0] ?? (await context.newPage());
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(ws)}`);
  await page.locator('.monaco-workbench .explorer-folders-view').waitFor({ timeout: WAIT });
  for (const s of [scenarioProblems, scenarioHoverAndQuickFix, scenarioFixAllCommand, scenarioFixOnSave, scenarioRulesOff, scenarioMarkdown]) {
    try {
      await s();
    } catch (err) {
      const file = await shot(`${s.name}-error`);
      t.fail(`${s.name} ran to the end`, 'no exception', err.message.split('\n').slice(0, 3).join(' '), file);
      await page.keyboard.press('Escape').catch(() => {});
    }
  }
} finally {
  code = t.summary();
  await context.close();
}
process.exit(code);
