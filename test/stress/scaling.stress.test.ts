import * as assert from 'assert';
import { lint } from '../../rules/engine/runner';
import { allRules } from '../../rules/registry';
import type { Format, Rule } from '../../rules/engine/types';

/**
 * Stress layer: every registered rule on degenerate inputs at two sizes. Linear work grows ×4 when
 * the input grows ×4; quadratic work ×16, which in the editor means a 1 MB document freezes. A
 * rule is flagged when the bigger run takes over 300 ms and more than ×8 the smaller one (noise
 * on a busy machine stays well under that). The offenders are listed with the input that shows it.
 */
const SMALL = 20_000;
const INPUTS: Record<string, (n: number) => string> = {
  'short lines': (n) => 'a\n'.repeat(n / 2),
  'Chinese lines': (n) => '中文\n'.repeat(n / 3),
  'Chinese lines, marks at the end': (n) => '中文\n'.repeat(n / 3) + '（“《的地得1998年一、',
  'one long Chinese line': (n) => '推进改革促进发展'.repeat(n / 8),
  'fence lines': (n) => '```\n'.repeat(n / 4),
  'indented lines': (n) => '    a\n'.repeat(n / 6),
  'opening quotes': (n) => '“'.repeat(n),
  'half-width commas': (n) => '中,'.repeat(n / 2),
  'headings': (n) => '一、标题\n（一）小标题\n'.repeat(n / 14),
  'CR lines': (n) => '中文\r'.repeat(n / 3),
};

function time(rule: Rule, text: string, format: Format): number {
  const t = process.hrtime.bigint();
  lint(text, { format, rules: [rule], config: { rules: {}, dictionaries: [], date: '2024-01-01' } });
  return Number(process.hrtime.bigint() - t) / 1e6;
}

describe('stress: no rule is quadratic on degenerate input', function () {
  this.timeout(900_000);
  for (const rule of allRules) {
    it(rule.meta.id, () => {
      const offenders: string[] = [];
      for (const [name, make] of Object.entries(INPUTS)) {
        for (const format of ['text', 'markdown'] as const) {
          const small = make(SMALL);
          const big = make(SMALL * 4);
          time(rule, small, format); // warm-up (lazy loads, JIT)
          const a = time(rule, small, format);
          const b = time(rule, big, format);
          if (b > 300 && b / Math.max(a, 1) > 8) {
            // Measure again before blaming: a busy machine can stall one run.
            const b2 = time(rule, big, format);
            const a2 = time(rule, small, format);
            if (b2 > 300 && b2 / Math.max(a2, 1) > 8) offenders.push(`${name} [${format}]: ${a2.toFixed(0)} ms → ${b2.toFixed(0)} ms for ×4 input`);
          }
        }
      }
      assert.deepStrictEqual(offenders, [], `${rule.meta.id} grows faster than linear:\n  ${offenders.join('\n  ')}`);
    });
  }
});
