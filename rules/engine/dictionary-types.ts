import type { ConfigProblem } from './config-types';
import type { Severity } from './types';

/**
 * The kinds of formulation data. Each kind is checked by one rule:
 * formulation → `formulation`, enumeration → `enumeration-order`, collocation → `collocation`,
 * outdated → `outdated-formulation`, banned → `banned-term`, confusable → `confusable-word`.
 */
export type DictionaryKind = 'formulation' | 'enumeration' | 'collocation' | 'outdated' | 'banned' | 'confusable';

export const DICTIONARY_KINDS: readonly DictionaryKind[] = ['formulation', 'enumeration', 'collocation', 'outdated', 'banned', 'confusable'];

/**
 * One entry of a formulation dictionary (built-in YAML under rules/data/ or a user file), as
 * validated against rules/schema/dictionary.schema.json. The schema is the reference for the
 * meaning of each field; this type mirrors it.
 */
export interface DictionaryEntry {
  id: string;
  kind: DictionaryKind;
  /** The right form(s). The first one is the fix when `fix` is not false and there is exactly one. */
  correct?: string | string[];
  /** Wrong literal strings. */
  variants?: string[];
  /**
   * Regular expressions, only where a literal cannot say it. Built-in: reviewed JS RegExp;
   * user files: RE2 (linear time) through compileUserPattern.
   */
  patterns?: string[];
  /**
   * When set, the fix replaces `from` by `to` inside the matched text (and the finding covers only
   * `from`), instead of replacing the whole match by `correct`.
   */
  swap?: { from: string; to: string };
  /** Literal strings inside which a variant is right (e.g. 截止日期 for 截止). */
  exceptions?: string[];
  /** Chinese: what is wrong, why, what to write. */
  message: string;
  severity: Severity;
  /** false: never an automatic fix (the correct form is shown, or offered as a suggestion). */
  fix?: boolean;
  /** Document and exact place. */
  source: string;
  /** ISO dates. outdated: the variant is stale from `validUntil` on; before `validFrom` the correct form did not exist yet. */
  validFrom?: string;
  validUntil?: string;
  /** enumeration: the set's names (四个意识), members in canonical order. */
  names?: string[];
  members?: string[];
  /** enumeration: false = check the order only (a partial list can be right). */
  reportMissing?: boolean;
  /** collocation: the object (四个意识), accepted verbs, wrong verbs. */
  object?: string;
  verbs?: string[];
  wrongVerbs?: string[];
  /** Free note for maintainers (not shown). */
  note?: string;
}

/** Where an entry came from, for messages and for user-file problems. */
export interface EntryOrigin {
  file: string;
  line: number;
  builtIn: boolean;
}

export interface CompiledDictionaries {
  /** Built-in entries first, then user entries in config order. */
  readonly entries: readonly DictionaryEntry[];
  /** Same index as entries. */
  readonly origins?: readonly EntryOrigin[];
  /** Problems while loading user dictionaries; each names file, line, column. */
  readonly problems: readonly ConfigProblem[];
  /** Lazily built matcher state, owned by the formulation rules. */
  readonly cache: Map<string, unknown>;
}

export type { Severity };
