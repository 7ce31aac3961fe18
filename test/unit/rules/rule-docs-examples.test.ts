import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { allRules } from '../../../rules/registry';
import { lint } from '../../../rules/engine/runner';
import type { Rule } from '../../../rules/engine/types';

/**
 * The 错误示例 / 正确示例 blocks of every rule doc (rules/docs/<id>.md) must show what the rule does:
 * each wrong example gets at least one finding of its rule, each right example none.
 *
 * A block may hold several examples separated by a blank line (a whole document each, for the
 * structure rules). The date an example is judged at is `判断日期 YYYY-MM-DD` written before the
 * block, or `← 判断日期 YYYY-MM-DD` after a line (that line is then an example of its own), else
 * 2024-01-01 as in the rule tests. All rules run (with their default levels), and only the findings
 * of the doc's own rule count. Rules that judge a line by the document around it (numbering
 * sequences, heading levels, a 成文日期 under a signature, 附件说明, the closing formula against the
 * title, a disable comment and the line it applies to) are checked per example only; the others
 * also line by line.
 */
const ROOT = path.resolve(__dirname, '../../../..');
const WHOLE_DOCUMENT = new Set(['series-numbering', 'heading-levels', 'document-date', 'attachment-note', 'closing-formula', 'unused-disable-directive']);
const DEFAULT_DATE = '2024-01-01';

interface Example {
  text: string;
  date: string;
}

function examples(md: string, heading: string): Example[] {
  const at = md.indexOf(`\n## ${heading}\n`);
  assert.ok(at !== -1, `no “## ${heading}” section`);
  const rest = md.slice(at + 1);
  const next = rest.indexOf('\n## ');
  const section = next === -1 ? rest : rest.slice(0, next);
  const block = /```text\n([\s\S]*?)```/.exec(section);
  assert.ok(block, `no \`\`\`text block under “## ${heading}”`);
  const before = /判断日期\s*(\d{4}-\d{2}-\d{2})/.exec(section.slice(0, block.index));
  const date = before?.[1] ?? DEFAULT_DATE;
  const out: Example[] = [];
  for (const chunk of block[1].split(/\n[ \t]*\n/)) {
    const plain: string[] = [];
    for (const line of chunk.split('\n')) {
      const own = /^(.*?)\s*←\s*判断日期\s*(\d{4}-\d{2}-\d{2})\s*$/.exec(line);
      if (own) out.push({ text: own[1], date: own[2] });
      else plain.push(line);
    }
    if (plain.join('').trim() !== '') out.push({ text: plain.join('\n'), date });
  }
  assert.ok(out.length > 0, `the “## ${heading}” block is empty`);
  return out;
}

function findings(rule: Rule, ex: Example): string[] {
  // All rules run, as for a writer: a rule may depend on what others report (unused directives).
  return lint(ex.text, { rules: allRules, config: { rules: {}, dictionaries: [], date: ex.date } })
    .findings.filter((f) => f.ruleId === rule.meta.id || f.ruleId === 'internal-error')
    .map((f) => `${f.line + 1}:${f.column + 1} ${f.message}`);
}

describe('rule docs: 错误示例 and 正确示例 match what the rules do', () => {
  for (const rule of allRules) {
    describe(rule.meta.id, () => {
      const md = (): string => fs.readFileSync(path.join(ROOT, rule.meta.docs), 'utf8');
      const perLine = !WHOLE_DOCUMENT.has(rule.meta.id);
      const lines = (ex: Example): Example[] => ex.text.split('\n').filter((l) => l.trim() !== '').map((l) => ({ text: l, date: ex.date }));

      it('every wrong example is reported', () => {
        for (const ex of examples(md(), '错误示例')) {
          for (const one of perLine ? lines(ex) : [ex]) {
            assert.ok(findings(rule, one).length > 0, `no finding for the wrong example ${JSON.stringify(one.text)} (date ${one.date})`);
          }
        }
      });

      it('no right example is reported', () => {
        for (const ex of examples(md(), '正确示例')) {
          for (const one of perLine ? [ex, ...lines(ex)] : [ex]) {
            assert.deepStrictEqual(findings(rule, one), [], `findings for the right example ${JSON.stringify(one.text)} (date ${one.date})`);
          }
        }
      });
    });
  }
});
