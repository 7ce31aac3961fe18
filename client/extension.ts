/**
 * The VS Code face of gongwen-lint: starts the language server (dist/server.js) over Node IPC,
 * passes settings and workspace trust, shows a status-bar item and offers a few commands. It
 * knows nothing about rules: everything rule-related comes from the server.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import {
  ExecuteCommandRequest,
  LanguageClient,
  RevealOutputChannelOn,
  State,
  TransportKind,
  WorkDoneProgress,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import {
  CHECK_WORKSPACE_REQUEST,
  Commands,
  LIST_RULES_REQUEST,
  STATUS_NOTIFICATION,
  type CheckWorkspaceParams,
  type CheckWorkspaceResult,
  type InitializationOptions,
  type RuleInfo,
  type StatusParams,
} from '../server/lsp/protocol';
import { SECTION, normalizeResult } from './settings';
import { SERVED_LANGUAGES, SERVED_SCHEMES, StatusBar, isServed } from './status';

let client: LanguageClient | undefined;
let statusBar: StatusBar | undefined;

/** What the integration tests may look at (returned from activate). */
export interface GongwenApi {
  readonly client: LanguageClient | undefined;
  readonly statusText: string;
}

export async function activate(context: vscode.ExtensionContext): Promise<GongwenApi> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const output = vscode.window.createOutputChannel(vscode.l10n.t('Gongwen Language Server'), { log: true });
  context.subscriptions.push(output);
  statusBar = new StatusBar();
  context.subscriptions.push(statusBar);

  if (!fs.existsSync(serverModule)) {
    output.error(`dist/server.js not found at ${serverModule}`);
    statusBar.setHealth('stopped');
    void vscode.window.showErrorMessage(vscode.l10n.t('Gongwen: the language server bundle (dist/server.js) is missing. Run "npm run build".'));
  } else {
    client = createClient(context, serverModule, output);
  }

  context.subscriptions.push(
    vscode.commands.registerCommand('gongwen.fixAllInFile', () => fixAllInFile()),
    vscode.commands.registerCommand('gongwen.checkWorkspace', () => checkWorkspace()),
    vscode.commands.registerCommand('gongwen.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('gongwen.listRules', () => listRules(context)),
    vscode.commands.registerCommand('gongwen.restartServer', async () => {
      if (client) await client.restart();
    }),
    // Trust changes what the server may load (workspace dictionaries, config patterns): restart
    // so the new initializationOptions.trusted takes effect.
    vscode.workspace.onDidGrantWorkspaceTrust(async () => {
      if (!client) return;
      output.info('Workspace trusted: restarting the language server.');
      await client.restart();
    }),
  );

  if (client) {
    try {
      await client.start();
    } catch (err) {
      output.error(`The language server did not start: ${String(err)}`);
      statusBar.setHealth('stopped');
    }
  }
  return {
    get client() {
      return client;
    },
    get statusText() {
      return statusBar?.text ?? '';
    },
  };
}

export async function deactivate(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) await c.dispose();
}

function createClient(context: vscode.ExtensionContext, serverModule: string, output: vscode.LogOutputChannel): LanguageClient {
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy'] } },
  };
  // Rule docs contain 错误示例 on purpose: never check the extension's own docs when they are
  // opened from the rule list or "查看规则说明".
  const ownDocs = path.join(context.extensionPath, 'rules', 'docs') + path.sep;
  const isOwnDoc = (doc: vscode.TextDocument) => doc.uri.scheme === 'file' && doc.uri.fsPath.startsWith(ownDocs);

  const clientOptions: LanguageClientOptions = {
    documentSelector: SERVED_LANGUAGES.flatMap((language) => SERVED_SCHEMES.map((scheme) => ({ scheme, language }))),
    outputChannel: output,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    initializationOptions: (): InitializationOptions => ({ trusted: vscode.workspace.isTrusted, hoverMessage: false }),
    synchronize: { configurationSection: SECTION },
    middleware: {
      didOpen: (doc, next) => (isOwnDoc(doc) ? Promise.resolve() : next(doc)),
      didChange: (e, next) => (isOwnDoc(e.document) ? Promise.resolve() : next(e)),
      didSave: (doc, next) => (isOwnDoc(doc) ? Promise.resolve() : next(doc)),
      didClose: (doc, next) => (isOwnDoc(doc) ? Promise.resolve() : next(doc)),
      willSave: (e, next) => (isOwnDoc(e.document) ? Promise.resolve() : next(e)),
      willSaveWaitUntil: (e, next) => (isOwnDoc(e.document) ? Promise.resolve([]) : next(e)),
      workspace: {
        configuration: async (params, token, next) => {
          const result = await next(params, token);
          if (!Array.isArray(result)) return result;
          return result.map((value, i) => normalizeResult(params.items[i]?.section, value, params.items[i]?.scopeUri));
        },
      },
    },
  };
  const c = new LanguageClient('gongwen', vscode.l10n.t('Gongwen Language Server'), serverOptions, clientOptions);
  c.onDidChangeState((e) => {
    if (e.newState === State.Running) statusBar?.setHealth('running');
    else if (e.newState === State.Starting) statusBar?.setHealth('starting');
    else statusBar?.setHealth('stopped');
  });
  // Handlers registered before start() are kept by the client across restarts.
  c.onNotification(STATUS_NOTIFICATION, (p: StatusParams) => statusBar?.onStatus(p));
  return c;
}

