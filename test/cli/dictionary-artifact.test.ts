import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import type { BuiltInArtifact } from '../../rules/engine/dictionaries';
import { REPO } from './helpers';

/**
 * The bundled CLI loads its built-in dictionaries from dist/builtin-dictionaries.json (written by
 * esbuild.mjs), not from YAML + ajv, while the artifact matches the YAML; otherwise from the YAML.
 * Black box: an artifact whose entry text was changed (hashes kept) shows in the CLI's output.
 */
describe('CLI bundle: built-in dictionaries from the build artifact', function () {
  this.timeout(60000);
  const cli = path.join(REPO, 'dist', 'cli.js');
  const artifactFile = path.join(REPO, 'dist', 'builtin-dictionaries.json');
  const text = '我们为此做出了积极贡献。\n';
  let tmp: string;
  let input: string;

  before(function () {
    assert.ok(fs.existsSync(cli) && fs.existsSync(artifactFile), 'run `node esbuild.mjs` first (npm test does): dist/cli.js and dist/builtin-dictionaries.json');
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-cli-artifact-'));
    input = path.join(tmp, 'a.txt');
    fs.writeFileSync(input, text);
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  function run(env: Record<string, string>): Array<{ ruleId: string; message: string }> {
    const r = spawnSync(process.execPath, [cli, input, '--format', 'json'], { encoding: 'utf8', env: { ...process.env, ...env }, cwd: tmp });
    assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr}`);
    return (JSON.parse(r.stdout) as Array<{ messages: Array<{ ruleId: string; message: string }> }>)[0].messages;
  }

  function edited(mark: string, keepHashes: boolean): string {
    const a = JSON.parse(fs.readFileSync(artifactFile, 'utf8')) as BuiltInArtifact;
    let changed = 0;
    for (const f of a.files) {
      for (const e of f.entries) {
        if (e.swap?.from === '做出' && (e.patterns ?? []).some((x) => x.startsWith('做出'))) {
          e.message = `${mark}${e.message}`;
          changed++;
        }
      }
      if (!keepHashes) f.sha256 = '0'.repeat(64);
    }
    assert.ok(changed > 0, 'a built-in entry swaps 做出 → 作出');
    const out = path.join(tmp, `${mark}.json`);
    fs.writeFileSync(out, JSON.stringify(a));
    return out;
  }

  it('the shipped artifact gives the same findings as the YAML sources', () => {
    const viaArtifact = run({});
    const viaYaml = run({ GONGWEN_DICTIONARY_ARTIFACT: path.join(tmp, 'missing.json') });
    assert.ok(viaYaml.some((m) => m.ruleId === 'confusable-word'), JSON.stringify(viaYaml));
    assert.deepStrictEqual(viaArtifact, viaYaml);
  });

  it('the bundle reads the artifact when its hashes match the YAML', () => {
    const file = edited('【ARTIFACT】', true);
    const msgs = run({ GONGWEN_DICTIONARY_ARTIFACT: file });
    assert.ok(msgs.some((m) => m.ruleId === 'confusable-word' && m.message.includes('【ARTIFACT】')), JSON.stringify(msgs));
  });

  it('a stale artifact (YAML changed after the build) is ignored: the YAML is read', () => {
    const file = edited('【STALE】', false);
    const msgs = run({ GONGWEN_DICTIONARY_ARTIFACT: file });
    assert.ok(msgs.some((m) => m.ruleId === 'confusable-word'), JSON.stringify(msgs));
    assert.ok(!msgs.some((m) => m.message.includes('【STALE】')), JSON.stringify(msgs));
  });
});
