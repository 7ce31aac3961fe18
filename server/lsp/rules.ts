import { allRules } from '../../rules/registry';
import type { Rule } from '../../rules/engine/types';
import { testRules } from './test-hooks';

/**
 * The rules the server runs: the shipped registry, plus a rule that throws when the
 * GONGWEN_TEST_THROWING_RULE=1 environment variable is set at startup (protocol tests only).
 */
export const serverRules: readonly Rule[] = withScopeOverride([...allRules, ...testRules(process.env)], process.env.GONGWEN_TEST_PARAGRAPH_RULES);

/**
 * GONGWEN_TEST_PARAGRAPH_RULES=id,id…: measurement only — treat these rules as paragraph-scope
 * (meta.scope = 'paragraph') to see what paragraph-level reuse would save once their owners
 * declare it; exactly these rules (`none`: no rule) are then paragraph-scope. Findings may differ
 * from a full run if a listed rule is not really paragraph-local.
 */
function withScopeOverride(rules: Rule[], ids: string | undefined): Rule[] {
  if (!ids) return rules;
  // `none`: no rule is paragraph-scope (the baseline of a measurement).
  const set = new Set(ids === 'none' ? [] : ids.split(',').map((s) => s.trim()));
  return rules.map((r) => {
    const { scope: _declared, ...rest } = r.meta;
    void _declared;
    return { ...r, meta: set.has(r.meta.id) ? { ...rest, scope: 'paragraph' as const } : rest };
  });
}

const byId = new Map(serverRules.map((r) => [r.meta.id, r]));

export function getRuleForServer(id: string): Rule | undefined {
  return byId.get(id);
}
