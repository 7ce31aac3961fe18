import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import { parseConfig, ConfigResolver, layersFor, mergeLayers, overrideMatches } from '../../../rules/engine/config';
import { compileGlobs } from '../../../rules/engine/globs';
import type { ConfigOverride } from '../../../rules/engine/config-types';
import { commaWidth } from '../../../rules/checks/punctuation/comma-width';
import type { Rule } from '../../../rules/engine/types';
import { ConfigService } from '../../../server/lsp/config-service';
import { printedConfig } from '../../../server/cli/print-config';
import { tempProject, type TempDir } from '../../cli/helpers';

const REPO = path.resolve(__dirname, '..', '..', '..', '..');

/** Rules of our own, so the tests do not depend on which shipped rules take options. */
const fake = (id: string, optionsSchema?: Rule['optionsSchema']): Rule => ({
  meta: { id, category: 'wording', description: '测试', defaultSeverity: 'warn', fixable: false, basis: '实务', basisLevel: '实务', docs: `rules/docs/${id}.md` },
  optionsSchema,
  check() {},
});
const maxLen = fake('max-sentence-length', { type: 'object', additionalProperties: false, properties: { max: { type: 'integer', minimum: 1 } } });
const title = fake('document-title');
const closing = fake('closing-formula');
const RULES: Rule[] = [commaWidth, maxLen, title, closing];

const levels = (rules: Record<string, { level: string }> | undefined): Record<string, string> =>
  Object.fromEntries(Object.entries(rules ?? {}).map(([id, s]) => [id, s.level]));

const BRIEF_EXAMPLE = [
  'rules:',
  '  closing-formula: info',
  'overrides:',
  '  - files: ["讲话稿/**", "*.speech.md"]',
  '    rules:',
  '      document-title: off',
  '      closing-formula: off',
  '  - files: ["引文/**"]',
  '    excludedFiles: ["引文/本单位/**"]',
  '    rules:',
  '      comma-width: off',
  '    date: 2019-06-01',
  '',
].join('\n');

