import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { builtInFiles, correctForms, loadBuiltIn, loadDictionaries, parseDictionary } from '../../rules/engine/dictionaries';
import { formulationRules } from '../../rules/checks/formulation';
import { collocationForms, quoteForms } from '../../rules/checks/formulation/scanner';
import { lint } from '../../rules/engine/runner';
import type { DictionaryEntry, DictionaryKind } from '../../rules/engine/dictionary-types';
import schema from '../../rules/schema/dictionary.schema.json';

const RULE_OF: Record<DictionaryKind, string> = {
  formulation: 'formulation',
  enumeration: 'enumeration-order',
  collocation: 'collocation',
  outdated: 'outdated-formulation',
  banned: 'banned-term',
  confusable: 'confusable-word',
};

const builtIn = loadBuiltIn();
const dicts = loadDictionaries([]);

function findingsOf(text: string, date: string) {
  return lint(text, { rules: formulationRules, dictionaries: dicts, config: { rules: {}, dictionaries: [], date } }).findings;
}

/** A date at which the entry's wrong forms are wrong. */
function wrongDate(e: DictionaryEntry): string {
  if (e.kind === 'outdated') return e.validUntil as string;
  return e.validFrom ?? '2024-01-01';
}
function rightDate(e: DictionaryEntry): string {
  // The replacement of an outdated form is right from the change on (银保监会 itself was later replaced).
  if (e.kind === 'outdated') return e.validUntil as string;
  if (e.validUntil) return '2016-01-01';
  return e.validFrom ?? '2024-01-01';
}

