import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync, type SpawnSyncReturns } from 'child_process';
import Ajv, { type ValidateFunction } from 'ajv';
import { runCli, type CliIo } from '../../server/cli/main';
import { allRules } from '../../rules/registry';

/** Repository root (tests run from out/test/cli). */
export const REPO = path.resolve(__dirname, '..', '..', '..');
export const BIN = path.join(REPO, 'bin', 'gongwen-lint.js');

/**
 * Text on which comma-width (the shipped rule these tests lean on) reports exactly the marked
 * half-width commas. Other rules are switched off by `onlyCommaWidth()`, so the findings do not
 * depend on rules other developers are still writing.
 */
export const TWO_COMMAS = '我们要坚持改革,推进发展。\n全面深化改革,扩大开放。\n';
export const CLEAN = '我们要坚持改革，推进发展。\n';

/** Every registered rule off except comma-width (at `level`). */
export function onlyCommaWidth(level: 'info' | 'warn' | 'error' = 'warn'): Record<string, unknown> {
  const rules: Record<string, string> = {};
  for (const r of allRules) rules[r.meta.id] = r.meta.id === 'comma-width' ? level : 'off';
  return { root: true, rules };
}

export interface TempDir {
  dir: string;
  write(rel: string, content: string | Buffer): string;
  read(rel: string): Buffer;
  cleanup(): void;
}

/** A fresh folder under the OS temp dir with a root config that enables only comma-width. */
export function tempProject(config: Record<string, unknown> | null = onlyCommaWidth()): TempDir {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-cli-')));
  const t: TempDir = {
    dir,
    write(rel, content) {
      const p = path.join(dir, rel);
      fs.mkdirSync(path.dirname(p), { recursive: true });
      fs.writeFileSync(p, content);
      return p;
    },
    read(rel) {
      return fs.readFileSync(path.join(dir, rel));
    },
    cleanup() {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  if (config) t.write('.gongwenrc.json', JSON.stringify(config, null, 2));
  return t;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd: string;
  stdin?: string | Buffer;
  /** Default: stdin is a TTY unless `stdin` is given (then it is a pipe). */
  stdinIsTTY?: boolean;
  stdoutIsTTY?: boolean;
  stderrIsTTY?: boolean;
  env?: NodeJS.ProcessEnv;
}

/** The CLI in-process with a fake io: fast, and every stream is captured. */
export async function run(argv: string[], opts: RunOptions): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    argv,
    cwd: opts.cwd,
    stdout: (s) => {
      stdout += s;
    },
    stderr: (s) => {
      stderr += s;
    },
    readStdin: async () => (opts.stdin === undefined ? Buffer.alloc(0) : Buffer.from(opts.stdin)),
    stdinIsTTY: opts.stdinIsTTY ?? opts.stdin === undefined,
    stdoutIsTTY: opts.stdoutIsTTY ?? false,
    stderrIsTTY: opts.stderrIsTTY ?? false,
    env: opts.env ?? {},
  };
  const code = await runCli(io);
  return { code, stdout, stderr };
}

/** The real launcher as a child process (proves bin → dist/cli.js → runCli wiring). */
export function runBin(argv: string[], opts: { cwd: string; input?: string; env?: NodeJS.ProcessEnv }): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [BIN, ...argv], {
    cwd: opts.cwd,
    input: opts.input,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true', ...opts.env },
    timeout: 30000,
  });
}

export function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.invalid', '-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

function addFormats(ajv: Ajv): void {
  ajv.addFormat('uri', (s: string) => {
    try {
      new URL(s);
      return true;
    } catch {
      return false;
    }
  });
  // A relative or absolute URI reference: no spaces or characters RFC 3986 does not allow raw.
  ajv.addFormat('uri-reference', (s: string) => /^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]*$/.test(s));
  ajv.addFormat('date-time', (s: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i.test(s) && !Number.isNaN(Date.parse(s)));
}

