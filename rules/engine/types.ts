/**
 * Core contracts of the linter. Everything here is plain data so that the CLI, the language
 * server and tests can share it without knowing about each other.
 *
 * Offsets are UTF-16 code units into the original text (the LSP default and what JavaScript
 * strings index by), half-open: [start, end).
 */

export type Level = 'off' | 'info' | 'warn' | 'error';
/** Levels a finding can carry once a rule is on. */
export type Severity = Exclude<Level, 'off'>;

export type Category =
  | 'punctuation'
  | 'formulation'
  | 'wording'
  | 'structure'
  | 'number'
  | 'placeholder'
  | 'directive'
  | 'internal';

/**
 * How strong the basis of a rule is, after psknlr/GONGWEN: a requirement the standard words as
 * 一般/推荐/可以 is a recommendation and never a hard error.
 */
export type BasisLevel = '条例' | '国标' | '规范表述' | '标准推荐' | '实务';

export interface RuleMeta {
  /** Stable kebab-case id; never renamed once shipped. */
  id: string;
  category: Category;
  /** One line, Chinese. */
  description: string;
  defaultSeverity: Severity;
  /** 'code' when a finding may carry an automatic fix. */
  fixable: boolean;
  /** The clause or source, e.g. `GB/T 15834-2011 4.8`. */
  basis: string;
  basisLevel: BasisLevel;
  /** Path of the rule doc relative to the repository root, e.g. `rules/docs/comma-width.md`. */
  docs: string;
  /** True when the rule needs word segmentation (loaded lazily). */
  needsSegmenter?: boolean;
  /**
   * 'paragraph' promises that what the rule reports inside a paragraph (LintDocument.paragraphs())
   * lies in that paragraph and depends only on that paragraph's prose (plus options, date and
   * dictionaries), never on other paragraphs — e.g. no document-wide counts in messages. The
   * editor then re-runs the rule only on paragraphs an edit touched. Default: whole document.
   */
  scope?: 'paragraph';
}

export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

export interface Suggestion {
  /** What choosing it does, Chinese, e.g. `改为“坚定不移地推进”`. */
  title: string;
  edit: TextEdit;
}

/** What a rule reports. Severity and rule id are filled in by the runner. */
export interface Report {
  start: number;
  end: number;
  message: string;
  /** Applied by --fix and fix-all: only when unambiguous and mechanical. */
  fix?: TextEdit;
  /** Offered one by one in the editor when several corrections are right. */
  suggestions?: Suggestion[];
  /** Lets a rule lower the level of one finding (e.g. a quotation of historical text). */
  severity?: Severity;
}

export interface Finding extends Report {
  ruleId: string;
  severity: Severity;
  /** 0-based line and UTF-16 column, for LSP; the CLI adds 1. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export type Format = 'text' | 'markdown';

export interface RuleOptions {
  [key: string]: unknown;
}

/** Everything a rule may read. A rule never knows whether the CLI or an editor called it. */
export interface RuleContext {
  doc: import('./document').LintDocument;
  options: RuleOptions;
  /** Reference date for time-sensitive rules, with how it was chosen. */
  date: ReferenceDate;
  /** Formulation dictionaries (built-in plus user ones), compiled once per config. */
  dictionaries: import('./dictionary-types').CompiledDictionaries;
  segmenter: import('./segmenter-types').SegmenterHandle;
  report(report: Report): void;
}

export interface ReferenceDate {
  /** ISO date YYYY-MM-DD. */
  iso: string;
  /** Chinese description of where it came from, shown in messages. */
  origin: string;
}

export interface Rule {
  meta: RuleMeta;
  /** JSON schema of the rule's options, if it takes any. */
  optionsSchema?: object;
  check(ctx: RuleContext): void;
}
