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
  /**
   * Where the layer comes from, named in `ResolvedConfig.ruleSources`: a config file's absolute
   * path, `<path>#overrides[i]` for one of its overrides, '<settings>' or '<cli>'.
   */
  source?: string;
  /** The layer is one of a config file's overrides (listed in `ResolvedConfig.overrides`). */
  fromOverride?: boolean;
  rules?: Record<string, RuleSetting>;
  /** Absolute paths. */
  dictionaries?: string[];
  /** Globs with the folder they are relative to. */
  ignore?: Array<{ pattern: string; base: string }>;
  date?: string;
  root?: boolean;
  /**
   * Per-file settings (`overrides:` in a config file), in file order. For a file they match, they
   * apply after this layer's own settings, later ones winning; see `layersFor`.
   */
  overrides?: ConfigOverride[];
}

/** One entry of a config file's `overrides`. */
export interface ConfigOverride {
  /** `<config file>#overrides[i]`, i being the index in the file. */
  source: string;
  /** The config file's folder: `files` and `excludedFiles` are relative to it. */
  base: string;
  /** Globs matched like `ignore` (gitignore style, `!` re-excludes). */
  files: string[];
  /** Globs of files the override does not apply to even when `files` matches. */
  excludedFiles?: string[];
  rules?: Record<string, RuleSetting>;
  /** Absolute paths, added after the config file's own dictionaries. */
  dictionaries?: string[];
  date?: string;
}

/** The effective configuration for one file. */
export interface ResolvedConfig {
  rules: Record<string, RuleSetting>;
  dictionaries: string[];
  ignore: Array<{ pattern: string; base: string }>;
  date?: string;
  /** Config files that contributed, nearest last. */
  files: string[];
  /** Overrides that matched the file, in the order they applied: `<config file>#overrides[i]`. */
  overrides: string[];
  /** Rule id → the layer that set it last (`ConfigLayer.source`), when that layer names itself. */
  ruleSources: Record<string, string>;
  problems: ConfigProblem[];
}
