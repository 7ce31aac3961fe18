import * as path from 'path';
import * as v8 from 'v8';
import * as vm from 'vm';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { lint, segmenterRuleOn } from '../../rules/engine/runner';
import { segmenter } from '../../rules/engine/segmenter';
import { lintIncremental, type IncrementalState } from './incremental';
import type { Finding, Format, Rule } from '../../rules/engine/types';
import type { ConfigService, EffectiveConfig } from './config-service';
import { DEFAULT_SETTINGS, settingsLayer, type Settings } from './settings';
import { uriToPath } from './uri';
import { LANGUAGE_IDS } from './protocol';

export interface LintOutcome {
  version: number;
  findings: Finding[];
  effective: EffectiveConfig;
  /** Problems in the `gongwen.rules` setting (unknown ids, bad levels). */
  settingsProblems: string[];
}

interface Entry {
  version: number;
  generation: number;
  outcome: LintOutcome;
}

/** Recent texts of a document with their findings: an edit that restores one (undo, redo) reuses them. */
interface Recent {
  generation: number;
  text: string;
  configKey: string;
  findings: Finding[];
}

const RECENT_TEXTS = 3;

/**
 * Paragraph-level reuse (incremental.ts) is exact but, measured on 100k-character documents with
 * the current rules, slower than a full run (the rules are cheap; masking, merging and bookkeeping
 * cost more than they save), so it is off unless GONGWEN_LSP_INCREMENTAL=1.
 */
const INCREMENTAL = process.env.GONGWEN_LSP_INCREMENTAL === '1';

/**
 * Memory of a long-running server. Each check of a large document leaves megabytes of garbage:
 * the new text, its prose and line tables (each over 128 KB, so in V8's large-object space, which
 * only a full collection frees) and the rules' temporaries. Left to its own heuristics V8 lets
 * them pile up: measured ~14 MB live in a ~50 MB heap after 200 edits of a 100k-character
 * document, ~29 MB of it dead large objects. limitServerHeap() (called once by the server entry;
 * never by the CLI or in tests) lets the server collect fully after a check once the heap has
 * grown past HEAP_BUDGET_BYTES, or past twice what was live after the last collection when that
 * is more (a document with thousands of problems keeps more alive; it is not collected after
 * every check). The collection runs 30 ms later, after the diagnostics went out and inside the
 * typing debounce, so no result waits for it. Measured: RSS after the 200 edits
 * 150-172 -> 122-134 MiB (docs/benchmarks.md, third round).
 */
const HEAP_BUDGET_BYTES = 40 * 1024 * 1024;
const COLLECT_DELAY_MS = 30;
let collect: (() => void) | undefined;
let collectScheduled = false;
let liveAfterCollect = 0;

export function limitServerHeap(): void {
  try {
    // gc() for the server's own use: the flag set at run time exposes it to new contexts.
    v8.setFlagsFromString('--expose-gc');
    const gc: unknown = vm.runInNewContext('gc');
    if (typeof gc === 'function') collect = gc as () => void;
  } catch {
    collect = undefined; // a runtime that refuses: V8's own heuristics, as before
  }
}

function collectIfOverBudget(): void {
  if (!collect || collectScheduled) return;
  if (v8.getHeapStatistics().total_heap_size < Math.max(HEAP_BUDGET_BYTES, 2 * liveAfterCollect)) return;
  collectScheduled = true;
  // A little later than the publish call: the message is written out asynchronously, and a
  // collection before that would delay it.
  setTimeout(() => {
    collectScheduled = false;
    collect?.();
    liveAfterCollect = v8.getHeapStatistics().used_heap_size;
  }, COLLECT_DELAY_MS).unref();
}

const LINTABLE_EXTENSIONS = new Set(['.txt', '.md', '.markdown', '.gw', '.text']);
const OTHER_TEXT_LANGUAGES = new Set(['text', 'txt']);

/** Whether the server checks this document at all (clients may open any file with us). */
export function isLintable(doc: TextDocument): boolean {
  if ((LANGUAGE_IDS as readonly string[]).includes(doc.languageId) || OTHER_TEXT_LANGUAGES.has(doc.languageId)) return true;
  const p = uriToPath(doc.uri);
  return p !== undefined && LINTABLE_EXTENSIONS.has(path.extname(p).toLowerCase());
}

export function formatOfDocument(doc: TextDocument): Format {
  if (doc.languageId === 'markdown') return 'markdown';
  if ((LANGUAGE_IDS as readonly string[]).includes(doc.languageId)) return 'text';
  const ext = path.extname(uriToPath(doc.uri) ?? '').toLowerCase();
  return ext === '.md' || ext === '.markdown' ? 'markdown' : 'text';
}

/**
 * Runs the engine for one open document with its effective configuration and keeps the last
 * result per document version, so code actions and hovers reuse it instead of linting again.
 */
export class DocumentLinter {
  private readonly cache = new Map<string, Entry>();
  private readonly recent = new Map<string, Recent[]>();
  private readonly incremental = new Map<string, IncrementalState>();
  /** Paragraphs reused / re-checked by the last incremental run (for timing logs and tests). */
  lastReuse = { reused: 0, checked: -1 };
  private readonly lastSettings = new Map<string, { settings: Settings; folder?: string }>();
  private generation = 0;

