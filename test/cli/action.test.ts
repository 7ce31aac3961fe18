import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { parse } from 'yaml';
import { FORMATS } from '../../server/cli/args';
import { REPO, git, onlyCommaWidth, tempProject, validateSarif, validateRdjson, runBin, TWO_COMMAS, CLEAN, type TempDir } from './helpers';

interface Step {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  shell?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
  'working-directory'?: string;
}

interface Action {
  name: string;
  inputs: Record<string, { description: string; default?: string; required?: boolean }>;
  outputs: Record<string, { description: string; value: string }>;
  runs: { using: string; steps: Step[] };
}

const action = parse(fs.readFileSync(path.join(REPO, 'action.yml'), 'utf8')) as Action;

/** `${{ inputs.x }}`, `${{ github.action_path }}`, `${{ github.workspace }}`: all the action may use. */
function expand(value: string, inputs: Record<string, string>, workspace: string): string {
  return value.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_m, expr: string) => {
    const input = /^inputs\.([A-Za-z0-9_-]+)$/.exec(expr);
    if (input) {
      assert.ok(input[1] in action.inputs, `undeclared input ${input[1]}`);
      return inputs[input[1]] ?? '';
    }
    if (expr === 'github.action_path') return REPO;
    if (expr === 'github.workspace') return workspace;
    throw new Error(`expression the test does not evaluate: ${expr}`);
  });
}

interface StepRun {
  status: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
}

/**
 * Runs one `run:` step the way the GitHub runner does for `shell: bash`: the script in a file,
 * `bash --noprofile --norc -eo pipefail FILE`, the step's env (inputs substituted), the runner's
 * variables (GITHUB_ACTION_PATH, GITHUB_WORKSPACE, GITHUB_OUTPUT…), cwd = workspace unless the step
 * says otherwise. Returns what the step wrote to GITHUB_OUTPUT.
 */
function runStep(step: Step, given: Record<string, string>, workspace: string): StepRun {
  assert.strictEqual(step.shell, 'bash', 'composite run steps must name their shell');
  assert.ok(step.run);
  const inputs: Record<string, string> = {};
  for (const [k, v] of Object.entries(action.inputs)) inputs[k] = v.default ?? '';
  Object.assign(inputs, given);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-action-'));
  try {
    const script = path.join(tmp, 'step.sh');
    fs.writeFileSync(script, step.run);
    const outputFile = path.join(tmp, 'output');
    fs.writeFileSync(outputFile, '');
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_ACTION_PATH: REPO,
      GITHUB_WORKSPACE: workspace,
      GITHUB_OUTPUT: outputFile,
      RUNNER_TEMP: tmp,
    };
    // Where the built-in dictionaries live, when a developer points the tests elsewhere.
    if (process.env.GONGWEN_DATA_DIR) env.GONGWEN_DATA_DIR = process.env.GONGWEN_DATA_DIR;
    for (const [k, v] of Object.entries(step.env ?? {})) env[k] = expand(v, inputs, workspace);
    const cwd = step['working-directory'] ? expand(step['working-directory'], inputs, workspace) : workspace;
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], { cwd, env, encoding: 'utf8', timeout: 60000 });
    const outputs: Record<string, string> = {};
    for (const line of fs.readFileSync(outputFile, 'utf8').split('\n')) {
      const eq = line.indexOf('=');
      if (eq > 0) outputs[line.slice(0, eq)] = line.slice(eq + 1);
    }
    return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr, outputs };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

const step = (id: string): Step => {
  const s = action.runs.steps.find((x) => x.id === id);
  assert.ok(s, `step ${id}`);
  return s;
};