describe('config overrides: parsing', () => {
  it('a valid YAML config: overrides kept in order with their globs, folder, rules and date', () => {
    const { layer, problems } = parseConfig(BRIEF_EXAMPLE, '/proj/.gongwenrc.yaml', RULES);
    assert.deepStrictEqual(problems, []);
    assert.deepStrictEqual(levels(layer.rules), { 'closing-formula': 'info' });
    const [a, b] = layer.overrides ?? [];
    assert.strictEqual(layer.overrides?.length, 2);
    assert.deepStrictEqual(
      { source: a.source, base: a.base, files: a.files, excluded: a.excludedFiles, rules: levels(a.rules), date: a.date },
      { source: '/proj/.gongwenrc.yaml#overrides[0]', base: '/proj', files: ['讲话稿/**', '*.speech.md'], excluded: undefined, rules: { 'document-title': 'off', 'closing-formula': 'off' }, date: undefined },
    );
    assert.deepStrictEqual(
      { source: b.source, files: b.files, excluded: b.excludedFiles, rules: levels(b.rules), date: b.date },
      { source: '/proj/.gongwenrc.yaml#overrides[1]', files: ['引文/**'], excluded: ['引文/本单位/**'], rules: { 'comma-width': 'off' }, date: '2019-06-01' },
    );
  });

  it('JSON with a single glob string, options and dictionaries (resolved against the config folder)', () => {
    const text = '{\n  // 引文\n  "overrides": [{"files": "引文/**", "rules": {"max-sentence-length": ["warn", {"max": 80}]}, "dictionaries": ["terms/quote.yaml"]}]\n}\n';
    const { layer, problems } = parseConfig(text, '/proj/sub/.gongwenrc.json', RULES);
    assert.deepStrictEqual(problems, []);
    const [o] = layer.overrides ?? [];
    assert.deepStrictEqual(o.files, ['引文/**']);
    assert.deepStrictEqual(o.rules?.['max-sentence-length'], { level: 'warn', options: { max: 80 } });
    assert.deepStrictEqual(o.dictionaries, [path.resolve('/proj/sub', 'terms/quote.yaml')]);
  });

  interface ErrorCase {
    name: string;
    text: string;
    line: number;
    column: number;
    says: RegExp[];
    /** Overrides that still apply, as their rule levels. */
    kept: Array<Record<string, string>>;
  }
  // Each case: one mistake in overrides[1]; overrides[0] (comma-width: error) always applies.
  const first = 'overrides:\n  - files: a/**\n    rules: {comma-width: error}\n';
  const CASES: ErrorCase[] = [
    {
      name: 'unknown rule id: at the key, with the nearest id; the override applies without it',
      text: `${first}  - files: b/**\n    rules:\n      document-titel: off\n      closing-formula: off\n`,
      line: 6,
      column: 7,
      says: [/overrides\[1\]/, /未知规则“document-titel”/, /document-title/],
      kept: [{ 'comma-width': 'error' }, { 'closing-formula': 'off' }],
    },
    {
      name: 'bad level: at the value; only that setting is dropped',
      text: `${first}  - files: b/**\n    rules:\n      closing-formula: warning\n      document-title: off\n`,
      line: 6,
      column: 24,
      says: [/overrides\[1\]/, /off、info、warn 或 error/, /"warning"/, /覆盖项中的这一设置已忽略/],
      kept: [{ 'comma-width': 'error' }, { 'document-title': 'off' }],
    },
    {
      name: 'bad option: at the option',
      text: `${first}  - files: b/**\n    rules:\n      max-sentence-length: [warn, {max: 八十}]\n`,
      line: 6,
      column: 41,
      says: [/overrides\[1\]/, /max/, /应为整数/],
      kept: [{ 'comma-width': 'error' }, {}],
    },
    {
      name: 'a date that does not exist: at the value; the override applies without a date',
      text: `${first}  - files: b/**\n    date: 2024-02-30\n    rules: {closing-formula: off}\n`,
      line: 5,
      column: 11,
      says: [/overrides\[1\] 中的 date/, /YYYY-MM-DD/, /2024-02-30/],
      kept: [{ 'comma-width': 'error' }, { 'closing-formula': 'off' }],
    },
    {
      name: 'no files: at the override, which is skipped',
      text: `${first}  - rules: {closing-formula: off}\n`,
      line: 4,
      column: 5,
      says: [/overrides\[1\]/, /缺少字段“files”/, /已忽略/],
      kept: [{ 'comma-width': 'error' }],
    },
    {
      name: 'files as an empty list: skipped',
      text: `${first}  - files: []\n    rules: {closing-formula: off}\n`,
      line: 4,
      column: 12,
      says: [/overrides\[1\]\.files/, /不能为空列表/, /已忽略/],
      kept: [{ 'comma-width': 'error' }],
    },
    {
      name: 'files as a number: one problem naming both allowed types; skipped',
      text: `${first}  - files: 3\n    rules: {closing-formula: off}\n`,
      line: 4,
      column: 12,
      says: [/overrides\[1\]\.files/, /字符串或数组/, /3/],
      kept: [{ 'comma-width': 'error' }],
    },
    {
      name: 'an empty glob in the list: at that glob; skipped',
      text: `${first}  - files: [b/**, ""]\n    rules: {closing-formula: off}\n`,
      line: 4,
      column: 19,
      says: [/overrides\[1\]\.files\[1\]/, /不能为空/],
      kept: [{ 'comma-width': 'error' }],
    },
    {
      name: 'files with only blank globs: skipped, not silently',
      text: `${first}  - files: "  "\n    rules: {closing-formula: off}\n`,
      line: 4,
      column: 12,
      says: [/overrides\[1\]\.files/, /没有有效的 glob/, /已忽略/],
      kept: [{ 'comma-width': 'error' }],
    },
    {
      name: 'a field overrides do not take (ignore, root): at the key; skipped',
      text: `${first}  - files: b/**\n    ignore: [x]\n    rules: {closing-formula: off}\n`,
      line: 5,
      column: 5,
      says: [/overrides\[1\]/, /不认识的字段“ignore”/, /已忽略/],
      kept: [{ 'comma-width': 'error' }],
    },
    {
      name: 'an override that is not an object: skipped',
      text: `${first}  - b/**\n`,
      line: 4,
      column: 5,
      says: [/overrides\[1\]/, /应为对象/],
      kept: [{ 'comma-width': 'error' }],
    },
  ];
  for (const c of CASES) {
    it(c.name, () => {
      const { layer, problems } = parseConfig(c.text, '/p/.gongwenrc.yaml', RULES);
      assert.strictEqual(problems.length, 1, problems.map((p) => `${p.line}:${p.column} ${p.message}`).join(' | '));
      const [p] = problems;
      assert.deepStrictEqual([p.line, p.column], [c.line, c.column], p.message);
      for (const re of c.says) assert.match(p.message, re);
      assert.deepStrictEqual((layer.overrides ?? []).map((o) => levels(o.rules)), c.kept);
    });
  }

  it('JSON: the position of a mistake inside an override', () => {
    const text = '{\n  "overrides": [\n    {"files": ["b/**"], "rules": {"coma-width": "off"}}\n  ]\n}\n';
    const { problems } = parseConfig(text, '/p/.gongwenrc.json', RULES);
    assert.deepStrictEqual(problems.map((p) => [p.line, p.column]), [[3, 35]]);
    assert.match(problems[0].message, /comma-width/);
  });

  it('overrides that is not a list: one problem, the top-level settings still apply', () => {
    const { layer, problems } = parseConfig('rules: {comma-width: error}\noverrides:\n  files: a/**\n', '/p/.gongwenrc.yaml', RULES);
    assert.strictEqual(problems.length, 1);
    assert.deepStrictEqual([problems[0].line, problems[0].column], [3, 3]);
    assert.match(problems[0].message, /overrides：应为数组/);
    assert.strictEqual(layer.overrides, undefined);
    assert.deepStrictEqual(levels(layer.rules), { 'comma-width': 'error' });
  });

  it('a skipped override still has its rule mistakes reported, in file order with the others', () => {
    const text = 'overrides:\n  - rules: {coma-width: off}\ndate: 2024-13-01\n';
    const { layer, problems } = parseConfig(text, '/p/.gongwenrc.yaml', RULES);
    assert.deepStrictEqual(problems.map((p) => p.line), [2, 2, 3]);
    assert.ok(problems.some((p) => /缺少字段“files”/.test(p.message)));
    assert.ok(problems.some((p) => /coma-width/.test(p.message)));
    assert.strictEqual(layer.overrides, undefined);
  });

  it('the shipped schema accepts overrides, checks their rule levels and rejects a missing files', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(REPO, 'rules', 'schema', 'gongwenrc.schema.json'), 'utf8'));
    const validate = new Ajv({ strict: false }).compile(schema);
    assert.ok(validate({ overrides: [{ files: ['a/**'], excludedFiles: 'a/b/**', rules: { 'comma-width': ['off', {}] }, dictionaries: ['x.yaml'], date: '2020-01-01' }] }), JSON.stringify(validate.errors));
    assert.ok(validate({ overrides: [{ files: 'a/**' }] }));
    assert.ok(!validate({ overrides: [{ files: 'a/**', rules: { 'comma-width': 'loud' } }] }));
    assert.ok(!validate({ overrides: [{ rules: {} }] }));
    assert.ok(!validate({ overrides: [{ files: 'a', root: true }] }));
    assert.ok(!validate({ overrides: [{ files: 'a', date: '2020/01/01' }] }));
  });
});

