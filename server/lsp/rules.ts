import { allRules } from '../../rules/registry';
import type { Rule } from '../../rules/engine/types';
import { testRules } from './test-hooks';

/**
 * The rules the server runs: the shipped registry, plus a rule that throws when the
 * GONGWEN_TEST_THROWING_RULE=1 environment variable is set at startup (protocol tests only).
 */
export const serverRules: readonly Rule[] = [...allRules, ...testRules(process.env)];

const byId = new Map(serverRules.map((r) => [r.meta.id, r]));

export function getRuleForServer(id: string): Rule | undefined {
  return byId.get(id);
}