describe('GitHub Action (action.yml)', function () {
  this.timeout(60000);

  describe('definition', () => {
    it('is a composite action with the documented inputs and outputs', () => {
      assert.strictEqual(action.runs.using, 'composite');
      for (const i of ['files', 'config', 'date', 'fail-on', 'format', 'sarif-file']) assert.ok(action.inputs[i]?.description, i);
      assert.strictEqual(action.inputs['fail-on'].default, 'error');
      assert.strictEqual(action.inputs.format.default, 'github');
      assert.match(action.outputs['sarif-file'].value, /^\$\{\{\s*steps\.lint\.outputs\.sarif-file\s*\}\}$/);
    });

    it('never pastes an expression into a script (inputs travel as environment variables)', () => {
      for (const s of action.runs.steps) {
        if (s.run) assert.doesNotMatch(s.run, /\$\{\{/, `step ${s.id ?? s.name} interpolates into its script`);
      }
    });

    it('every format the format input offers is one the CLI knows', () => {
      for (const f of ['github', 'stylish', 'json', 'gitlab', 'rdjson', 'junit', 'sarif']) {
        assert.ok(action.inputs.format.description.includes(f), f);
        assert.ok((FORMATS as readonly string[]).includes(f), f);
      }
    });
  });

  describe('steps run in a temporary git repository', () => {
    let t: TempDir;
    beforeEach(() => {
      t = tempProject();
      t.write('docs/speech.txt', TWO_COMMAS);
      t.write('docs/notice.md', `# 通知\n\n${CLEAN}`);
      t.write('other/memo.txt', '备忘,一条。\n');
      t.write('strict.json', JSON.stringify(onlyCommaWidth('error')));
      git(t.dir, 'init', '-q');
      git(t.dir, 'add', '-A');
      git(t.dir, 'commit', '-q', '-m', 'documents');
    });
    afterEach(() => t.cleanup());

    it('the install step is a no-op on an action checkout that is already built', () => {
      const r = runStep(step('install'), {}, t.dir);
      assert.strictEqual(r.status, 0, r.stderr);
    });

    it('defaults: annotations for every finding, exit 0 on warnings, a valid SARIF file as output', () => {
      const r = runStep(step('lint'), {}, t.dir);
      assert.strictEqual(r.status, 0, r.stderr);
      const annotations = r.stdout.trimEnd().split('\n');
      assert.deepStrictEqual(annotations.map((a) => /^::(\w+) file=([^,]+),line=(\d+),col=(\d+),/.exec(a)?.slice(1)), [
        ['warning', 'docs/speech.txt', '1', '8'],
        ['warning', 'docs/speech.txt', '2', '7'],
        ['warning', 'other/memo.txt', '1', '3'],
      ]);
      assert.strictEqual(r.outputs['exit-code'], '0');
      const sarifPath = r.outputs['sarif-file'];
      assert.strictEqual(sarifPath, path.join(t.dir, 'gongwen-lint.sarif'));
      const sarif = JSON.parse(fs.readFileSync(sarifPath, 'utf8')) as { runs: Array<{ results: Array<{ locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId: string } } }> }> }> };
      assert.deepStrictEqual(validateSarif(sarif), []);
      assert.deepStrictEqual(sarif.runs[0].results.map((x) => x.locations[0].physicalLocation.artifactLocation), [
        { uri: 'docs/speech.txt', uriBaseId: '%SRCROOT%' },
        { uri: 'docs/speech.txt', uriBaseId: '%SRCROOT%' },
        { uri: 'other/memo.txt', uriBaseId: '%SRCROOT%' },
      ]);
      assert.ok(git(t.dir, 'status', '--porcelain').includes('gongwen-lint.sarif'), 'the SARIF file is in the workspace');
    });

    it('fail-on: warning fails the step on warnings, and the SARIF file is still written', () => {
      const r = runStep(step('lint'), { 'fail-on': 'warning', 'sarif-file': 'reports/out.sarif' }, t.dir);
      assert.strictEqual(r.status, 1);
      assert.strictEqual(r.outputs['exit-code'], '1');
      assert.strictEqual(r.outputs['sarif-file'], path.join(t.dir, 'reports', 'out.sarif'));
      assert.deepStrictEqual(validateSarif(JSON.parse(fs.readFileSync(r.outputs['sarif-file'], 'utf8'))), []);
    });

    it('files: globs and several lines; only those files are checked', () => {
      const r = runStep(step('lint'), { files: 'docs/*.txt\n  docs/*.md  ' }, t.dir);
      assert.strictEqual(r.status, 0, r.stderr);
      assert.ok(r.stdout.includes('file=docs/speech.txt'));
      assert.ok(!r.stdout.includes('memo'), 'other/ not checked');
    });

    it('config: an error-level config fails the step with ::error annotations', () => {
      const r = runStep(step('lint'), { config: 'strict.json' }, t.dir);
      assert.strictEqual(r.status, 1);
      assert.match(r.stdout, /^::error file=docs\/speech\.txt,line=1,col=8,/m);
    });

    it('date: a valid date passes through; an invalid one fails with exit 2 and says why', () => {
      assert.strictEqual(runStep(step('lint'), { date: '2024-03-05' }, t.dir).status, 0);
      const bad = runStep(step('lint'), { date: '2024-02-30' }, t.dir);
      assert.strictEqual(bad.status, 2);
      assert.match(bad.stderr, /--date 应为有效日期/);
      assert.strictEqual(bad.outputs['exit-code'], '2');
    });

    it('format: another format goes to the log instead of annotations', () => {
      const r = runStep(step('lint'), { format: 'stylish' }, t.dir);
      assert.strictEqual(r.status, 0);
      assert.match(r.stdout, /^docs\/speech\.txt$/m);
      assert.doesNotMatch(r.stdout, /^::/m);
    });

    it('fail-on with a wrong value is an error annotation and exit 2', () => {
      const r = runStep(step('lint'), { 'fail-on': 'sometimes' }, t.dir);
      assert.strictEqual(r.status, 2);
      assert.match(r.stdout, /^::error title=gongwen-lint::fail-on 应为 error 或 warning/);
    });

    it('inputs cannot inject shell code', () => {
      const marker = path.join(t.dir, 'pwned');
      const r = runStep(step('lint'), { files: `$(touch ${marker}) ;touch ${marker}; \`touch ${marker}\``, date: `$(touch ${marker})` }, t.dir);
      assert.notStrictEqual(r.status, 0);
      assert.ok(!fs.existsSync(marker));
    });
  });

  describe('.pre-commit-hooks.yaml', () => {
    interface Hook {
      id: string;
      entry: string;
      language: string;
      files: string;
      types?: string[];
    }
    const hooks = parse(fs.readFileSync(path.join(REPO, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];

    it('defines gongwen-lint and gongwen-lint-fix for staged .txt/.md/.gw files', () => {
      assert.deepStrictEqual(hooks.map((h) => h.id), ['gongwen-lint', 'gongwen-lint-fix']);
      for (const h of hooks) {
        assert.strictEqual(h.language, 'node');
        const re = new RegExp(h.files);
        for (const ok of ['a.txt', 'docs/b.md', 'c.gw']) assert.ok(re.test(ok), ok);
        for (const no of ['a.js', 'b.txt.bak', 'md', 'x.mdx']) assert.ok(!re.test(no), no);
      }
      assert.strictEqual(hooks[0].entry, 'gongwen-lint');
      assert.strictEqual(hooks[1].entry, 'gongwen-lint --fix');
    });

    it('each hook entry works the way pre-commit calls it (entry + staged file names)', () => {
      const p = tempProject();
      try {
        p.write('a.txt', TWO_COMMAS);
        p.write('b.md', CLEAN);
        const lint = runBin([...hooks[0].entry.split(' ').slice(1), 'a.txt', 'b.md'], { cwd: p.dir });
        assert.strictEqual(lint.status, 0, lint.stderr);
        assert.match(lint.stdout, /2 个警告/);
        const fix = runBin([...hooks[1].entry.split(' ').slice(1), 'a.txt', 'b.md'], { cwd: p.dir });
        assert.strictEqual(fix.status, 0, fix.stderr);
        assert.strictEqual(p.read('a.txt').toString('utf8'), '我们要坚持改革，推进发展。\n全面深化改革，扩大开放。\n');
      } finally {
        p.cleanup();
      }
    });

    it('the npm package pre-commit installs contains the built CLI (dist/ is not left out)', () => {
      const dest = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-pack-'));
      try {
        const pack = spawnSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dest], { cwd: REPO, encoding: 'utf8', timeout: 60000 });
        assert.strictEqual(pack.status, 0, pack.stderr);
        const [info] = JSON.parse(pack.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
        const files = info.files.map((f) => f.path);
        for (const needed of ['bin/gongwen-lint.js', 'dist/cli.js', 'package.json']) assert.ok(files.includes(needed), needed);
        assert.ok(!files.some((f) => f.startsWith('node_modules/') || f.startsWith('out/')));
        // Unpack and run it the way the global install would (dependencies from this checkout).
        const tar = spawnSync('tar', ['-xzf', path.join(dest, info.filename), '-C', dest], { encoding: 'utf8' });
        assert.strictEqual(tar.status, 0, tar.stderr);
        fs.symlinkSync(path.join(REPO, 'node_modules'), path.join(dest, 'package', 'node_modules'));
        const doc = path.join(dest, 'doc.txt');
        fs.writeFileSync(doc, TWO_COMMAS);
        fs.writeFileSync(path.join(dest, '.gongwenrc.json'), JSON.stringify(onlyCommaWidth()));
        const r = spawnSync(process.execPath, [path.join(dest, 'package', 'bin', 'gongwen-lint.js'), '-f', 'json', doc], { cwd: dest, encoding: 'utf8' });
        assert.strictEqual(r.status, 0, r.stderr);
        assert.strictEqual((JSON.parse(r.stdout) as Array<{ warningCount: number }>)[0].warningCount, 2);
      } finally {
        fs.rmSync(dest, { recursive: true, force: true });
      }
    });
  });
});

