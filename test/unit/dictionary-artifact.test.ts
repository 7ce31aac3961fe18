import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  buildBuiltInArtifact,
  builtInDataDir,
  builtInSource,
  loadBuiltIn,
  patternsOf,
  resetBuiltInForTests,
  type BuiltInArtifact,
  type ParsedDictionary,
} from '../../rules/engine/dictionaries';
import { allRules } from '../../rules/registry';
import { lint } from '../../rules/engine/runner';
import type { CompiledDictionaries } from '../../rules/engine/dictionary-types';

/** The pre-validated built-in dictionaries (issue 7): same entries as the YAML, used only while fresh. */
describe('built-in dictionary artifact', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-artifact-'));
  const artifactFile = path.join(tmp, 'builtin-dictionaries.json');
  const saved = { artifact: process.env.GONGWEN_DICTIONARY_ARTIFACT, data: process.env.GONGWEN_DATA_DIR };

  function loadWith(artifact: BuiltInArtifact | string | undefined, dataDir?: string): ParsedDictionary {
    if (artifact === undefined) fs.rmSync(artifactFile, { force: true });
    else fs.writeFileSync(artifactFile, typeof artifact === 'string' ? artifact : JSON.stringify(artifact));
    process.env.GONGWEN_DICTIONARY_ARTIFACT = artifactFile;
    if (dataDir) process.env.GONGWEN_DATA_DIR = dataDir;
    else if (saved.data === undefined) delete process.env.GONGWEN_DATA_DIR;
    else process.env.GONGWEN_DATA_DIR = saved.data;
    resetBuiltInForTests();
    return loadBuiltIn();
  }

  after(() => {
    for (const [key, value] of [['GONGWEN_DICTIONARY_ARTIFACT', saved.artifact], ['GONGWEN_DATA_DIR', saved.data]] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    resetBuiltInForTests();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  const artifact = buildBuiltInArtifact();
  const fromYaml = loadWith(undefined);

  it('without an artifact the YAML is parsed and validated', () => {
    assert.strictEqual(builtInSource(), 'yaml');
    assert.ok(fromYaml.entries.length > 100, `${fromYaml.entries.length} entries`);
    assert.deepStrictEqual(fromYaml.problems, []);
  });

  it('a fresh artifact gives the same entries, origins and patterns as the YAML', () => {
    const fromJson = loadWith(artifact);
    assert.strictEqual(builtInSource(), 'artifact');
    assert.deepStrictEqual(fromJson.entries, fromYaml.entries);
    assert.deepStrictEqual(fromJson.origins, fromYaml.origins);
    assert.deepStrictEqual(fromJson.problems, []);
    const sources = (d: ParsedDictionary) => d.entries.map((e) => patternsOf(e).map((p) => p.source));
    assert.deepStrictEqual(sources(fromJson), sources(fromYaml));
    assert.ok(sources(fromJson).some((s) => s.length > 0), 'some built-in entry has patterns');
  });

  it('lints the seed speech and every built-in wrong form exactly as the YAML path does', () => {
    const speech = fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'speech.txt'), 'utf8');
    const wrongForms = fromYaml.entries.map((e) => `我们要${(e.variants ?? e.members ?? [e.id]).join('，')}。`).join('\n');
    const text = `${speech}\n${wrongForms}\n`;
    const run = (d: ParsedDictionary) => {
      const dictionaries: CompiledDictionaries = { entries: d.entries, origins: d.origins, problems: d.problems, cache: new Map() };
      return lint(text, { rules: allRules, dictionaries, config: { rules: {}, dictionaries: [], date: '2026-01-01' } }).findings.map((f) => [f.ruleId, f.start, f.end, f.message]);
    };
    const viaYaml = run(loadWith(undefined));
    const viaJson = run(loadWith(artifact));
    assert.strictEqual(builtInSource(), 'artifact');
    const dictionaryRules = new Set(viaYaml.map(([id]) => id).filter((id) => ['formulation', 'outdated-formulation', 'banned-term', 'confusable-word', 'collocation', 'enumeration-order'].includes(id as string)));
    assert.ok(dictionaryRules.size >= 4, `dictionary rules with findings: ${[...dictionaryRules].join(', ')}`);
    assert.deepStrictEqual(viaJson, viaYaml);
  });

  it('a source edited after the build makes the artifact stale: the YAML is used', () => {
    const stale = { ...artifact, files: artifact.files.map((f, i) => (i === 0 ? { ...f, sha256: '0'.repeat(64) } : f)) };
    const d = loadWith(stale);
    assert.strictEqual(builtInSource(), 'yaml');
    assert.deepStrictEqual(d.entries, fromYaml.entries);
  });

  it('an artifact from another schema, another file list, or damaged is not used', () => {
    loadWith({ ...artifact, schema: 'x' });
    assert.strictEqual(builtInSource(), 'yaml');
    loadWith({ ...artifact, files: artifact.files.slice(1) });
    assert.strictEqual(builtInSource(), 'yaml');
    const d = loadWith('{"format":1,');
    assert.strictEqual(builtInSource(), 'yaml');
    assert.deepStrictEqual(d.entries, fromYaml.entries);
  });

  it('a data folder changed after the build (GONGWEN_DATA_DIR) is read from its YAML', () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'data-'));
    for (const f of fs.readdirSync(builtInDataDir())) fs.copyFileSync(path.join(builtInDataDir(), f), path.join(dir, f));
    const name = artifact.files[0].name;
    fs.appendFileSync(path.join(dir, name), '\n# edited after the build\n');
    loadWith(artifact, dir);
    assert.strictEqual(builtInSource(), 'yaml');
  });

  it('the build fails loudly on an empty folder or an invalid entry', () => {
    const empty = fs.mkdtempSync(path.join(tmp, 'empty-'));
    assert.throws(() => buildBuiltInArtifact(empty), /no built-in dictionaries/);
    const bad = fs.mkdtempSync(path.join(tmp, 'bad-'));
    fs.writeFileSync(path.join(bad, 'formulation-political.yaml'), 'entries:\n  - id: x\n    kind: formulation\n');
    assert.throws(() => buildBuiltInArtifact(bad), /invalid/);
  });
});
