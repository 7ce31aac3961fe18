#!/usr/bin/env node
// Builds a platform-specific .vsix of the extension:
//   1. production bundles (node esbuild.mjs --production),
//   2. the native segmenter (@node-rs/jieba + its dictionary + the target platform's .node
//      package) copied into dist/node_modules, where dist/server.js finds it,
//   3. vsce package --no-dependencies --target <target> (files chosen by .vscodeignore),
//   4. a check that the .vsix holds everything the extension needs, and, when the target is this
//      machine's platform, a smoke test: the packaged server, unpacked in an empty folder, started
//      over stdio, must report diagnostics for examples/speech.txt.
//
// Usage: npm run package [-- --target linux-x64|linux-arm64|alpine-x64|darwin-arm64|win32-x64|…] [--no-smoke]
// The native package of another platform is fetched with `npm pack` when it is not installed.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
process.chdir(root);
const require = createRequire(path.join(root, 'package.json'));
const manifest = JSON.parse(fs.readFileSync('package.json', 'utf8'));

/** vsce target → napi-rs platform suffix of @node-rs/jieba-<suffix>. */
const NATIVE = {
  'linux-x64': 'linux-x64-gnu',
  'linux-arm64': 'linux-arm64-gnu',
  'linux-armhf': 'linux-arm-gnueabihf',
  'alpine-x64': 'linux-x64-musl',
  'alpine-arm64': 'linux-arm64-musl',
  'darwin-x64': 'darwin-x64',
  'darwin-arm64': 'darwin-arm64',
  'win32-x64': 'win32-x64-msvc',
  'win32-arm64': 'win32-arm64-msvc',
};

function hostTarget() {
  const arch = process.arch === 'arm' ? 'armhf' : process.arch;
  if (process.platform === 'linux') {
    const glibc = process.report?.getReport?.().header?.glibcVersionRuntime;
    return `${glibc ? 'linux' : 'alpine'}-${arch}`;
  }
  return `${process.platform}-${arch}`;
}

const args = process.argv.slice(2);
const ti = args.indexOf('--target');
const target = ti >= 0 ? args[ti + 1] : hostTarget();
const smoke = !args.includes('--no-smoke') && target === hostTarget();
if (!NATIVE[target]) fail(`unknown target "${target}"; one of: ${Object.keys(NATIVE).join(', ')}`);

function fail(msg) {
  console.error(`package-vsix: ${msg}`);
  process.exit(1);
}
function run(cmd, cmdArgs, opts = {}) {
  console.log(`> ${cmd} ${cmdArgs.join(' ')}`);
  const r = spawnSync(cmd, cmdArgs, { stdio: 'inherit', ...opts });
  if (r.status !== 0) fail(`${cmd} exited with ${r.status ?? r.signal}`);
}
function copy(from, to) {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.copyFileSync(from, to);
}

// 1. production bundles
run(process.execPath, ['esbuild.mjs', '--production']);

// 2. native segmenter next to the bundle
const jiebaDir = path.dirname(require.resolve('@node-rs/jieba/package.json'));
const jiebaVersion = JSON.parse(fs.readFileSync(path.join(jiebaDir, 'package.json'), 'utf8')).version;
const staged = path.join(root, 'dist', 'node_modules');
fs.rmSync(staged, { recursive: true, force: true });
for (const f of ['package.json', 'index.js', 'dict.js', 'dict.txt', 'idf.txt', 'LICENSE']) {
  copy(path.join(jiebaDir, f), path.join(staged, '@node-rs', 'jieba', f));
}
const nativeName = `@node-rs/jieba-${NATIVE[target]}`;
let nativeDir = path.join(root, 'node_modules', nativeName);
let tmpNative;
if (!fs.existsSync(nativeDir)) {
  tmpNative = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-native-'));
  run('npm', ['pack', `${nativeName}@${jiebaVersion}`, '--pack-destination', tmpNative], { shell: process.platform === 'win32' });
  const tgz = fs.readdirSync(tmpNative).find((f) => f.endsWith('.tgz'));
  if (!tgz) fail(`npm pack ${nativeName}@${jiebaVersion} produced no archive`);
  run('tar', ['-xzf', path.join(tmpNative, tgz), '-C', tmpNative]);
  nativeDir = path.join(tmpNative, 'package');
}
const nativeVersion = JSON.parse(fs.readFileSync(path.join(nativeDir, 'package.json'), 'utf8')).version;
if (nativeVersion !== jiebaVersion) fail(`${nativeName} is ${nativeVersion}, @node-rs/jieba is ${jiebaVersion}`);
const nodeFiles = fs.readdirSync(nativeDir).filter((f) => f.endsWith('.node'));
if (nodeFiles.length === 0) fail(`${nativeName} has no .node binary`);
for (const f of ['package.json', ...nodeFiles]) copy(path.join(nativeDir, f), path.join(staged, ...nativeName.split('/'), f));
if (tmpNative) fs.rmSync(tmpNative, { recursive: true, force: true });

