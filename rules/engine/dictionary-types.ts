import type { ConfigProblem } from './config-types';

/**
 * One entry of a formulation dictionary (built-in YAML under rules/data/ or a user file).
 * The formulation rules own the meaning of the fields; the engine only loads and passes them on.
 */
export interface DictionaryEntry {
  id: string;
  kind: string;
  [field: string]: unknown;
}

export interface CompiledDictionaries {
  /** Built-in entries first, then user entries in config order. */
  readonly entries: readonly DictionaryEntry[];
  /** Problems while loading user dictionaries; each names file, line, column. */
  readonly problems: readonly ConfigProblem[];
  /** Lazily built matcher state, owned by the formulation rules. */
  readonly cache: Map<string, unknown>;
}
