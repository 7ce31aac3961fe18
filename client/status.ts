/**
 * The status-bar item: problems in the current file, a spinner while the server loads the
 * segmenter or checks, a warning when the server is down; a click opens the Problems view.
 */
import * as vscode from 'vscode';
import type { StatusParams } from '../server/lsp/protocol';

export const SERVED_LANGUAGES: readonly string[] = ['plaintext', 'markdown', 'gongwen'];
export const SERVED_SCHEMES: readonly string[] = ['file', 'untitled'];
export const DIAGNOSTIC_SOURCE = 'gongwen';

export type ServerHealth = 'starting' | 'running' | 'stopped';

export function isServed(doc: vscode.TextDocument | undefined): doc is vscode.TextDocument {
  return !!doc && SERVED_LANGUAGES.includes(doc.languageId) && SERVED_SCHEMES.includes(doc.uri.scheme);
}

export function problemCount(uri: vscode.Uri): number {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === DIAGNOSTIC_SOURCE).length;
}

export class StatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];
  private loadingSegmenter = false;
  /** URIs (as strings) the server is checking right now; '*' when it did not say which. */
  private readonly checking = new Set<string>();
  private health: ServerHealth = 'starting';

  constructor() {
    this.item = vscode.window.createStatusBarItem('gongwen.status', vscode.StatusBarAlignment.Right, 100);
    this.item.name = vscode.l10n.t('Gongwen checker');
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && e.uris.some((u) => u.toString() === active)) this.update();
      }),
      vscode.workspace.onDidOpenTextDocument(() => this.update()),
    );
    this.update();
  }

  onStatus(p: StatusParams): void {
    if (p.state === 'loadingSegmenter') this.loadingSegmenter = true;
    else this.loadingSegmenter = false;
    const key = p.uri ?? '*';
    if (p.state === 'checking') this.checking.add(key);
    else if (p.state === 'idle') {
      if (p.uri) this.checking.delete(p.uri);
      else this.checking.clear();
      this.checking.delete('*');
    }
    this.update();
  }

  setHealth(h: ServerHealth): void {
    this.health = h;
    if (h !== 'running') {
      this.loadingSegmenter = false;
      this.checking.clear();
    }
    this.update();
  }

  update(): void {
    const doc = vscode.window.activeTextEditor?.document;
    if (!isServed(doc)) {
      this.item.hide();
      return;
    }
    const uri = doc.uri.toString();
    if (this.health === 'stopped') {
      this.item.text = `$(error) ${vscode.l10n.t('Gongwen')}`;
      this.item.tooltip = vscode.l10n.t('The gongwen language server is not running. Click to show its output.');
      this.item.command = 'gongwen.showOutput';
      this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
      this.item.show();
      return;
    }
    this.item.backgroundColor = undefined;
    this.item.command = 'workbench.actions.view.problems';
    if (this.health === 'starting' || this.loadingSegmenter) {
      this.item.text = `$(sync~spin) ${vscode.l10n.t('Gongwen')}`;
      this.item.tooltip =
        this.health === 'starting'
          ? vscode.l10n.t('Starting the gongwen language server…')
          : vscode.l10n.t('Loading the word segmenter (first use only)…');
    } else if (this.checking.has(uri) || this.checking.has('*')) {
      this.item.text = `$(sync~spin) ${vscode.l10n.t('Gongwen')}`;
      this.item.tooltip = vscode.l10n.t('Checking this document…');
    } else {
      const n = problemCount(doc.uri);
      this.item.text = n === 0 ? `$(check) ${vscode.l10n.t('Gongwen')}` : `$(warning) ${vscode.l10n.t('Gongwen')} ${n}`;
      this.item.tooltip =
        n === 0
          ? vscode.l10n.t('No gongwen problems in this file.')
          : n === 1
            ? vscode.l10n.t('1 gongwen problem in this file. Click to open the Problems view.')
            : vscode.l10n.t('{0} gongwen problems in this file. Click to open the Problems view.', n);
    }
    this.item.show();
  }

  /** For tests: what the item shows now. */
  get text(): string {
    return this.item.text;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
