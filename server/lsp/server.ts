import * as path from 'path';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ResponseError,
  ErrorCodes,
  TextDocuments,
  TextDocumentSyncKind,
  MessageType,
  ShowMessageNotification,
  type PublishDiagnosticsParams,
  type CodeAction,
  type Connection,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
  type WorkspaceFolder,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { onSegmenterLoad } from '../../rules/engine/segmenter';
import { allRules } from '../../rules/registry';
import { docsUrl } from '../../rules/engine/project';
import type { ConfigProblem } from '../../rules/engine/config-types';
import { CONFIG_FILE_NAMES } from '../../rules/engine/config';
import { clearDictionaryCache } from '../../rules/engine/runner';
import { VERSION } from '../cli/version';
import { ConfigService } from './config-service';
import { DocumentLinter, isLintable } from './document-linter';
import { toDiagnostic } from './diagnostics';
import { codeActions, fixAllEdits, resolveCodeAction, versionedEdit, type CodeActionDeps } from './code-actions';
import { hoverFor } from './hover';
import { docFilePath, ruleInfo } from './rule-docs';
import { serverRules, getRuleForServer } from './rules';
import { Scheduler, type Trigger } from './scheduler';
import { DEFAULT_SETTINGS, normalizeSettings, type Settings } from './settings';
import { checkWorkspace } from './workspace-check';
import { pathToUri, samePath, uriToPath } from './uri';
import {
  CHECK_WORKSPACE_REQUEST,
  Commands,
  FIX_ALL_KIND,
  LIST_RULES_REQUEST,
  SETTINGS_SECTION,
  STATUS_NOTIFICATION,
  type CheckWorkspaceParams,
  type InitializationOptions,
  type StatusParams,
} from './protocol';

/** GONGWEN_LSP_TIMING=1: per-check timings on stderr (for measuring; off by default). */
const TIMING = process.env.GONGWEN_LSP_TIMING === '1';

/** Pause after the last keystroke before checking (gongwen.run = onType). */
export const TYPING_DEBOUNCE_MS = 250;

interface ClientCaps {
  configuration: boolean;
  configurationDynamic: boolean;
  watchFilesDynamic: boolean;
  showDocument: boolean;
  resolveEdit: boolean;
}

