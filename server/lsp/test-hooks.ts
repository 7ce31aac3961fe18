import type { Rule } from '../../rules/engine/types';

/** Text that makes the test rule throw. */
export const THROWING_RULE_TRIGGER = '__gongwen_test_throw__';

/**
 * Test-only rules, enabled by environment variables read once at startup:
 *
 *   GONGWEN_TEST_THROWING_RULE=1  adds rule `test-throwing-rule`, which throws on any document
 *                                 containing `__gongwen_test_throw__`, to prove a broken rule
 *                                 becomes the engine's internal-error finding and the server lives on.
 *
 * Never set in normal use; nothing else changes when they are absent.
 */
export function testRules(env: NodeJS.ProcessEnv): Rule[] {
  const out: Rule[] = [];
  if (env.GONGWEN_TEST_THROWING_RULE === '1') {
    out.push({
      meta: {
        id: 'test-throwing-rule',
        category: 'internal',
        description: '测试用：遇到触发文本即抛出异常',
        defaultSeverity: 'warn',
        fixable: false,
        basis: '测试',
        basisLevel: '实务',
        docs: 'rules/docs/test-throwing-rule.md',
      },
      check(ctx) {
        if (ctx.doc.text.includes(THROWING_RULE_TRIGGER)) throw new Error('test-throwing-rule 按测试要求抛出异常');
      },
    });
  }
  return out;
}
