/**
 * `--print-config FILE`: the configuration that applies to one file, with every rule's effective
 * level and where it comes from, so a writer can see why a rule is (not) reported.
 */
import type { ConfigLayer, ResolvedConfig } from '../../rules/engine/config-types';
import type { Level, Rule, RuleOptions } from '../../rules/engine/types';

export interface PrintedRule {
  level: Level;
  options: RuleOptions;
  /** default: the rule's own level; config: a config file; cli: --rule. */
  from: 'default' | 'config' | 'cli';
  /**
   * With `from: 'config'`: the config file that set the level, or the override inside it,
   * as `<config file>#overrides[i]` (i counted from 0 in the file's `overrides` list).
   */
  source?: string;
}

export interface PrintedConfig {
  file: string;
  /** Config files that apply, outermost first. */
  configFiles: string[];
  /** Overrides whose globs match the file, in the order they apply: `<config file>#overrides[i]`. */
  overrides: string[];
  rules: Record<string, PrintedRule>;
  dictionaries: string[];
  ignore: string[];
  date?: string;
}

export function printedConfig(file: string, config: ResolvedConfig, cliLayer: ConfigLayer | undefined, rules: readonly Rule[]): PrintedConfig {
  const printed: Record<string, PrintedRule> = {};
  for (const r of rules) {
    const id = r.meta.id;
    const set = config.rules[id];
    const from = cliLayer?.rules?.[id] ? 'cli' : set ? 'config' : 'default';
    const source = from === 'config' ? config.ruleSources[id] : undefined;
    printed[id] = set ? { level: set.level, options: set.options, from, ...(source ? { source } : {}) } : { level: r.meta.defaultSeverity, options: {}, from };
  }
  return {
    file,
    configFiles: config.files,
    overrides: config.overrides,
    rules: printed,
    dictionaries: config.dictionaries,
    ignore: config.ignore.map((g) => `${g.base}: ${g.pattern}`),
    ...(config.date ? { date: config.date } : {}),
  };
}