  constructor(
    private readonly configs: ConfigService,
    private readonly rules: readonly Rule[],
  ) {}

  /** Settings or config files changed: every cached result is stale. */
  invalidateAll(): void {
    this.generation++;
  }

  forget(uri: string): void {
    this.cache.delete(uri);
    this.recent.delete(uri);
    this.incremental.delete(uri);
    this.lastSettings.delete(uri);
  }

  cached(doc: TextDocument): LintOutcome | undefined {
    const e = this.cache.get(doc.uri);
    return e && e.version === doc.version && e.generation === this.generation ? e.outcome : undefined;
  }

  lint(doc: TextDocument, settings: Settings, folder: string | undefined): LintOutcome {
    this.lastSettings.set(doc.uri, { settings, folder });
    const hit = this.cached(doc);
    if (hit) return hit;
    const text = doc.getText();
    const { options, effective, settingsProblems } = this.optionsFor(doc, settings, folder);
    // Same text and same configuration as a recent run (undo, redo, an edit and its reversal):
    // the findings are the same, only the version moves on.
    const configKey = keyOf(effective);
    const recent = (this.recent.get(doc.uri) ?? []).filter((r) => r.generation === this.generation);
    const memo = recent.find((r) => r.text === text && r.configKey === configKey);
    let findings: Finding[];
    if (memo) findings = memo.findings;
    else if (!INCREMENTAL) {
      findings = lint(text, options).findings;
    } else {
      const r = lintIncremental(text, options, this.incremental.get(doc.uri), configKey);
      findings = r.findings;
      this.lastReuse = { reused: r.reused, checked: r.checked };
      if (r.state) this.incremental.set(doc.uri, r.state);
      else this.incremental.delete(doc.uri);
    }
    if (!memo) {
      recent.unshift({ generation: this.generation, text, configKey, findings });
      if (recent.length > RECENT_TEXTS) recent.length = RECENT_TEXTS;
    }
    this.recent.set(doc.uri, recent);
    const outcome: LintOutcome = { version: doc.version, findings, effective, settingsProblems };
    this.cache.set(doc.uri, { version: doc.version, generation: this.generation, outcome });
    collectIfOverBudget();
    return outcome;
  }

  /**
   * Cold start: what the rules that do not need the word segmenter find, for a first publish
   * before the segmenter's dictionary loads. Not cached: the full run that follows is the
   * document's result (code actions and hovers use that one).
   */
  lintWithoutSegmenter(doc: TextDocument, settings: Settings, folder: string | undefined): Finding[] {
    const { options } = this.optionsFor(doc, settings, folder);
    return lint(doc.getText(), { ...options, rules: this.rules.filter((r) => !r.meta.needsSegmenter), partial: true }).findings;
  }

  /** Whether checking this document may load the word segmenter first (for a status message). */
  mayLoadSegmenter(doc: TextDocument, settings: Settings, folder: string | undefined): boolean {
    if (segmenter.loaded || !this.rules.some((r) => r.meta.needsSegmenter)) return false;
    // The only rule that segments (de-di-de) does so only around 的/地/得.
    if (!/[的地得]/.test(doc.getText())) return false;
    const { config } = this.optionsFor(doc, settings, folder).options;
    return segmenterRuleOn(this.rules, config);
  }

  /** Findings for the document's current text, with the settings it was last checked with. */
  findingsOf(doc: TextDocument): Finding[] {
    const hit = this.cached(doc);
    if (hit) return hit.findings;
    const s = this.lastSettings.get(doc.uri) ?? { settings: DEFAULT_SETTINGS };
    if (!s.settings.enable || doc.getText().length > s.settings.maxFileSize) return [];
    return this.lint(doc, s.settings, s.folder).findings;
  }

  /** Lints another text (a fix pass) with the document's configuration; not cached. */
  lintText(doc: TextDocument, text: string): Finding[] {
    const s = this.lastSettings.get(doc.uri) ?? { settings: DEFAULT_SETTINGS };
    return lint(text, this.optionsFor(doc, s.settings, s.folder).options).findings;
  }

  private optionsFor(doc: TextDocument, settings: Settings, folder: string | undefined) {
    const { layer, problems: settingsProblems } = settingsLayer(settings, this.rules, folder);
    const effective = this.configs.resolve(uriToPath(doc.uri), layer);
    const options = {
      format: formatOfDocument(doc),
      config: effective.config,
      dictionaries: effective.dictionaries,
      rules: this.rules,
    };
    return { options, effective, settingsProblems };
  }
}

/** Resolved configs are rebuilt per run; equal content (and the same compiled dictionaries) means equal findings. */
const dictionaryIds = new WeakMap<object, number>();
let nextDictionaryId = 0;
function keyOf(e: EffectiveConfig): string {
  let id = dictionaryIds.get(e.dictionaries);
  if (id === undefined) {
    id = ++nextDictionaryId;
    dictionaryIds.set(e.dictionaries, id);
  }
  const { rules, dictionaries, date } = e.config;
  return JSON.stringify([id, rules, dictionaries, date ?? null]);
}
