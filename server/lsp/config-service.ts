import * as fs from 'fs';
import * as path from 'path';
import { ConfigResolver, layersFor, mergeLayers } from '../../rules/engine/config';
import { clearDictionaryCache, dictionariesFor } from '../../rules/engine/runner';
import type { ConfigLayer, ConfigProblem, ResolvedConfig, RuleSetting } from '../../rules/engine/config-types';
import type { CompiledDictionaries } from '../../rules/engine/dictionary-types';
import type { Rule } from '../../rules/engine/types';

export interface EffectiveConfig {
  config: ResolvedConfig;
  dictionaries: CompiledDictionaries;
  /** Problems in config and dictionary files (each names its file). */
  problems: ConfigProblem[];
  /** True when workspace trust made us leave something out. */
  restrictedByTrust: boolean;
}

/** Re-scan for added or deleted config files at most this often when the client cannot watch files. */
const RESCAN_INTERVAL_MS = 1000;

/**
 * The configuration of one document: `.gongwenrc.*` files found upward from it (through the same
 * ConfigResolver as the CLI) with the editor settings layered on top.
 *
 * Freshness without restart: config file edits are caught by the resolver's mtime check on every
 * run; added/deleted config files by `invalidate()` (called on workspace/didChangeWatchedFiles)
 * or, for clients that cannot watch files, by a rescan at most once a second; dictionary files by
 * their mtimes on every run.
 */
export class ConfigService {
  private readonly resolver: ConfigResolver;
  private lastRescan = 0;
  private readonly dictionaryStamps = new Map<string, string>();

  constructor(
    rules: readonly Rule[],
    /** Workspace trust: when false, user dictionaries and rule options from files are not loaded. */
    readonly trusted: boolean,
    /** Whether the client sends file-change events for config files. */
    private readonly clientWatchesFiles: () => boolean,
  ) {
    this.resolver = new ConfigResolver(rules);
  }

  invalidate(): void {
    this.resolver.invalidate();
    clearDictionaryCache();
    this.dictionaryStamps.clear();
    this.lastRescan = Date.now();
  }

  resolve(filePath: string | undefined, settings: ConfigLayer): EffectiveConfig {
    if (!this.clientWatchesFiles() && Date.now() - this.lastRescan > RESCAN_INTERVAL_MS) {
      this.resolver.invalidate();
      this.lastRescan = Date.now();
    }
    let restrictedByTrust = false;
    const fileLayers: ConfigLayer[] = [];
    const problems: ConfigProblem[] = [];
    const abs = filePath ? path.resolve(filePath) : undefined;
    const files = abs ? this.resolver.configFilesFor(path.dirname(abs)) : [];
    for (const f of files) {
      const loaded = this.resolver.loadFile(f);
      problems.push(...loaded.problems);
      // Each file's own settings, then its overrides that match this document: the same layers,
      // in the same order, as the CLI's ConfigResolver.resolve; restricted one by one.
      for (const l of layersFor(loaded.layer, abs)) {
        if (this.trusted) fileLayers.push(l);
        else {
          const { layer, dropped } = restrict(l);
          restrictedByTrust ||= dropped;
          fileLayers.push(layer);
        }
      }
    }
    // Only what the user set (settingsLayer leaves out the rest), so a config file or one of its
    // overrides still decides every rule the settings do not name.
    let top: ConfigLayer = { ...settings, source: '<settings>' };
    if (!this.trusted && settings.dictionaries && settings.dictionaries.length > 0) {
      top = { ...top, dictionaries: undefined };
      restrictedByTrust = true;
    }
    const merged = mergeLayers([...fileLayers, top]);
    const config: ResolvedConfig = { ...merged, files, problems };
    this.refreshDictionaries(config.dictionaries);
    const dictionaries = dictionariesFor(config.dictionaries);
    return { config, dictionaries, problems: [...problems, ...dictionaries.problems], restrictedByTrust };
  }

  /** Whether a file is a dictionary some document's configuration uses. */
  usesDictionary(file: string): boolean {
    return this.dictionaryStamps.has(file);
  }

  private refreshDictionaries(files: readonly string[]): void {
    let changed = false;
    for (const f of files) {
      let stamp: string;
      try {
        const s = fs.statSync(f);
        stamp = `${s.mtimeMs}:${s.size}`;
      } catch {
        stamp = 'missing';
      }
      const before = this.dictionaryStamps.get(f);
      if (before !== undefined && before !== stamp) changed = true;
      this.dictionaryStamps.set(f, stamp);
    }
    if (changed) clearDictionaryCache();
  }
}

/**
 * Untrusted workspace: no user dictionaries (they carry patterns) and no rule options; levels stay.
 * Applied to a file's own layer and to each of its overrides alike (see `resolve`); overrides still
 * inside a layer are restricted too, so nothing passes unrestricted whatever the caller does.
 */
export function restrict(layer: ConfigLayer): { layer: ConfigLayer; dropped: boolean } {
  const top = restrictSettings(layer);
  let dropped = top.dropped;
  const out: ConfigLayer = top.settings;
  if (layer.overrides) {
    out.overrides = layer.overrides.map((o) => {
      const r = restrictSettings(o);
      dropped ||= r.dropped;
      return r.settings;
    });
  }
  return { layer: out, dropped };
}

/** A copy without dictionaries and rule options (of a layer or of one override). */
function restrictSettings<T extends { dictionaries?: string[]; rules?: Record<string, RuleSetting> }>(settings: T): { settings: T; dropped: boolean } {
  let dropped = false;
  const copy: T = { ...settings };
  if (settings.dictionaries && settings.dictionaries.length > 0) {
    delete copy.dictionaries;
    dropped = true;
  }
  if (settings.rules) {
    const r = restrictRules(settings.rules);
    copy.rules = r.rules;
    dropped ||= r.dropped;
  }
  return { settings: copy, dropped };
}

function restrictRules(rules: Record<string, RuleSetting>): { rules: Record<string, RuleSetting>; dropped: boolean } {
  let dropped = false;
  const out: Record<string, RuleSetting> = {};
  for (const [id, s] of Object.entries(rules)) {
    if (Object.keys(s.options).length > 0) dropped = true;
    out[id] = { level: s.level, options: {} };
  }
  return { rules: out, dropped };
}
