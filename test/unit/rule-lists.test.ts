import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import Ajv from 'ajv';
import { allRules } from '../../rules/registry';
import { syncRuleLists } from '../../rules/rule-lists';

const ROOT = path.resolve(__dirname, '..', '..', '..');

describe('rule lists in package.json and the config schema', () => {
  it('list every registered rule, and nothing else (else: npm run sync:rule-lists)', () => {
    assert.deepStrictEqual(syncRuleLists(ROOT, allRules, false), [], 'run `npm run sync:rule-lists` and commit the result');
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const listed = Object.keys(pkg.contributes.configuration.properties['gongwen.rules'].properties);
    assert.deepStrictEqual(listed, allRules.map((r) => r.meta.id));
  });

  it('a stale list is detected and rewritten', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-rule-lists-'));
    try {
      fs.mkdirSync(path.join(dir, 'rules', 'schema'), { recursive: true });
      fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(dir, 'package.json'));
      fs.copyFileSync(path.join(ROOT, 'rules', 'schema', 'gongwenrc.schema.json'), path.join(dir, 'rules', 'schema', 'gongwenrc.schema.json'));
      const fewer = allRules.slice(1);
      assert.deepStrictEqual(syncRuleLists(dir, fewer, true), ['package.json', path.join('rules', 'schema', 'gongwenrc.schema.json')]);
      assert.deepStrictEqual(syncRuleLists(dir, fewer, false), []);
      assert.deepStrictEqual(syncRuleLists(dir, allRules, false).length, 2);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the config schema accepts every rule at every level and still allows unknown ids (the engine reports those)', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'rules', 'schema', 'gongwenrc.schema.json'), 'utf8'));
    const validate = new Ajv({ strict: false }).compile(schema);
    for (const r of allRules) {
      for (const level of ['off', 'info', 'warn', 'error']) {
        assert.ok(validate({ rules: { [r.meta.id]: level } }), `${r.meta.id}: ${level}`);
        assert.ok(validate({ rules: { [r.meta.id]: [level, {}] } }), `${r.meta.id}: [${level}, {}]`);
      }
      assert.ok(!validate({ rules: { [r.meta.id]: 'loud' } }), `${r.meta.id}: loud is rejected`);
    }
    assert.ok(validate({ rules: { 'no-such-rule': 'warn' } }));
  });
});