describe('config overrides: resolution', () => {
  let t: TempDir;
  beforeEach(() => {
    t = tempProject(null);
  });
  afterEach(() => t.cleanup());
  const at = (rel: string): string => path.join(t.dir, rel);

  it('own settings first, then each matching override in order (later wins); others do not apply', () => {
    // The overrides key is written before rules: order in the file does not matter, overrides win.
    t.write(
      '.gongwenrc.yaml',
      'root: true\noverrides:\n  - files: "*.speech.md"\n    rules: {comma-width: error, closing-formula: off}\n  - files: "讲话稿/**"\n    rules: {comma-width: info}\n  - files: "引文/**"\n    rules: {document-title: off}\nrules:\n  comma-width: warn\n  closing-formula: info\n',
    );
    const resolver = new ConfigResolver(RULES);
    const cfg = at('.gongwenrc.yaml');
    const plain = resolver.resolve(at('a.txt'));
    assert.deepStrictEqual(levels(plain.rules), { 'comma-width': 'warn', 'closing-formula': 'info' });
    assert.deepStrictEqual(plain.overrides, []);
    const speech = resolver.resolve(at('a.speech.md'));
    assert.deepStrictEqual(levels(speech.rules), { 'comma-width': 'error', 'closing-formula': 'off' });
    const both = resolver.resolve(at('讲话稿/b.speech.md'));
    assert.deepStrictEqual(levels(both.rules), { 'comma-width': 'info', 'closing-formula': 'off' });
    assert.deepStrictEqual(both.overrides, [`${cfg}#overrides[0]`, `${cfg}#overrides[1]`]);
    assert.deepStrictEqual(both.ruleSources, { 'comma-width': `${cfg}#overrides[1]`, 'closing-formula': `${cfg}#overrides[0]` });
    assert.deepStrictEqual(both.files, [cfg]);
  });

  it('globs are relative to the config file: anchored ones from its folder, bare names at any depth below it', () => {
    t.write('.gongwenrc.yaml', 'root: true\n');
    t.write('sub/.gongwenrc.yaml', 'overrides:\n  - files: ["docs/**", "*.speech.md"]\n    rules: {comma-width: off}\n');
    const resolver = new ConfigResolver(RULES);
    const off = (rel: string): boolean => resolver.resolve(at(rel)).rules['comma-width']?.level === 'off';
    assert.ok(off('sub/docs/a.txt'));
    assert.ok(off('sub/docs/deep/a.txt'));
    assert.ok(off('sub/x.speech.md'));
    assert.ok(off('sub/other/deeper/x.speech.md'));
    assert.ok(!off('sub/other/docs/a.txt'), 'anchored: docs/** is sub/docs only');
    assert.ok(!off('sub/a.txt'));
    assert.ok(!off('sub/docs.txt'));
  });

  it('a glob never reaches outside the config file folder', () => {
    const o: ConfigOverride = { source: 'x#overrides[0]', base: at('sub'), files: ['*.txt', '../**'] };
    assert.ok(overrideMatches(o, at('sub/a.txt')));
    assert.ok(!overrideMatches(o, at('a.txt')));
    assert.ok(!overrideMatches(o, at('other/a.txt')));
  });

  it('nearest wins across files: a nearer file beats a farther file and its overrides; the farther override fills in the rest', () => {
    t.write('.gongwenrc.yaml', 'root: true\nrules: {comma-width: warn}\noverrides:\n  - files: "*.speech.md"\n    rules: {comma-width: error, closing-formula: off}\n');
    t.write('讲话稿/.gongwenrc.yaml', 'rules: {comma-width: info}\n');
    const resolver = new ConfigResolver(RULES);
    const c = resolver.resolve(at('讲话稿/a.speech.md'));
    assert.deepStrictEqual(levels(c.rules), { 'comma-width': 'info', 'closing-formula': 'off' });
    assert.deepStrictEqual(c.ruleSources, { 'comma-width': at('讲话稿/.gongwenrc.yaml'), 'closing-formula': `${at('.gongwenrc.yaml')}#overrides[0]` });
    // And a nearer file's own override beats it too.
    t.write('讲话稿/.gongwenrc.yaml', 'overrides:\n  - files: "a.*"\n    rules: {closing-formula: error}\n');
    resolver.invalidate();
    assert.deepStrictEqual(levels(resolver.resolve(at('讲话稿/a.speech.md')).rules), { 'comma-width': 'error', 'closing-formula': 'error' });
  });

  it('excludedFiles, and ! in files (as in ignore), keep files out of an override', () => {
    t.write(
      '.gongwenrc.yaml',
      'root: true\noverrides:\n  - files: 引文/**\n    excludedFiles: 引文/本单位/**\n    rules: {comma-width: off}\n  - files: ["附件/**", "!附件/正文/**"]\n    rules: {closing-formula: off}\n',
    );
    const resolver = new ConfigResolver(RULES);
    assert.strictEqual(resolver.resolve(at('引文/外单位/a.txt')).rules['comma-width']?.level, 'off');
    assert.strictEqual(resolver.resolve(at('引文/本单位/a.txt')).rules['comma-width'], undefined);
    assert.strictEqual(resolver.resolve(at('附件/a.txt')).rules['closing-formula']?.level, 'off');
    assert.strictEqual(resolver.resolve(at('附件/正文/a.txt')).rules['closing-formula'], undefined);
  });

  it('date and dictionaries from an override: date wins, dictionaries add to the file’s own', () => {
    t.write('.gongwenrc.yaml', 'root: true\ndate: 2024-01-01\ndictionaries: [base.yaml]\noverrides:\n  - files: 引文/**\n    date: 2019-06-01\n    dictionaries: [quote.yaml, base.yaml]\n');
    const resolver = new ConfigResolver(RULES);
    const plain = resolver.resolve(at('a.txt'));
    const quoted = resolver.resolve(at('引文/a.txt'));
    assert.deepStrictEqual([plain.date, plain.dictionaries], ['2024-01-01', [at('base.yaml')]]);
    assert.deepStrictEqual([quoted.date, quoted.dictionaries], ['2019-06-01', [at('base.yaml'), at('quote.yaml')]]);
  });

  it('an edited config file is re-read: a new override applies without a new resolver', () => {
    const rc = t.write('.gongwenrc.yaml', 'root: true\n');
    const resolver = new ConfigResolver(RULES);
    assert.strictEqual(resolver.resolve(at('a.speech.md')).rules['comma-width'], undefined);
    fs.writeFileSync(rc, 'root: true\noverrides:\n  - files: "*.speech.md"\n    rules: {comma-width: off}\n');
    const later = new Date(Date.now() + 5000);
    fs.utimesSync(rc, later, later);
    assert.strictEqual(resolver.resolve(at('a.speech.md')).rules['comma-width']?.level, 'off');
  });

  it('no file (an untitled buffer): no override applies', () => {
    const { layer } = parseConfig('rules: {comma-width: warn}\noverrides:\n  - files: "**"\n    rules: {comma-width: off}\n', '/p/.gongwenrc.yaml', RULES);
    assert.deepStrictEqual(levels(mergeLayers(layersFor(layer, undefined)).rules), { 'comma-width': 'warn' });
    assert.deepStrictEqual(levels(mergeLayers(layersFor(layer, '/p/a.txt')).rules), { 'comma-width': 'off' });
  });

  it('Windows paths: relative to the config folder with \\ separators, another drive never matches', () => {
    const o: ConfigOverride = { source: 'C:\\proj\\.gongwenrc.yaml#overrides[0]', base: 'C:\\proj', files: ['讲话稿/**', '*.speech.md'], excludedFiles: ['讲话稿/旧/**'] };
    const w = path.win32;
    assert.ok(overrideMatches(o, 'C:\\proj\\讲话稿\\a.txt', w));
    assert.ok(overrideMatches(o, 'C:\\proj\\x\\y\\b.speech.md', w));
    assert.ok(!overrideMatches(o, 'C:\\proj\\讲话稿\\旧\\a.txt', w));
    assert.ok(!overrideMatches(o, 'C:\\proj\\通知\\a.txt', w));
    assert.ok(!overrideMatches(o, 'D:\\proj\\讲话稿\\a.txt', w));
    assert.ok(!overrideMatches(o, 'C:\\other\\b.speech.md', w));
    assert.ok(compileGlobs(['docs/'], 'C:\\proj', w)('C:\\proj\\docs\\a.md'));
  });
});

