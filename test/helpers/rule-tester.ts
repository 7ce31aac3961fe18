import * as assert from 'assert';
import { lint, fixText } from '../../rules/engine/runner';
import type { Finding, Format, Rule, RuleOptions } from '../../rules/engine/types';

export interface ValidCase {
  code: string;
  format?: Format;
  options?: RuleOptions;
  date?: string;
  /** Why this must stay silent (shown when it does not). */
  name?: string;
}

export interface ExpectedFinding {
  /** 1-based, as users read it. */
  line?: number;
  column?: number;
  endColumn?: number;
  messageIncludes?: string;
  severity?: Finding['severity'];
  /** Expected suggestion outputs (the text after applying each suggestion), in order. */
  suggestions?: string[];
}

export interface InvalidCase extends ValidCase {
  /** Number of findings, or their details. */
  errors: number | ExpectedFinding[];
  /** The exact text after --fix; null when the rule must offer no fix. */
  output: string | null;
}

/**
 * ESLint-style rule tests: every valid case must produce no finding of the rule; every invalid
 * case states its findings and the exact fixed output, and the fixed output must be clean of
 * fixable findings of the same rule.
 */
export function testRule(rule: Rule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  const run = (c: ValidCase): Finding[] =>
    lint(c.code, {
      format: c.format ?? 'text',
      rules: [rule],
      config: { rules: { [rule.meta.id]: { level: rule.meta.defaultSeverity, options: c.options ?? {} } }, dictionaries: [], date: c.date ?? '2024-01-01' },
    }).findings.filter((f) => f.ruleId === rule.meta.id || f.ruleId === 'internal-error');

  describe(rule.meta.id, () => {
    describe('valid', () => {
      for (const c of cases.valid) {
        it(c.name ?? JSON.stringify(c.code.slice(0, 60)), () => {
          const findings = run(c);
          assert.deepStrictEqual(
            findings.map((f) => `${f.line + 1}:${f.column + 1} ${f.message}`),
            [],
            `expected no finding for ${JSON.stringify(c.code)}`,
          );
        });
      }
    });
    describe('invalid', () => {
      for (const c of cases.invalid) {
        it(c.name ?? JSON.stringify(c.code.slice(0, 60)), () => {
          const findings = run(c);
          assert.ok(!findings.some((f) => f.ruleId === 'internal-error'), `rule threw: ${findings.map((f) => f.message).join('; ')}`);
          if (typeof c.errors === 'number') {
            assert.strictEqual(findings.length, c.errors, `finding count for ${JSON.stringify(c.code)}: ${findings.map((f) => f.message).join(' | ')}`);
          } else {
            assert.strictEqual(findings.length, c.errors.length, `finding count for ${JSON.stringify(c.code)}: ${findings.map((f) => f.message).join(' | ')}`);
            c.errors.forEach((e, i) => {
              const f = findings[i];
              if (e.line !== undefined) assert.strictEqual(f.line + 1, e.line, `line of finding ${i}`);
              if (e.column !== undefined) assert.strictEqual(f.column + 1, e.column, `column of finding ${i}`);
              if (e.endColumn !== undefined) assert.strictEqual(f.endColumn + 1, e.endColumn, `endColumn of finding ${i}`);
              if (e.severity !== undefined) assert.strictEqual(f.severity, e.severity, `severity of finding ${i}`);
              if (e.messageIncludes !== undefined) assert.ok(f.message.includes(e.messageIncludes), `message ${JSON.stringify(f.message)} should include ${JSON.stringify(e.messageIncludes)}`);
              if (e.suggestions !== undefined) {
                const got = (f.suggestions ?? []).map((s) => c.code.slice(0, s.edit.start) + s.edit.text + c.code.slice(s.edit.end));
                assert.deepStrictEqual(got, e.suggestions, `suggestions of finding ${i}`);
              }
            });
          }
          const options = {
            format: c.format ?? ('text' as Format),
            rules: [rule],
            config: { rules: { [rule.meta.id]: { level: rule.meta.defaultSeverity, options: c.options ?? {} } }, dictionaries: [], date: c.date ?? '2024-01-01' },
          };
          const fixed = fixText(c.code, options).output;
          if (c.output === null) {
            assert.strictEqual(fixed, c.code, 'rule must not change the text');
          } else {
            assert.strictEqual(fixed, c.output, 'fixed output');
            assert.deepStrictEqual(
              lint(fixed, options).findings.filter((f) => f.fix).map((f) => f.message),
              [],
              'fixed output must have no fixable finding left',
            );
          }
        });
      }
    });
  });
}