// 3. vsce
const out = `${manifest.name}-${manifest.version}-${target}.vsix`;
const vsce = path.join(path.dirname(require.resolve('@vscode/vsce/package.json')), 'vsce');
try {
  run(process.execPath, [vsce, 'package', '--no-dependencies', '--target', target, '--out', out]);
} finally {
  fs.rmSync(staged, { recursive: true, force: true });
}

// 4. contents check and smoke test
const entries = await listZip(out);
const required = [
  'extension/package.json',
  'extension/package.nls.json',
  'extension/package.nls.zh-cn.json',
  'extension/l10n/bundle.l10n.zh-cn.json',
  'extension/dist/extension.js',
  'extension/dist/server.js',
  'extension/dist/re2.wasm',
  'extension/dist/builtin-dictionaries.json',
  'extension/dist/node_modules/@node-rs/jieba/index.js',
  'extension/dist/node_modules/@node-rs/jieba/dict.txt',
  ...nodeFiles.map((f) => `extension/dist/node_modules/${nativeName}/${f}`),
  'extension/rules/schema/gongwenrc.schema.json',
  'extension/syntaxes/gongwen.tmLanguage.json',
  'extension/syntaxes/placeholder-injection.tmLanguage.json',
  'extension/syntaxes/language-configuration.json',
  'extension/readme.md',
];
const lower = new Set(entries.map((e) => e.toLowerCase()));
const missing = required.filter((r) => !lower.has(r.toLowerCase()));
if (!entries.some((e) => /^extension\/LICENSE(\.txt|\.md)?$/i.test(e))) missing.push('extension/LICENSE');
const docs = fs.readdirSync('rules/docs').filter((f) => f.endsWith('.md'));
for (const d of docs) if (!lower.has(`extension/rules/docs/${d}`.toLowerCase())) missing.push(`extension/rules/docs/${d}`);
if (missing.length) fail(`${out} lacks:\n  ${missing.join('\n  ')}`);
const unwanted = entries.filter((e) => /\.(ts|map)$/.test(e) || e.startsWith('extension/node_modules/') || e.startsWith('extension/test/') || e.startsWith('extension/out/'));
if (unwanted.length) fail(`${out} contains files it should not:\n  ${unwanted.slice(0, 20).join('\n  ')}`);
console.log(`${out}: ${entries.length} files, ${(fs.statSync(out).size / 1e6).toFixed(1)} MB, ${docs.length} rule docs`);

if (smoke) {
  await smokeTest(out);
} else {
  console.log(`smoke test skipped (${target === hostTarget() ? '--no-smoke' : `target ${target} is not this machine (${hostTarget()})`})`);
}