describe('config overrides: print-config and the editor', () => {
  let t: TempDir;
  beforeEach(() => {
    t = tempProject(null);
  });
  afterEach(() => t.cleanup());
  const at = (rel: string): string => path.join(t.dir, rel);

  it('printedConfig lists the overrides applied and names the override as a rule’s source', () => {
    t.write('.gongwenrc.yaml', `root: true\n${BRIEF_EXAMPLE}`);
    const file = at('讲话稿/a.txt');
    const printed = printedConfig(file, new ConfigResolver(RULES).resolve(file), undefined, RULES);
    const cfg = at('.gongwenrc.yaml');
    assert.deepStrictEqual(printed.overrides, [`${cfg}#overrides[0]`]);
    assert.deepStrictEqual(printed.rules['closing-formula'], { level: 'off', options: {}, from: 'config', source: `${cfg}#overrides[0]` });
    assert.deepStrictEqual(printed.rules['comma-width'], { level: 'warn', options: {}, from: 'default' });
  });

  it('ConfigService (the editor): same overrides as the CLI; settings win only for the rules they name', () => {
    t.write('.gongwenrc.yaml', 'root: true\nrules: {closing-formula: info}\noverrides:\n  - files: 讲话稿/**\n    rules: {comma-width: error, closing-formula: off}\n');
    const service = new ConfigService(RULES, true, () => true);
    const file = at('讲话稿/a.txt');
    const cli = new ConfigResolver(RULES).resolve(file);
    const editor = service.resolve(file, {}).config;
    assert.deepStrictEqual(editor.rules, cli.rules);
    assert.deepStrictEqual(editor.overrides, cli.overrides);
    const withSettings = service.resolve(file, { rules: { 'comma-width': { level: 'info', options: {} } } }).config;
    assert.deepStrictEqual(levels(withSettings.rules), { 'comma-width': 'info', 'closing-formula': 'off' });
    assert.strictEqual(withSettings.ruleSources['comma-width'], '<settings>');
    assert.deepStrictEqual(levels(service.resolve(at('a.txt'), { rules: { 'comma-width': { level: 'info', options: {} } } }).config.rules), { 'comma-width': 'info', 'closing-formula': 'info' });
  });

  it('ConfigService, untrusted: an override keeps its levels but loses its options and dictionaries', () => {
    t.write('.gongwenrc.yaml', 'root: true\noverrides:\n  - files: 引文/**\n    rules:\n      max-sentence-length: [error, {max: 10}]\n      comma-width: off\n    dictionaries: [quote.yaml]\n');
    const file = at('引文/a.txt');
    const untrusted = new ConfigService(RULES, false, () => true).resolve(file, {});
    assert.ok(untrusted.restrictedByTrust);
    assert.deepStrictEqual(untrusted.config.rules, { 'max-sentence-length': { level: 'error', options: {} }, 'comma-width': { level: 'off', options: {} } });
    assert.deepStrictEqual(untrusted.config.dictionaries, []);
    const trusted = new ConfigService(RULES, true, () => true).resolve(file, {});
    assert.ok(!trusted.restrictedByTrust);
    assert.deepStrictEqual(trusted.config.rules['max-sentence-length'], { level: 'error', options: { max: 10 } });
    assert.deepStrictEqual(trusted.config.dictionaries, [at('quote.yaml')]);
    // A file the override does not match: nothing to restrict.
    assert.ok(!new ConfigService(RULES, false, () => true).resolve(at('a.txt'), {}).restrictedByTrust);
  });
});
