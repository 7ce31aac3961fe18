import * as assert from 'assert';
import { lint, INTERNAL_ERROR_RULE_ID } from '../../../rules/engine/runner';
import type { Rule } from '../../../rules/engine/types';

const meta = (id: string): Rule['meta'] => ({
  id,
  category: 'punctuation',
  description: 'test',
  defaultSeverity: 'warn',
  fixable: true,
  basis: 'test',
  basisLevel: '实务',
  docs: 'rules/docs/x.md',
});

const everyChar: Rule = {
  meta: meta('every-a'),
  check(ctx) {
    for (let i = ctx.doc.prose.indexOf('a'); i !== -1; i = ctx.doc.prose.indexOf('a', i + 1)) ctx.report({ start: i, end: i + 1, message: 'a', fix: { start: i, end: i + 1, text: 'b' } });
  },
};
const throwing: Rule = {
  meta: meta('throws'),
  check() {
    throw new Error('boom');
  },
};
const outOfRange: Rule = {
  meta: meta('out-of-range'),
  check(ctx) {
    ctx.report({ start: 0, end: ctx.doc.text.length + 5, message: 'bad' });
  },
};
const splitsPair: Rule = {
  meta: meta('splits-pair'),
  check(ctx) {
    ctx.report({ start: 1, end: 2, message: 'bad' });
  },
};

describe('runner', () => {
  it('a rule that throws becomes one internal-error finding and the others still run', () => {
    const r = lint('a a', { rules: [throwing, everyChar] });
    assert.strictEqual(r.findings.filter((f) => f.ruleId === INTERNAL_ERROR_RULE_ID).length, 1);
    assert.ok(r.findings.find((f) => f.ruleId === INTERNAL_ERROR_RULE_ID)?.message.includes('throws'));
    assert.strictEqual(r.findings.filter((f) => f.ruleId === 'every-a').length, 2);
  });
  it('a report outside the text or splitting a surrogate pair is refused as an internal error', () => {
    assert.strictEqual(lint('abc', { rules: [outOfRange] }).findings[0].ruleId, INTERNAL_ERROR_RULE_ID);
    assert.strictEqual(lint('𠮷', { rules: [splitsPair] }).findings[0].ruleId, INTERNAL_ERROR_RULE_ID);
  });
  it('config turns a rule off or changes its level', () => {
    assert.strictEqual(lint('a', { rules: [everyChar], config: { rules: { 'every-a': { level: 'off', options: {} } }, dictionaries: [] } }).findings.length, 0);
    assert.strictEqual(lint('a', { rules: [everyChar], config: { rules: { 'every-a': { level: 'error', options: {} } }, dictionaries: [] } }).findings[0].severity, 'error');
  });
  it('drops findings inside code and URLs', () => {
    const r = lint('a `a` https://a.cn a', { rules: [everyChar], format: 'markdown' });
    assert.deepStrictEqual(r.findings.map((f) => f.start), [0, 19]);
  });
  it('inline directives: next-line, line, block, file, all rules or named ones', () => {
    const count = (t: string) => lint(t, { rules: [everyChar] }).findings.length;
    assert.strictEqual(count('<!-- gongwen-disable-next-line every-a -->\na\na'), 1);
    assert.strictEqual(count('<!-- gongwen-disable-next-line -->\na\na'), 1);
    assert.strictEqual(count('<!-- gongwen-disable-next-line other-rule -->\na\na'), 2);
    assert.strictEqual(count('a <!-- gongwen-disable-line every-a -- 引用原文 -->\na'), 1);
    assert.strictEqual(count('<!-- gongwen-disable -->\na\n<!-- gongwen-enable -->\na'), 1);
    assert.strictEqual(count('<!-- gongwen-disable every-a -->\na\na'), 0);
    assert.strictEqual(count('a\n<!-- gongwen-disable-file every-a -->'), 0);
  });
  it('in Markdown, a directive shown inside code is an example and disables nothing', () => {
    const count = (t: string) => lint(t, { rules: [everyChar], format: 'markdown' }).findings.length;
    assert.strictEqual(count('```text\n<!-- gongwen-disable-file -->\n```\n\na\n'), 1);
    assert.strictEqual(count('用 `<!-- gongwen-disable-next-line -->` 禁用下一行。\na\n'), 1);
    assert.strictEqual(count('    <!-- gongwen-disable -->\n\na\n'), 1, 'indented code');
    // Outside code it still works, also in Markdown.
    assert.strictEqual(count('<!-- gongwen-disable-next-line every-a -->\na\n'), 0);
    assert.strictEqual(count('a <!-- gongwen-disable-line -->\n'), 0);
  });
  it('sorts findings by position and reports 0-based UTF-16 positions', () => {
    const r = lint('𠮷a\r\na', { rules: [everyChar] });
    assert.deepStrictEqual(r.findings.map((f) => [f.line, f.column, f.endColumn]), [[0, 2, 3], [1, 0, 1]]);
  });
  it('resolves the reference date: explicit, then 成文日期, then opening year', () => {
    assert.strictEqual(lint('x', { rules: [], config: { rules: {}, dictionaries: [], date: '2023-06-01' } }).date.iso, '2023-06-01');
    assert.strictEqual(lint('正文。\n\n2022年3月5日\n', { rules: [] }).date.iso, '2022-03-05');
    assert.strictEqual(lint('市人大2022年度工作推进动员大会讲话', { rules: [] }).date.iso, '2022-01-01');
  });
});
