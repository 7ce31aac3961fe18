import type { Rule } from '../../rules/engine/types';

/** Text that makes the test rule throw. */
export const THROWING_RULE_TRIGGER = '__gongwen_test_throw__';
/** Text the test suggestion rule reports, with two suggestions and no fix. */
export const SUGGESTION_RULE_TRIGGER = '__gongwen_test_suggest__';

/**
 * Test-only rules, enabled by environment variables read once at startup:
 *
 *   GONGWEN_TEST_THROWING_RULE=1  adds rule `test-throwing-rule`, which throws on any document
 *                                 containing `__gongwen_test_throw__`, to prove a broken rule
 *                                 becomes the engine's internal-error finding and the server lives on;
 *                                 and rule `test-suggestion-rule`, which reports each
 *                                 `__gongwen_test_suggest__` with two suggestions (甲/乙) and no fix,
 *                                 so the protocol tests can check suggestion code actions.
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
    out.push({
      meta: {
        id: 'test-suggestion-rule',
        category: 'internal',
        description: '测试用：对触发文本给出两个建议',
        defaultSeverity: 'info',
        fixable: false,
        basis: '测试',
        basisLevel: '实务',
        docs: 'rules/docs/test-suggestion-rule.md',
      },
      check(ctx) {
        const text = ctx.doc.prose;
        for (let i = text.indexOf(SUGGESTION_RULE_TRIGGER); i !== -1; i = text.indexOf(SUGGESTION_RULE_TRIGGER, i + 1)) {
          const end = i + SUGGESTION_RULE_TRIGGER.length;
          ctx.report({
            start: i,
            end,
            message: '测试用建议',
            suggestions: [
              { title: '改为“甲”', edit: { start: i, end, text: '甲' } },
              { title: '改为“乙”', edit: { start: i, end, text: '乙' } },
            ],
          });
        }
      },
    });
  }
  return out;
}