/**
 * The README's CI snippets live in test/cli/snippets so that they are tested, not just shown: each
 * is parsed, checked against what it refers to (action inputs/outputs, hook ids), and its
 * gongwen-lint commands are run in a temporary git repository. Only the setup lines that need the
 * network (git clone, npm ci) are skipped; the checkout under test stands in for the clone.
 */
describe('README CI snippets', function () {
  this.timeout(60000);
  const SNIPPETS = path.join(REPO, 'test', 'cli', 'snippets');
  const load = <T>(name: string): T => parse(fs.readFileSync(path.join(SNIPPETS, name), 'utf8')) as T;
  const needsNetwork = (line: string): boolean => /^\s*git clone\b/.test(line) || /\bnpm ci\b/.test(line);

  let t: TempDir;
  beforeEach(() => {
    t = tempProject();
    t.write('docs/speech.txt', TWO_COMMAS);
    t.write('docs/notice.md', CLEAN);
    git(t.dir, 'init', '-q');
    git(t.dir, 'add', '-A');
    git(t.dir, 'commit', '-q', '-m', 'documents');
  });
  afterEach(() => t.cleanup());

  it('GitHub Actions: the action step uses declared inputs, and upload-sarif gets its output even on failure', () => {
    const wf = load<{ jobs: Record<string, { permissions: Record<string, string>; steps: Step[] }> }>('github-workflow.yml');
    const job = Object.values(wf.jobs)[0];
    assert.strictEqual(job.permissions['security-events'], 'write');
    const lint = job.steps.find((s) => s.uses?.startsWith('gongwen-lint/gongwen-lint@'));
    assert.ok(lint?.id && lint.with);
    for (const k of Object.keys(lint.with)) assert.ok(k in action.inputs, `unknown input ${k}`);
    const upload = job.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    assert.ok(upload?.with && upload.if);
    assert.match(upload.if, /always\(\)/);
    assert.strictEqual(upload.with.sarif_file, `\${{ steps.${lint.id}.outputs.sarif-file }}`);
    assert.ok('sarif-file' in action.outputs);
    // Run the action's lint step with the snippet's inputs.
    const r = runStep(step('lint'), lint.with, t.dir);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.match(r.stdout, /^::warning file=docs\/speech\.txt,line=1,col=8,/m);
    assert.deepStrictEqual(validateSarif(JSON.parse(fs.readFileSync(r.outputs['sarif-file'], 'utf8'))), []);
  });

  it('GitLab CI: the script writes the Code Quality and JUnit reports the artifacts name', () => {
    const ci = load<Record<string, { script: string[]; before_script: string[]; artifacts: { when: string; reports: { codequality: string; junit: string } } }>>('gitlab-ci.yml');
    const job = ci['gongwen-lint'];
    assert.strictEqual(job.artifacts.when, 'always');
    assert.ok(job.before_script.every(needsNetwork), 'before_script only installs');
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', job.script.join('\n')], {
      cwd: t.dir,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, CI: 'true', GONGWEN_LINT_DIR: REPO },
      encoding: 'utf8',
      timeout: 60000,
    });
    assert.strictEqual(r.status, 0, r.stderr);
    assert.match(r.stdout, /2 个警告/);
    const quality = JSON.parse(t.read(job.artifacts.reports.codequality).toString('utf8')) as Array<{ check_name: string; fingerprint: string; severity: string; location: { path: string; lines: { begin: number } } }>;
    assert.deepStrictEqual(quality.map((q) => [q.check_name, q.severity, q.location.path, q.location.lines.begin]), [
      ['comma-width', 'minor', 'docs/speech.txt', 1],
      ['comma-width', 'minor', 'docs/speech.txt', 2],
    ]);
    const junit = t.read(job.artifacts.reports.junit).toString('utf8');
    assert.match(junit, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="gongwen-lint" tests="3" failures="2" errors="0"/);
  });

  it('pre-commit: the config names hooks this repository defines', () => {
    const cfg = load<{ repos: Array<{ repo: string; rev: string; hooks: Array<{ id: string }> }> }>('pre-commit-config.yaml');
    const defined = (parse(fs.readFileSync(path.join(REPO, '.pre-commit-hooks.yaml'), 'utf8')) as Array<{ id: string }>).map((h) => h.id);
    assert.match(cfg.repos[0].repo, /^https:\/\/github\.com\/gongwen-lint\/gongwen-lint$/);
    for (const h of cfg.repos[0].hooks) assert.ok(defined.includes(h.id), h.id);
    assert.ok(fs.readFileSync(path.join(SNIPPETS, 'pre-commit-config.yaml'), 'utf8').includes('id: gongwen-lint-fix'), 'the fix hook is mentioned');
  });

  it('reviewdog: the pipeline feeds reviewdog valid rdjson with the flags it needs', () => {
    const wf = load<{ jobs: Record<string, { steps: Step[] }> }>('reviewdog-workflow.yml');
    const s = Object.values(wf.jobs)[0].steps.find((x) => x.run?.includes('reviewdog -f=rdjson'));
    assert.ok(s?.run && s.env);
    assert.ok(Object.values(wf.jobs)[0].steps.some((x) => x.uses?.startsWith('reviewdog/action-setup@')));
    const script = s.run.split('\n').filter((l) => !needsNetwork(l)).join('\n');
    // A stand-in reviewdog on PATH records what it is given.
    const stubDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-reviewdog-'));
    try {
      fs.writeFileSync(path.join(stubDir, 'reviewdog'), '#!/bin/sh\ncat > "$STUB_DIR/stdin"\nprintf "%s\\n" "$@" > "$STUB_DIR/args"\n', { mode: 0o755 });
      const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], {
        cwd: t.dir,
        env: { PATH: `${stubDir}${path.delimiter}${process.env.PATH}`, HOME: process.env.HOME, CI: 'true', GONGWEN_LINT_DIR: REPO, STUB_DIR: stubDir, REVIEWDOG_GITHUB_API_TOKEN: 'x' },
        encoding: 'utf8',
        timeout: 60000,
      });
      assert.strictEqual(r.status, 0, r.stderr);
      const args = fs.readFileSync(path.join(stubDir, 'args'), 'utf8').trim().split('\n');
      assert.ok(args.includes('-f=rdjson'));
      assert.ok(args.includes('-name=gongwen-lint'));
      const rd = JSON.parse(fs.readFileSync(path.join(stubDir, 'stdin'), 'utf8')) as { diagnostics: Array<{ location: { path: string }; suggestions: unknown[] }> };
      assert.deepStrictEqual(validateRdjson(rd), []);
      assert.deepStrictEqual(rd.diagnostics.map((d) => d.location.path), ['docs/speech.txt', 'docs/speech.txt']);
      assert.ok(rd.diagnostics.every((d) => d.suggestions.length === 1));
    } finally {
      fs.rmSync(stubDir, { recursive: true, force: true });
    }
  });
});
