import * as path from 'path';
import * as v8 from 'v8';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { effectiveSetting, lint } from '../../rules/engine/runner';
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
 * Memory of a long-running server. Each check of a large document allocates tens of megabytes of
 * short-lived objects (the new text, its prose and line tables, the rules' temporaries); with
 * V8's defaults the young generation then grows to its maximum (two 16 MB semi-spaces, ~30 MB
 * resident for good), about a fifth of the server's RSS while only ~14 MB of the heap is live.
 * limitServerHeap() (called once by the server entry; never by the CLI or in tests) keeps the
 * young generation at its initial size. Measured on a 100k-character document after 200 edits:
 * RSS 150-172 -> 121-124 MiB, check time p95 within noise (docs/benchmarks.md, third round).
 * semi_space_growth_factor is read each time V8 would grow the young generation, so setting it
 * at run time takes effect; the flag is V8's, passed on as is by Node.
 */
export function limitServerHeap(): void {
  try {
    v8.setFlagsFromString('--semi-space-growth-factor=1');
  } catch {
    // not a V8 that knows the flag: its defaults, as before
  }
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
    return outcome;
  }

  /**
   * Cold start: what the rules that do not need the word segmenter find, for a first publish
   * before the segmenter's dictionary loads. Not cached: the full run that follows is the
   * document's result (code actions and hovers use that one).
   */
  lintWithoutSegmenter(doc: TextDocument, settings: Settings, folder: string | undefined): Finding[] {
    const { options } = this.optionsFor(doc, settings, folder);
    return lint(doc.getText(), { ...options, rules: this.rules.filter((r) => !r.meta.needsSegmenter) }).findings;
  }

  /** Whether checking this document may load the word segmenter first (for a status message). */
  mayLoadSegmenter(doc: TextDocument, settings: Settings, folder: string | undefined): boolean {
    if (segmenter.loaded || !this.rules.some((r) => r.meta.needsSegmenter)) return false;
    // The only rule that segments (de-di-de) does so only around 的/地/得.
    if (!/[的地得]/.test(doc.getText())) return false;
    const { config } = this.optionsFor(doc, settings, folder).options;
    return this.rules.some((r) => r.meta.needsSegmenter && effectiveSetting(r, config).level !== 'off');
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