/**
 * Wires the engine to an LSP connection. The server is an adapter: lint, fix and config come
 * from rules/; here are only documents, scheduling, settings and the protocol.
 */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const caps: ClientCaps = { configuration: false, configurationDynamic: false, watchFilesDynamic: false, showDocument: false, resolveEdit: false };
  let watching = false;
  let trusted = true;
  let hoverMessage = true;
  let folders: WorkspaceFolder[] = [];
  let globalSettings: unknown;
  let configs = new ConfigService(serverRules, true, () => watching);
  let linter = new DocumentLinter(configs, serverRules);
  const settingsCache = new Map<string, Promise<Settings>>();
  const lastDiagnostics = new Map<string, { version: number; diagnostics: Diagnostic[] }>();
  const checkedOnce = new Set<string>();
  const segmenterAnnounced = new Set<string>();
  const tooLargeNoticed = new Set<string>();
  const shownMessages = new Set<string>();
  const configProblemsPublished = new Map<string, string>();
  let currentUri: string | undefined;

  const log = (msg: string) => connection.console.log(`[gongwen] ${msg}`);
  const showOnce = (key: string, show: () => void) => {
    if (shownMessages.has(key)) return;
    shownMessages.add(key);
    show();
  };
  const ignore = () => undefined;
  // Everything the server sends on its own is a notification whose failure (client gone, closed
  // connection) must never become an unhandled rejection.
  const status = (p: StatusParams) => void connection.sendNotification(STATUS_NOTIFICATION, p).catch(ignore);
  const message = (type: MessageType, text: string) => void connection.sendNotification(ShowMessageNotification.type, { type, message: text }).catch(ignore);
  const sendDiagnostics = (p: PublishDiagnosticsParams) => void connection.sendDiagnostics(p).catch(ignore);

  onSegmenterLoad((phase) => status({ state: phase === 'start' ? 'loadingSegmenter' : 'checking', uri: currentUri }));

  // ── settings ──────────────────────────────────────────────────────────────────────────────
  function settingsFor(uri: string): Promise<Settings> {
    if (!caps.configuration) return Promise.resolve(normalized(globalSettings));
    let p = settingsCache.get(uri);
    if (!p) {
      p = connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION }).then(
        (raw) => normalized(raw),
        (e) => {
          log(`读取设置失败，使用默认设置：${String(e)}`);
          return DEFAULT_SETTINGS;
        },
      );
      settingsCache.set(uri, p);
    }
    return p;
  }

  function normalized(raw: unknown): Settings {
    const { settings, problems } = normalizeSettings(raw);
    if (problems.length > 0) {
      showOnce(`settings:${problems.join('\n')}`, () => message(MessageType.Warning, `公文规范检查设置有误，已按默认值处理：${problems.join('；')}`));
    }
    return settings;
  }

  function folderOf(uri: string): string | undefined {
    const p = uriToPath(uri);
    const candidates = folders.map((f) => uriToPath(f.uri)).filter((f): f is string => f !== undefined);
    if (!p) return candidates[0];
    return candidates.filter((f) => p === f || p.startsWith(f.endsWith(path.sep) ? f : f + path.sep)).sort((a, b) => b.length - a.length)[0];
  }

  // ── checking ──────────────────────────────────────────────────────────────────────────────
  function publish(uri: string, diagnostics: Diagnostic[], version?: number): void {
    if (version !== undefined) lastDiagnostics.set(uri, { version, diagnostics });
    sendDiagnostics({ uri, version, diagnostics });
  }

  const scheduler = new Scheduler(check, (uri, e) => {
    connection.console.error(`[gongwen] 检查 ${uri} 时出错：${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    status({ state: 'idle', uri });
  });

  async function check(uri: string, trigger: Trigger, isCurrent: () => boolean): Promise<void> {
    const first = documents.get(uri);
    if (!first || !isLintable(first)) return;
    const settings = await settingsFor(uri);
    const doc = documents.get(uri);
    // Closed while we waited, or superseded by a newer edit: that newer run publishes.
    if (!doc || !isCurrent()) return;
    if (!settings.enable) {
      publish(uri, [], doc.version);
      status({ state: 'idle', uri, problems: 0 });
      return;
    }
    if (settings.run === 'onSave' && trigger === 'change' && checkedOnce.has(uri)) return;
    const length = doc.getText().length;
    if (length > settings.maxFileSize) {
      publish(uri, [], doc.version);
      if (!tooLargeNoticed.has(uri)) {
        tooLargeNoticed.add(uri);
        message(MessageType.Info, 
          `公文规范检查：${path.basename(uriToPath(uri) ?? uri)} 有 ${length} 个字符，超过 gongwen.maxFileSize（${settings.maxFileSize}），未检查。`,
        );
      }
      status({ state: 'idle', uri, problems: 0 });
      return;
    }
    tooLargeNoticed.delete(uri);
    currentUri = uri;
    if (!segmenterAnnounced.has(uri) && linter.mayLoadSegmenter(doc, settings, folderOf(uri))) {
      // The segmenter's dictionary loads inside the (synchronous) check and takes ~0.2 s. Cold
      // start: first publish what the other rules find (same version), say that the dictionary is
      // loading, and let both go out before the check blocks; the full result follows and
      // replaces it. Once per document, as the text may never need it.
      segmenterAnnounced.add(uri);
      status({ state: 'checking', uri });
      const e0 = performance.now();
      const early = linter.lintWithoutSegmenter(doc, settings, folderOf(uri));
      const e1 = performance.now();
      const earlyDiagnostics = early.map((f) => toDiagnostic(f, doc.version, (o) => doc.positionAt(o)));
      const e2 = performance.now();
      publish(uri, earlyDiagnostics, doc.version);
      if (TIMING) process.stderr.write(`[gongwen timing] ${uri} v${doc.version} first pass without the segmenter: lint ${(e1 - e0).toFixed(1)} ms, diagnostics ${(e2 - e1).toFixed(1)} ms, publish ${(performance.now() - e2).toFixed(1)} ms, ${earlyDiagnostics.length} problems\n`);
      status({ state: 'loadingSegmenter', uri });
      await new Promise((r) => setImmediate(r));
      if (!isCurrent() || documents.get(uri) !== doc) return;
    }
    status({ state: 'checking', uri });
    const t0 = performance.now();
    const outcome = linter.lint(doc, settings, folderOf(uri));
    const t1 = performance.now();
    checkedOnce.add(uri);
    if (!isCurrent() || !documents.get(uri)) return;
    const diagnostics = outcome.findings.map((f) => toDiagnostic(f, doc.version, (o) => doc.positionAt(o)));
    const t2 = performance.now();
    publish(uri, diagnostics, doc.version);
    if (TIMING) process.stderr.write(`[gongwen timing] ${uri} v${doc.version}: lint ${(t1 - t0).toFixed(1)} ms, diagnostics ${(t2 - t1).toFixed(1)} ms, publish ${(performance.now() - t2).toFixed(1)} ms, ${diagnostics.length} problems, paragraphs reused ${linter.lastReuse.reused} / re-checked ${linter.lastReuse.checked}\n`);
    publishConfigProblems(outcome.effective.config.files, outcome.effective.config.dictionaries, outcome.effective.problems);
    for (const p of outcome.settingsProblems) showOnce(`rules:${p}`, () => message(MessageType.Warning, `公文规范检查设置有误：${p}`));
    if (outcome.effective.restrictedByTrust) {
      showOnce('trust', () => message(MessageType.Info, '工作区未受信任：公文规范检查未加载工作区的自定义词典和规则选项，内置规则照常检查。信任此工作区后即可生效。'));
    }
    status({ state: 'idle', uri, problems: diagnostics.length });
  }

  /** Config problems become diagnostics on the config (or dictionary) file, published once per change. */
  function publishConfigProblems(configFiles: readonly string[], dictionaryFiles: readonly string[], problems: readonly ConfigProblem[]): void {
    const byFile = new Map<string, ConfigProblem[]>();
    for (const f of [...configFiles, ...dictionaryFiles]) byFile.set(f, []);
    for (const p of problems) {
      if (!byFile.has(p.file)) byFile.set(p.file, []);
      byFile.get(p.file)!.push(p);
    }
    for (const [file, ps] of byFile) {
      const key = JSON.stringify(ps.map((p) => [p.line, p.column, p.message]));
      const before = configProblemsPublished.get(file);
      if (before === key || (before === undefined && ps.length === 0)) continue;
      configProblemsPublished.set(file, key);
      const diagnostics: Diagnostic[] = ps.map((p) => {
        const pos = { line: Math.max(0, p.line - 1), character: Math.max(0, p.column - 1) };
        return { range: { start: pos, end: pos }, severity: 1, source: 'gongwen', message: p.message };
      });
      sendDiagnostics({ uri: pathToUri(file), diagnostics });
      if (ps.length > 0) {
        showOnce(`config:${file}:${key}`, () =>
          message(MessageType.Warning, `公文规范检查：配置文件 ${file} 有 ${ps.length} 个问题（第一个：${ps[0].message}），有问题的部分已忽略，其余照常生效。`),
        );
      }
    }
  }

  function recheckAll(trigger: Trigger): void {
    linter.invalidateAll();
    for (const doc of documents.all()) scheduler.schedule(doc.uri, trigger, 0);
  }

  // ── lifecycle ─────────────────────────────────────────────────────────────────────────────
  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const c = params.capabilities;
    caps.configuration = c.workspace?.configuration === true;
    caps.configurationDynamic = c.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    caps.watchFilesDynamic = c.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    caps.showDocument = c.window?.showDocument?.support === true;
    caps.resolveEdit = c.textDocument?.codeAction?.resolveSupport?.properties?.includes('edit') === true;
    const init = (params.initializationOptions ?? {}) as InitializationOptions;
    trusted = init.trusted !== false;
    hoverMessage = init.hoverMessage !== false;
    folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
    configs = new ConfigService(serverRules, trusted, () => watching);
    linter = new DocumentLinter(configs, serverRules);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: true },
        hoverProvider: true,
        executeCommandProvider: { commands: [Commands.showRuleDoc, Commands.fixAll] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'gongwen-lint', version: VERSION },
    };
  });

  connection.onInitialized(() => {
    if (caps.configurationDynamic) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION }).catch(() => undefined);
    }
    if (caps.watchFilesDynamic) {
      connection.client
        .register(DidChangeWatchedFilesNotification.type, {
          watchers: [{ globPattern: `**/{${CONFIG_FILE_NAMES.join(',')}}` }, { globPattern: '**/*.{yaml,yml,json}' }],
        })
        .then(
          () => {
            watching = true;
          },
          () => {
            watching = false;
          },
        );
    }
    if (!trusted) {
      showOnce('trust', () => message(MessageType.Info, '工作区未受信任：公文规范检查不加载工作区的自定义词典和规则选项，内置规则照常检查。信任此工作区后即可生效。'));
    }
    connection.workspace.onDidChangeWorkspaceFolders((e) => {
      folders = folders.filter((f) => !e.removed.some((r) => r.uri === f.uri)).concat(e.added);
    });
  });

  connection.onDidChangeConfiguration((params) => {
    settingsCache.clear();
    if (!caps.configuration) {
      const s = (params?.settings ?? {}) as Record<string, unknown>;
      globalSettings = s[SETTINGS_SECTION];
    }
    recheckAll('config');
  });

  connection.onDidChangeWatchedFiles((params) => {
    const changes = Array.isArray(params?.changes) ? params.changes : [];
    let configChanged = false;
    let dictionaryChanged = false;
    for (const ch of changes) {
      const p = uriToPath(ch.uri);
      if (!p) continue;
      if (CONFIG_FILE_NAMES.includes(path.basename(p))) configChanged = true;
      else if (configs.usesDictionary(p)) dictionaryChanged = true;
    }
    if (configChanged) {
      configs.invalidate();
      // Problems of a deleted or fixed file must not linger; re-publishing fills in what remains.
      for (const [file, key] of configProblemsPublished) {
        if (key !== '[]') sendDiagnostics({ uri: pathToUri(file), diagnostics: [] });
      }
      configProblemsPublished.clear();
      recheckAll('config');
    } else if (dictionaryChanged) {
      clearDictionaryCache();
      recheckAll('config');
    }
  });

  // ── documents ─────────────────────────────────────────────────────────────────────────────
  // TextDocuments fires onDidChangeContent right after onDidOpen; the open check runs at once,
  // edits after it are debounced.
  const openedVersion = new Map<string, number>();
  documents.onDidOpen((e) => {
    openedVersion.set(e.document.uri, e.document.version);
    scheduler.schedule(e.document.uri, 'open', 0);
  });
  documents.onDidChangeContent((e) => {
    if (e.document.version === openedVersion.get(e.document.uri)) return;
    scheduler.schedule(e.document.uri, 'change', TYPING_DEBOUNCE_MS);
  });
  documents.onDidSave((e) => scheduler.schedule(e.document.uri, 'save', 0));
  documents.onDidClose((e) => {
    const uri = e.document.uri;
    scheduler.cancel(uri);
    linter.forget(uri);
    settingsCache.delete(uri);
    lastDiagnostics.delete(uri);
    checkedOnce.delete(uri);
    segmenterAnnounced.delete(uri);
    tooLargeNoticed.delete(uri);
    openedVersion.delete(uri);
    sendDiagnostics({ uri, diagnostics: [] });
  });

  // ── code actions, hover, commands ─────────────────────────────────────────────────────────
  const actionDeps = (): CodeActionDeps => ({
    findingsOf: (doc) => linter.findingsOf(doc),
    lintText: (doc, text) => linter.lintText(doc, text),
    canResolveEdit: caps.resolveEdit,
  });

  connection.onCodeAction((params) => {
    const doc = params?.textDocument?.uri ? documents.get(params.textDocument.uri) : undefined;
    if (!doc || !isLintable(doc) || !Array.isArray(params.context?.diagnostics)) return [];
    return codeActions(doc, params, actionDeps());
  });

  connection.onCodeActionResolve((action: CodeAction) => {
    const data = action?.data as { uri?: string } | undefined;
    const doc = typeof data?.uri === 'string' ? documents.get(data.uri) : undefined;
    return resolveCodeAction(doc, action, actionDeps());
  });

  connection.onHover((params) => {
    const uri = params?.textDocument?.uri;
    const doc = uri ? documents.get(uri) : undefined;
    const last = uri ? lastDiagnostics.get(uri) : undefined;
    if (!doc || !last || !params.position) return null;
    return hoverFor(last.diagnostics, params.position, hoverMessage);
  });

  connection.onExecuteCommand(async (params) => {
    const args = Array.isArray(params?.arguments) ? params.arguments : [];
    if (params?.command === Commands.showRuleDoc) {
      const rule = typeof args[0] === 'string' ? getRuleForServer(args[0]) : undefined;
      if (!rule) throw new ResponseError(ErrorCodes.InvalidParams, `未知规则：${String(args[0])}`);
      const file = docFilePath(rule);
      if (file && caps.showDocument) {
        const r = await connection.window.showDocument({ uri: pathToUri(file), takeFocus: true });
        return { success: r.success, uri: pathToUri(file) };
      }
      const href = docsUrl(rule.meta.docs);
      if (caps.showDocument) return { success: (await connection.window.showDocument({ uri: href, external: true })).success, uri: href };
      message(MessageType.Info, `规则 ${rule.meta.id} 的说明：${href}`);
      return { success: true, uri: href };
    }
    if (params?.command === Commands.fixAll) {
      const doc = typeof args[0] === 'string' ? documents.get(args[0]) : undefined;
      if (!doc) throw new ResponseError(ErrorCodes.InvalidParams, `文档未打开：${String(args[0])}`);
      const edits = fixAllEdits(doc, actionDeps());
      if (edits.length === 0) return { applied: false, edits: 0 };
      const r = await connection.workspace.applyEdit({ label: '修复所有可自动修复的问题', edit: versionedEdit(doc, edits) });
      return { applied: r.applied, edits: edits.length };
    }
    throw new ResponseError(ErrorCodes.InvalidParams, `未知命令：${String(params?.command)}`);
  });

  // ── custom requests ───────────────────────────────────────────────────────────────────────
  connection.onRequest(LIST_RULES_REQUEST, () => allRules.map(ruleInfo));

  connection.onRequest(CHECK_WORKSPACE_REQUEST, async (params: CheckWorkspaceParams, token) => {
    if (!params || !Array.isArray(params.folders) || params.folders.some((f) => typeof f !== 'string')) {
      throw new ResponseError(ErrorCodes.InvalidParams, 'gongwen/checkWorkspace 需要参数 { folders: string[] }');
    }
    const progress = connection.window.attachWorkDoneProgress(params.workDoneToken);
    return checkWorkspace(
      params.folders,
      {
        configs,
        linter,
        settingsFor,
        openDocument: (file) => documents.all().find((d) => {
          const p = uriToPath(d.uri);
          return p !== undefined && samePath(p, file);
        }),
        checkOpen: async (doc) => {
          await check(doc.uri, 'config', () => true);
          return lastDiagnostics.get(doc.uri)?.diagnostics.length ?? 0;
        },
        publish: (uri, diagnostics) => sendDiagnostics({ uri, diagnostics }),
      },
      token,
      progress,
    );
  });

  documents.listen(connection);
  connection.listen();
}
