import type { Rule } from '../../engine/types';
import { UNUSED_DIRECTIVE_RULE_ID } from '../../engine/unused-directives';

/**
 * Disable comments (`<!-- gongwen-disable-next-line … -->`) that disable nothing. Its findings
 * depend on what the other rules found, so the runner judges it after all of them
 * (rules/engine/unused-directives.ts); this object carries its id, level and doc like any rule.
 */
export const unusedDisableDirective: Rule = {
  meta: {
    id: UNUSED_DIRECTIVE_RULE_ID,
    category: 'directive',
    description: '没有起作用的禁用注释（规则名写错，或该处已经没有要压下的问题）',
    defaultSeverity: 'warn',
    fixable: true,
    basis: '工具约定：禁用注释只用于确有理由保留的写法，过时的注释会掩盖以后的问题',
    basisLevel: '实务',
    docs: 'rules/docs/unused-disable-directive.md',
  },
  check() {
    // Judged by the runner once every other rule has reported (see the comment above).
  },
};