describe('built-in formulation dictionaries (rules/data)', () => {
  it('every file is valid against rules/schema/dictionary.schema.json', () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    const files = builtInFiles();
    assert.ok(files.length >= 5, `expected several YAML files, found ${files.length}`);
    for (const f of files) {
      const ok = validate(parse(fs.readFileSync(f, 'utf8')));
      assert.ok(ok, `${path.basename(f)}: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
    }
  });

  it('load without any problem', () => {
    assert.deepStrictEqual(builtIn.problems.map((p) => `${path.basename(p.file)}:${p.line} ${p.message}`), []);
  });

  it('ship at least 150 entries across all six kinds', () => {
    const byKind = new Map<string, number>();
    for (const e of builtIn.entries) byKind.set(e.kind, (byKind.get(e.kind) ?? 0) + 1);
    assert.ok(builtIn.entries.length >= 150, `${builtIn.entries.length} entries`);
    for (const k of Object.keys(RULE_OF)) assert.ok((byKind.get(k) ?? 0) >= 3, `kind ${k}: ${byKind.get(k) ?? 0} entries`);
  });

  it('every entry, read straight from the YAML, has a source naming a document', () => {
    for (const f of builtInFiles()) {
      const raw = parse(fs.readFileSync(f, 'utf8')) as { entries: Array<Record<string, unknown>> };
      for (const e of raw.entries) {
        assert.ok(typeof e.source === 'string' && e.source.trim().length >= 8, `${path.basename(f)} ${String(e.id)}: source missing or too short`);
      }
    }
  });

  it('has no duplicate ids and no wrong form listed under two entries', () => {
    const ids = new Set<string>();
    const variants = new Map<string, string>();
    for (const e of builtIn.entries) {
      assert.ok(!ids.has(e.id), `duplicate id ${e.id}`);
      ids.add(e.id);
      const forms = e.kind === 'collocation' ? collocationForms(e).wrong.map((w) => w.text) : e.kind === 'enumeration' ? [] : (e.variants ?? []);
      for (const v of forms) {
        assert.ok(!variants.has(v), `variant “${v}” in both ${variants.get(v)} and ${e.id}`);
        variants.set(v, e.id);
      }
    }
  });

  it('no right form is reported, by any rule (a variant never fires inside a correct form)', () => {
    for (const e of builtIn.entries) {
      const texts: string[] = [];
      if (e.kind === 'enumeration') texts.push((e.members ?? []).join('、'));
      else if (e.kind === 'collocation') texts.push(...collocationForms(e).right);
      // “台独” without its quotation marks is the wrong form itself, not a right one.
      else for (const c of correctForms(e)) texts.push(...quoteForms(c).filter((q) => !(e.variants ?? []).includes(q)));
      for (const x of e.exceptions ?? []) texts.push(x);
      for (const t of texts) {
        const f = findingsOf(t, rightDate(e));
        assert.deepStrictEqual(f.map((x) => `${x.ruleId}: ${t.slice(x.start, x.end)}`), [], `right form “${t}” of ${e.id}`);
      }
    }
  });

  it('every wrong form is found by its rule (no shield or exception hides it)', () => {
    for (const e of builtIn.entries) {
      if (e.kind === 'enumeration') continue;
      const wrong = e.kind === 'collocation' ? collocationForms(e).wrong.map((w) => w.text) : (e.variants ?? []);
      for (const v of wrong) {
        const f = findingsOf(v, wrongDate(e)).filter((x) => x.ruleId === RULE_OF[e.kind]);
        assert.ok(f.length >= 1, `${e.id}: “${v}” is not reported by ${RULE_OF[e.kind]}`);
      }
    }
  });

  it('every enumeration in a wrong order is found and fixed back', () => {
    for (const e of builtIn.entries) {
      if (e.kind !== 'enumeration') continue;
      const m = e.members ?? [];
      const swapped = [m[1], m[0], ...m.slice(2)].join('、');
      const f = findingsOf(swapped, rightDate(e)).filter((x) => x.ruleId === 'enumeration-order');
      assert.strictEqual(f.length, 1, `${e.id}: ${swapped}`);
      assert.strictEqual(f[0].fix?.text, m.join('、'), e.id);
    }
  });

  it('a variant that is a substring of a longer right form stays silent inside it', () => {
    // 中国特色社会主义思想 is part of 习近平新时代中国特色社会主义思想; the shield works across entries.
    const user = writeTemp('shield.yaml', 'entries:\n  - id: test-inner\n    kind: formulation\n    correct: 中国特色社会主义理论体系\n    variants: [中国特色社会主义思想]\n    message: 测试词条\n    severity: error\n    source: 单元测试用的示例词条\n');
    const d = loadDictionaries([user]);
    const run = (t: string) => lint(t, { rules: formulationRules, dictionaries: d, config: { rules: {}, dictionaries: [], date: '2024-01-01' } }).findings;
    assert.deepStrictEqual(run('坚持习近平新时代中国特色社会主义思想').length, 0);
    assert.deepStrictEqual(run('坚持中国特色社会主义思想').length, 1);
  });
});

let tmp: string | undefined;
function writeTemp(name: string, text: string): string {
  tmp ??= fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-dict-'));
  const f = path.join(tmp, name);
  fs.writeFileSync(f, text);
  return f;
}
after(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('user dictionaries (config `dictionaries`)', () => {
  const text = [
    'entries:',
    '  - id: local-park-name',
    '    kind: formulation',
    '    correct: 滨江新区管委会',
    '    variants: [滨江管委会]',
    '    message: 本单位规范简称是{correct}',
    '    severity: warn',
    '    source: 本单位文件规范（示例）',
    '  - id: broken-entry',
    '    kind: formulation',
    '    variants: [某某]',
    '    message: 缺少出处的词条',
    '    severity: fatal',
    '  - id: bad-pattern',
    '    kind: banned',
    "    patterns: ['(?<=习近平)主席']",
    '    message: 用户正则不支持环视',
    '    severity: warn',
    '    source: 示例出处',
    '',
  ].join('\n');

  it('an invalid entry gives an error naming file, line and field; the other entries keep working', () => {
    const file = writeTemp('user.yaml', text);
    const d = loadDictionaries([file]);
    const problems = d.problems.filter((p) => p.file === file);
    const missing = problems.find((p) => p.message.includes('source'));
    assert.ok(missing, JSON.stringify(problems));
    assert.strictEqual(missing.line, 9, 'line of the broken entry');
    assert.ok(missing.message.includes('broken-entry'));
    const severity = problems.find((p) => p.message.includes('severity'));
    assert.ok(severity && severity.line === 13 && severity.column === 15, JSON.stringify(severity));
    const pattern = problems.find((p) => p.message.includes('patterns[0]'));
    assert.ok(pattern && pattern.line === 16 && /环视/.test(pattern.message), JSON.stringify(pattern));
    assert.ok(d.entries.some((e) => e.id === 'local-park-name'));
    assert.ok(!d.entries.some((e) => e.id === 'broken-entry' || e.id === 'bad-pattern'));
    // Built-in entries are still there.
    assert.ok(d.entries.some((e) => e.id === 'xi-core-party-central'));
  });

  it('the runner picks up user entries from config.dictionaries', () => {
    const file = writeTemp('user2.yaml', text);
    const f = lint('请滨江管委会牵头，紧密团结在以习近平总书记为核心的党中央周围。', {
      rules: formulationRules,
      config: { rules: {}, dictionaries: [file], date: '2024-01-01' },
    }).findings;
    assert.deepStrictEqual(
      f.map((x) => `${x.ruleId} ${x.severity} ${x.fix?.text}`),
      ['formulation warn 滨江新区管委会', 'formulation error 以习近平同志为核心的党中央'],
    );
  });

  it('a user entry with a built-in id replaces it', () => {
    const file = writeTemp('override.yaml', 'entries:\n  - id: qita-other\n    kind: confusable\n    correct: 其他\n    variants: [其它]\n    message: 本单位要求写“其他”\n    severity: error\n    source: 本单位文件规范（示例）\n');
    const d = loadDictionaries([file]);
    assert.strictEqual(d.entries.filter((e) => e.id === 'qita-other').length, 1);
    const f = lint('其它', { rules: formulationRules, dictionaries: d, config: { rules: {}, dictionaries: [], date: '2024-01-01' } }).findings;
    assert.deepStrictEqual(f.map((x) => `${x.severity} ${x.message.slice(0, 11)}`), ['error “其它”：本单位要求写']);
  });

  it('a user pattern runs on RE2 and reports UTF-16 offsets', () => {
    const file = writeTemp('pattern.yaml', "entries:\n  - id: user-pattern\n    kind: banned\n    patterns: ['某+单位']\n    message: 示例词条\n    severity: warn\n    source: 示例出处\n");
    const d = loadDictionaries([file]);
    assert.deepStrictEqual(d.problems.filter((p) => p.file === file), []);
    const f = lint('𠮷某某单位', { rules: formulationRules, dictionaries: d, config: { rules: {}, dictionaries: [], date: '2024-01-01' } }).findings;
    assert.deepStrictEqual(f.map((x) => [x.start, x.end]), [[2, 6]]);
  });

  it('YAML syntax errors and unreadable files are problems, not crashes', () => {
    const bad = parseDictionary('entries: [\n', 'x.yaml', false);
    assert.ok(bad.problems.length >= 1 && bad.problems[0].file === 'x.yaml');
    const d = loadDictionaries([path.join(os.tmpdir(), 'no-such-gongwen-dictionary.yaml')]);
    assert.ok(d.problems.some((p) => p.message.includes('无法读取')));
    assert.ok(d.entries.length === builtIn.entries.length);
  });
});