async function listZip(file) {
  const yauzl = require('yauzl');
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      const names = [];
      zip.on('entry', (e) => {
        names.push(e.fileName);
        zip.readEntry();
      });
      zip.on('end', () => resolve(names));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

async function unzipTo(file, dir) {
  const yauzl = require('yauzl');
  await new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      zip.on('entry', (e) => {
        const dest = path.join(dir, e.fileName);
        if (!dest.startsWith(dir + path.sep)) return reject(new Error(`bad entry ${e.fileName}`));
        if (e.fileName.endsWith('/')) {
          fs.mkdirSync(dest, { recursive: true });
          zip.readEntry();
          return;
        }
        fs.mkdirSync(path.dirname(dest), { recursive: true });
        zip.openReadStream(e, (err2, stream) => {
          if (err2) return reject(err2);
          stream.pipe(fs.createWriteStream(dest)).on('finish', () => zip.readEntry()).on('error', reject);
        });
      });
      zip.on('end', resolve);
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/** Unpacks the .vsix into an empty temp folder (no node_modules above it) and drives its server over stdio. */
async function smokeTest(file) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-vsix-'));
  try {
    await unzipTo(file, dir);
    const ext = path.join(dir, 'extension');
    // The segmenter must load from inside the package, not from this repository's node_modules.
    const seg = spawnSync(process.execPath, ['-e', "const {Jieba}=require('@node-rs/jieba');const {dict}=require('@node-rs/jieba/dict');const j=Jieba.withDict(dict);process.stdout.write(JSON.stringify(j.cut('坚定不移推进高质量发展')))"], {
      cwd: path.join(ext, 'dist'),
      env: { ...process.env, NODE_PATH: '' },
      encoding: 'utf8',
    });
    if (seg.status !== 0) fail(`segmenter does not load from the package:\n${seg.stderr}`);
    console.log(`smoke: packaged segmenter cut → ${seg.stdout}`);
    const text = fs.readFileSync(path.join(root, 'examples', 'speech.txt'), 'utf8');
    const diagnostics = await lspDiagnostics(path.join(ext, 'dist', 'server.js'), text, dir);
    if (diagnostics.length === 0) fail('smoke: the packaged server published no diagnostics for examples/speech.txt');
    const byRule = {};
    for (const d of diagnostics) byRule[d.code] = (byRule[d.code] ?? 0) + 1;
    console.log(`smoke: packaged server published ${diagnostics.length} diagnostics for examples/speech.txt: ${JSON.stringify(byRule)}`);
    // The seed speech has a built-in dictionary finding (dist/builtin-dictionaries.json) and a
    // 的/地/得 finding (the packaged segmenter, loaded by the server itself).
    for (const rule of ['confusable-word', 'de-di-de']) {
      if (!byRule[rule]) fail(`smoke: the packaged server found no ${rule} problem in examples/speech.txt`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function lspDiagnostics(serverJs, text, cwd) {
  return new Promise((resolve, reject) => {
    const child = spawnChild(serverJs, cwd);
    const uri = 'file:///smoke/speech.txt';
    let latest = [];
    let buf = Buffer.alloc(0);
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error('smoke: no diagnostics within 30 s'));
    }, 30000);
    const send = (msg) => {
      const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...msg }), 'utf8');
      child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
      child.stdin.write(body);
    };
    child.stdout.on('data', (chunk) => {
      buf = Buffer.concat([buf, chunk]);
      for (;;) {
        const sep = buf.indexOf('\r\n\r\n');
        if (sep < 0) return;
        const len = Number(/Content-Length: (\d+)/i.exec(buf.subarray(0, sep).toString('ascii'))?.[1]);
        if (buf.length < sep + 4 + len) return;
        const msg = JSON.parse(buf.subarray(sep + 4, sep + 4 + len).toString('utf8'));
        buf = buf.subarray(sep + 4 + len);
        if (msg.id === 1 && msg.result) {
          send({ method: 'initialized', params: {} });
          send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'plaintext', version: 1, text } } });
        } else if (msg.method === 'workspace/configuration') {
          send({ id: msg.id, result: msg.params.items.map(() => null) });
        } else if (msg.method && msg.id !== undefined) {
          send({ id: msg.id, result: null });
        } else if (msg.method === 'textDocument/publishDiagnostics' && msg.params.uri === uri) {
          // At cold start the server publishes twice (without, then with the segmenter): the
          // result is the last publish before the server reports the document idle.
          latest = msg.params.diagnostics;
        } else if (msg.method === 'gongwen/status' && msg.params.uri === uri && msg.params.state === 'idle' && latest.length > 0) {
          clearTimeout(timer);
          send({ id: 2, method: 'shutdown' });
          send({ method: 'exit' });
          setTimeout(() => child.kill(), 500).unref();
          resolve(latest);
        }
      }
    });
    child.on('error', reject);
    send({ id: 1, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: { trusted: true } } });
  });
}

function spawnChild(serverJs, cwd) {
  // eslint-disable-next-line no-undef
  const { spawn } = require('node:child_process');
  return spawn(process.execPath, [serverJs, '--stdio'], { cwd, env: { ...process.env, NODE_PATH: '' }, stdio: ['pipe', 'pipe', 'inherit'] });
}
