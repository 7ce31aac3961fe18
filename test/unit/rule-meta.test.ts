import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { allRules } from '../../rules/registry';

const ROOT = path.resolve(__dirname, '..', '..', '..');

describe('rule metadata and docs', () => {
  it('ids are kebab-case and unique', () => {
    const ids = allRules.map((r) => r.meta.id);
    assert.deepStrictEqual(ids.filter((id) => !/^[a-z]+(-[a-z]+)*$/.test(id)), []);
    assert.strictEqual(new Set(ids).size, ids.length);
  });
  for (const rule of allRules) {
    describe(rule.meta.id, () => {
      it('states its basis and a Chinese description', () => {
        assert.ok(rule.meta.basis.trim().length > 0);
        assert.ok(/[\u4e00-\u9fff]/.test(rule.meta.description));
      });
      it('is listed, with a link to its doc, in both READMEs', () => {
        for (const readme of ['README.md', 'README.zh-CN.md']) {
          const text = fs.readFileSync(path.join(ROOT, readme), 'utf8');
          assert.ok(text.includes(`[${rule.meta.id}](${rule.meta.docs})`), `${readme} links ${rule.meta.id} to ${rule.meta.docs}`);
        }
      });
      it('has a doc in Chinese with 错误 and 正确 examples and its basis', () => {
        const doc = path.join(ROOT, rule.meta.docs);
        assert.ok(fs.existsSync(doc), `missing ${rule.meta.docs}`);
        const text = fs.readFileSync(doc, 'utf8');
        assert.ok(text.includes(rule.meta.id), 'doc names the rule id');
        assert.ok(/错误/.test(text) && /正确/.test(text), 'doc has 错误 and 正确 examples');
        assert.ok(/依据/.test(text), 'doc states the basis');
      });
    });
  }
});