let sarifValidator: ValidateFunction | undefined;
/** The OASIS SARIF 2.1.0 schema (test/schemas, see SOURCE.md), compiled once. */
export function validateSarif(doc: unknown): string[] {
  if (!sarifValidator) {
    const schema = JSON.parse(fs.readFileSync(path.join(REPO, 'test', 'schemas', 'sarif-schema-2.1.0.json'), 'utf8')) as Record<string, unknown>;
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    sarifValidator = ajv.compile(schema);
  }
  return sarifValidator(doc) ? [] : (sarifValidator.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

let rdjsonValidator: ValidateFunction | undefined;
/**
 * reviewdog's DiagnosticResult schema (draft-04). Ajv 8 speaks draft-07, so `id` becomes `$id` and
 * the draft-04 `$schema` lines are dropped; the constraints themselves are untouched.
 */
export function validateRdjson(doc: unknown): string[] {
  if (!rdjsonValidator) {
    const raw = fs.readFileSync(path.join(REPO, 'test', 'schemas', 'rdjson-DiagnosticResult.jsonschema'), 'utf8');
    const schema = JSON.parse(raw, function (this: Record<string, unknown>, key, value: unknown) {
      if (key === '$schema') return undefined;
      if (key === 'id' && typeof value === 'string' && value.startsWith('reviewdog.')) {
        this.$id = value;
        return undefined;
      }
      return value;
    }) as Record<string, unknown>;
    const ajv = new Ajv({ allErrors: true, strict: false });
    rdjsonValidator = ajv.compile(schema);
  }
  return rdjsonValidator(doc) ? [] : (rdjsonValidator.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

export interface GitlabIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: string;
  location: { path: string; lines?: { begin: number; end?: number }; positions?: { begin: { line: number } } };
  [k: string]: unknown;
}

/**
 * What GitLab's Code Quality widget reads (docs.gitlab.com, "Code Quality report format"): an
 * array of issues, each with description, check_name, fingerprint, severity (info, minor, major,
 * critical, blocker), location.path (relative to the repository) and location.lines.begin or
 * location.positions.begin.line.
 */
export function checkGitlabReport(report: unknown): GitlabIssue[] {
  assert.ok(Array.isArray(report), 'top level is an array');
  for (const i of report as GitlabIssue[]) {
    assert.strictEqual(typeof i.description, 'string');
    assert.ok(i.description.length > 0);
    assert.strictEqual(typeof i.check_name, 'string');
    assert.match(i.fingerprint, /^[0-9a-f]{32}$/);
    assert.ok(['info', 'minor', 'major', 'critical', 'blocker'].includes(i.severity), i.severity);
    assert.strictEqual(typeof i.location.path, 'string');
    assert.ok(!i.location.path.startsWith('/'), 'path relative to the repository');
    const begin = i.location.lines?.begin ?? i.location.positions?.begin.line;
    assert.ok(Number.isInteger(begin) && (begin as number) >= 1, 'lines.begin or positions.begin.line');
  }
  const fps = (report as GitlabIssue[]).map((i) => i.fingerprint);
  assert.strictEqual(new Set(fps).size, fps.length, 'fingerprints are unique within a report');
  return report as GitlabIssue[];
}

// sax is in the lock file (through @vscode/vsce → xml2js); its strict mode rejects any XML that
// is not well-formed. It has no type declarations, hence the small interface.
interface SaxParser {
  onerror: (e: Error) => void;
  onopentag: (tag: { name: string; attributes: Record<string, string> }) => void;
  onclosetag: (name: string) => void;
  ontext: (t: string) => void;
  write(s: string): SaxParser;
  close(): void;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const sax = require('sax') as { parser(strict: boolean): SaxParser };

export interface XmlNode {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
  text: string;
}

/** Parses strictly (throws on any well-formedness error) into a small tree. */
export function parseXml(xml: string): XmlNode {
  const p = sax.parser(true);
  const root: XmlNode = { name: '#document', attributes: {}, children: [], text: '' };
  const stack: XmlNode[] = [root];
  p.onerror = (e) => {
    throw e;
  };
  p.onopentag = (tag) => {
    const node: XmlNode = { name: tag.name, attributes: tag.attributes, children: [], text: '' };
    stack[stack.length - 1].children.push(node);
    stack.push(node);
  };
  p.onclosetag = () => {
    stack.pop();
  };
  p.ontext = (t) => {
    stack[stack.length - 1].text += t;
  };
  p.write(xml).close();
  assert.strictEqual(root.children.length, 1, 'one root element');
  return root.children[0];
}

