/**
 * Public API of the linter core. Plain TypeScript: no editor or LSP imports, usable from any
 * Node script.
 */
export * from './engine/types';
export type { ConfigProblem, ResolvedConfig, RuleSetting, ConfigLayer } from './engine/config-types';
export { LintDocument } from './engine/document';
export { lint, fixText, fixesOf, applyEdits, effectiveSetting, clearDictionaryCache, INTERNAL_ERROR_RULE_ID } from './engine/runner';
export type { LintOptions, LintResult } from './engine/runner';
export { ConfigResolver, parseConfig, normalizeRuleSettings, mergeLayers, CONFIG_FILE_NAMES } from './engine/config';
export { allRules, getRule } from './registry';
export { onSegmenterLoad } from './engine/segmenter';
