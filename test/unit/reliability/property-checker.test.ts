import * as assert from 'assert';
import { violations } from '../../property/check';
import type { Rule, RuleContext } from '../../../rules/engine/types';

/**
 * The property tests are only worth something if their checker can fail: each broken rule here
 * must be caught with a message that names it.
 */
function fakeRule(id: string, check: (ctx: RuleContext) => void, fixable = true): Rule {
  return {
    meta: { id, category: 'punctuation', description: '测试', defaultSeverity: 'warn', fixable, basis: '测试', basisLevel: '实务', docs: 'rules/docs/x.md' },
    check,
  };
}

function run(rule: Rule, text: string, format: 'text' | 'markdown' = 'text'): string[] {
  return violations(text, { format, rules: [rule], config: { rules: {}, dictionaries: [], date: '2024-01-01' } });
}

describe('reliability: the property checker catches broken rules', () => {
  it('a rule that throws', () => {
    const v = run(fakeRule('thrower', () => { throw new Error('boom'); }), '你好');
    assert.ok(v.some((m) => m.includes('thrower') && m.includes('boom')), v.join('\n'));
  });

  it('a range that splits a surrogate pair', () => {
    const v = run(fakeRule('splitter', (ctx) => ctx.report({ start: 1, end: 2, message: '坏' })), '𠮷好');
    assert.ok(v.some((m) => m.includes('splitter') && m.includes('代理对')), v.join('\n'));
  });

  it('fixes that never settle (a rule that fights itself)', () => {
    const flip = fakeRule('flipper', (ctx) => {
      const i = ctx.doc.prose.search(/[甲乙]/);
      if (i >= 0) ctx.report({ start: i, end: i + 1, message: '换', fix: { start: i, end: i + 1, text: ctx.doc.text[i] === '甲' ? '乙' : '甲' } });
    });
    const v = run(flip, '甲');
    assert.ok(v.some((m) => m.includes('do not converge') && m.includes('flipper')), v.join('\n'));
  });

  it('a fixable finding whose fix changes nothing', () => {
    const noop = fakeRule('noop', (ctx) => {
      const i = ctx.doc.prose.indexOf('，');
      if (i >= 0) ctx.report({ start: i, end: i + 1, message: '无效修复', fix: { start: i, end: i + 1, text: '，' } });
    });
    const v = run(noop, '甲，乙');
    assert.ok(v.some((m) => m.includes('noop') && m.includes('changes nothing')), v.join('\n'));
  });

  it('a fix that keeps growing the text is not idempotent', () => {
    const grow = fakeRule('grower', (ctx) => {
      const n = ctx.doc.text.length;
      if (n < 40) ctx.report({ start: n, end: n, message: '再加一个', fix: { start: n, end: n, text: '。' } });
    });
    const v = run(grow, '甲');
    assert.ok(v.some((m) => m.includes('converge') || m.includes('twice')), v.join('\n'));
  });

  it('a correct rule passes clean', () => {
    const ok = fakeRule('fine', (ctx) => {
      for (let i = ctx.doc.prose.indexOf(','); i !== -1; i = ctx.doc.prose.indexOf(',', i + 1)) {
        ctx.report({ start: i, end: i + 1, message: '改为全角', fix: { start: i, end: i + 1, text: '，' } });
      }
    });
    assert.deepStrictEqual(run(ok, '甲,乙\r\n`丙,丁`', 'markdown'), []);
  });
});
