import * as assert from 'assert';
import { lint, fixText, type LintOptions } from '../../../rules/engine/runner';
import { allRules } from '../../../rules/registry';
import type { Finding, Format, Level } from '../../../rules/engine/types';

const ID = 'unused-disable-directive';

function options(format: Format = 'text', levels: Record<string, Level> = {}, partial = false): LintOptions {
  const rules = Object.fromEntries(Object.entries(levels).map(([id, level]) => [id, { level, options: {} }]));
  return { rules: allRules, format, config: { rules, dictionaries: [], date: '2024-01-01' }, partial };
}

function unused(text: string, opts = options()): Finding[] {
  return lint(text, opts).findings.filter((f) => f.ruleId === ID);
}

function fixed(text: string, opts = options()): string {
  return fixText(text, opts).output;
}

describe('unused-disable-directive (judged by the runner after every rule)', () => {
  it('is silent when each named rule had a finding the comment suppressed', () => {
    assert.deepStrictEqual(unused('<!-- gongwen-disable-next-line comma-width -->\n推进改革,促进发展。\n'), []);
    assert.deepStrictEqual(unused('推进改革,促进发展。<!-- gongwen-disable-line comma-width -->\n'), []);
    assert.deepStrictEqual(unused('<!-- gongwen-disable-next-line -->\n推进改革,促进发展。\n'), []);
    assert.deepStrictEqual(unused('<!-- gongwen-disable comma-width -->\n推进改革,促进发展。\n<!-- gongwen-enable comma-width -->\n'), []);
    assert.deepStrictEqual(unused('推进改革,促进发展。\n<!-- gongwen-disable-file comma-width -->\n'), []);
  });

  it('reports a misspelt rule id with the nearest id, and the fix removes the comment with its line', () => {
    const text = '<!-- gongwen-disable-next-line coma-width -->\n推进改革,促进发展。\n';
    const [f] = unused(text);
    assert.ok(f, 'one finding');
    assert.match(f.message, /“coma-width”（是否为“comma-width”？）不是规则名/);
    assert.deepStrictEqual([f.start, f.end, f.line, f.column], [0, text.indexOf('\n'), 0, 0]);
    assert.strictEqual(f.severity, 'warn');
    // The comma is no longer hidden: comma-width fixes it in the same run.
    assert.strictEqual(fixed(text), '推进改革，促进发展。\n');
  });

  it('reports an id whose rule has nothing to suppress there; the fix keeps the other ids and the reason', () => {
    const text = '<!-- gongwen-disable-next-line comma-width, placeholder -- 引用原文 -->\n推进改革,促进发展。\n';
    const [f] = unused(text);
    assert.match(f.message, /“placeholder”在这里没有可压下的问题：可以从注释中删去“placeholder”/);
    assert.strictEqual(fixed(text), '<!-- gongwen-disable-next-line comma-width -- 引用原文 -->\n推进改革,促进发展。\n');
    assert.deepStrictEqual(unused(fixed(text)), []);
  });

  it('reports an id-less comment that suppressed nothing; a trailing comment goes with the spaces before it', () => {
    const text = '推进改革，促进发展。<!-- gongwen-disable-line -->\n下一行。';
    const [f] = unused(text);
    assert.match(f.message, /没有压下任何问题/);
    assert.strictEqual(fixed(text), '推进改革，促进发展。\n下一行。');
    assert.strictEqual(fixed('See the appendix.  <!-- gongwen-disable-line -->\n'), 'See the appendix.\n');
  });

  it('a comment on the last line takes the line break before it, CRLF included', () => {
    assert.strictEqual(fixed('推进改革，促进发展。\r\n<!-- gongwen-disable-file comma-width -->'), '推进改革，促进发展。');
    assert.strictEqual(fixed('推进改革，促进发展。\n<!-- gongwen-disable-file comma-width -->\n'), '推进改革，促进发展。\n');
  });

  it('a gongwen-disable block that suppressed nothing is reported without a fix (its enable must go too)', () => {
    const text = '<!-- gongwen-disable comma-width -->\n推进改革，促进发展。\n<!-- gongwen-enable comma-width -->\n';
    const [f] = unused(text);
    assert.match(f.message, /连同对应的 gongwen-enable 注释/);
    assert.strictEqual(f.fix, undefined);
    assert.strictEqual(unused(text).length, 1, 'the enable comment is never reported');
  });

  it('leaves ids of rules turned off alone, and is silent itself when turned off', () => {
    const text = '<!-- gongwen-disable-next-line comma-width -->\n推进改革，促进发展。\n';
    assert.strictEqual(unused(text).length, 1);
    assert.deepStrictEqual(unused(text, options('text', { 'comma-width': 'off' })), []);
    assert.deepStrictEqual(unused(text, options('text', { [ID]: 'off' })), []);
    assert.strictEqual(unused(text, options('text', { [ID]: 'error' }))[0].severity, 'error');
  });

  it('judges nothing when only part of the rules ran (partial)', () => {
    assert.deepStrictEqual(unused('<!-- gongwen-disable-next-line coma-width -->\n推进改革。\n', options('text', {}, true)), []);
  });

  it('naming unused-disable-directive disables its reports and is not itself unused', () => {
    const text = '<!-- gongwen-disable-file unused-disable-directive -->\n<!-- gongwen-disable-next-line comma-width -->\n推进改革，促进发展。\n';
    assert.deepStrictEqual(unused(text), []);
    assert.deepStrictEqual(unused('<!-- gongwen-disable-file unused-disable-directive -->\n推进改革。\n'), []);
  });

  it('in Markdown, a directive shown inside a code block is an example: not reported', () => {
    const text = '写法示例：\n\n```text\n<!-- gongwen-disable-next-line comma-width -->\n推进改革，促进发展。\n```\n';
    assert.deepStrictEqual(unused(text, options('markdown')), []);
    const alone = '<!-- gongwen-disable-next-line comma-width -->\n推进改革，促进发展。\n';
    assert.strictEqual(fixed(alone, options('markdown')), '推进改革，促进发展。\n');
  });
});