function requireRunningClient(): LanguageClient | undefined {
  if (client && client.state === State.Running) return client;
  void vscode.window.showWarningMessage(vscode.l10n.t('Gongwen: the language server is not running. See the output channel.'), vscode.l10n.t('Show Output')).then((choice) => {
    if (choice) void vscode.commands.executeCommand('gongwen.showOutput');
  });
  return undefined;
}

async function fixAllInFile(): Promise<void> {
  const doc = vscode.window.activeTextEditor?.document;
  if (!isServed(doc)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Gongwen: open a plain text, Markdown or .gw document first.'));
    return;
  }
  const c = requireRunningClient();
  if (!c) return;
  await c.sendRequest(ExecuteCommandRequest.type, { command: Commands.fixAll, arguments: [doc.uri.toString()] });
}

async function checkWorkspace(): Promise<CheckWorkspaceResult | undefined> {
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
  if (folders.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Gongwen: open a folder to check the whole workspace.'));
    return undefined;
  }
  const c = requireRunningClient();
  if (!c) return undefined;
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Gongwen: checking the workspace'), cancellable: true },
    async (progress, token) => {
      const workDoneToken = `gongwen-check-${randomUUID()}`;
      let done = 0;
      const sub = c.onProgress(WorkDoneProgress.type, workDoneToken, (v) => {
        if (v.kind === 'end') return;
        const pct = typeof v.percentage === 'number' ? Math.max(0, Math.min(100, v.percentage)) : undefined;
        const increment = pct !== undefined && pct > done ? pct - done : undefined;
        if (pct !== undefined) done = Math.max(done, pct);
        progress.report({ message: v.message, increment });
      });
      try {
        const params: CheckWorkspaceParams = { folders, workDoneToken };
        return await c.sendRequest<CheckWorkspaceResult>(CHECK_WORKSPACE_REQUEST, params, token);
      } catch (err) {
        if (token.isCancellationRequested) return undefined;
        throw err;
      } finally {
        sub.dispose();
      }
    },
  );
  if (result) {
    const open = vscode.l10n.t('Open Problems');
    void vscode.window
      .showInformationMessage(vscode.l10n.t('Gongwen: checked {0} files, {1} problems.', result.files, result.problems), open)
      .then((choice) => {
        if (choice === open) void vscode.commands.executeCommand('workbench.actions.view.problems');
      });
  }
  return result;
}

const SEVERITY_LABEL: Record<string, () => string> = {
  error: () => vscode.l10n.t('error'),
  warn: () => vscode.l10n.t('warning'),
  info: () => vscode.l10n.t('info'),
};

async function listRules(context: vscode.ExtensionContext): Promise<void> {
  const c = requireRunningClient();
  if (!c) return;
  const rules = await c.sendRequest<RuleInfo[]>(LIST_RULES_REQUEST);
  type Item = vscode.QuickPickItem & { rule?: RuleInfo };
  const items: Item[] = [];
  let category: string | undefined;
  for (const rule of [...rules].sort((a, b) => a.category.localeCompare(b.category) || a.id.localeCompare(b.id))) {
    if (rule.category !== category) {
      category = rule.category;
      items.push({ label: category, kind: vscode.QuickPickItemKind.Separator });
    }
    const parts = [SEVERITY_LABEL[rule.defaultSeverity]?.() ?? rule.defaultSeverity];
    if (rule.fixable) parts.push(vscode.l10n.t('auto-fixable'));
    parts.push(vscode.l10n.t('basis: {0}', rule.basis));
    items.push({ label: rule.id, description: rule.description, detail: parts.join(' · '), rule });
  }
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Gongwen rules ({0})', rules.length),
    placeHolder: vscode.l10n.t('Choose a rule to open its documentation'),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (picked?.rule) await openRuleDoc(context, picked.rule);
}

async function openRuleDoc(context: vscode.ExtensionContext, rule: RuleInfo): Promise<void> {
  const file = path.isAbsolute(rule.docsPath) ? rule.docsPath : path.join(context.extensionPath, rule.docsPath);
  if (fs.existsSync(file)) {
    const uri = vscode.Uri.file(file);
    try {
      await vscode.commands.executeCommand('markdown.showPreview', uri);
      return;
    } catch {
      await vscode.window.showTextDocument(uri, { preview: true });
      return;
    }
  }
  if (rule.docsUrl) await vscode.env.openExternal(vscode.Uri.parse(rule.docsUrl));
  else void vscode.window.showWarningMessage(vscode.l10n.t('Gongwen: no documentation found for {0}.', rule.id));
}
