import type { Level, RuleOptions } from './types';

export interface ConfigProblem {
  /** Absolute path, or '<settings>' for editor settings, '<cli>' for command-line options. */
  file: string;
  /** 1-based; 0 when the problem is about the whole file. */
  line: number;
  column: number;
  message: string;
}

export interface RuleSetting {
  level: Level;
  options: RuleOptions;
}

/** What a config file (or editor settings) says, before merging. */
export interface ConfigLayer {
  rules?: Record<string, RuleSetting>;
  /** Absolute paths. */
  dictionaries?: string[];
  /** Globs with the folder they are relative to. */
  ignore?: Array<{ pattern: string; base: string }>;
  date?: string;
  root?: boolean;
}

/** The effective configuration for one file. */
export interface ResolvedConfig {
  rules: Record<string, RuleSetting>;
  dictionaries: string[];
  ignore: Array<{ pattern: string; base: string }>;
  date?: string;
  /** Config files that contributed, nearest last. */
  files: string[];
  problems: ConfigProblem[];
}
