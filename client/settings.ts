/**
 * Client-side touch-up of the `gongwen` settings the server pulls through workspace/configuration:
 * paths in `gongwen.dictionaries` get `${workspaceFolder}`, `${userHome}` and `~` expanded and are
 * made absolute against the workspace folder of the document. The server resolves relative paths
 * against the workspace folder too, so this only adds the variable expansion VS Code users expect.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';

export const SECTION = 'gongwen';

export function expandPath(p: string, folder: string | undefined): string {
  let out = p.trim();
  if (folder) out = out.replace(/\$\{workspaceFolder\}/g, folder);
  out = out.replace(/\$\{userHome\}/g, os.homedir());
  if (out === '~' || out.startsWith('~/') || out.startsWith('~\\')) out = path.join(os.homedir(), out.slice(1));
  if (!path.isAbsolute(out) && folder && !out.includes('${')) out = path.resolve(folder, out);
  return out;
}

function folderOf(scopeUri: string | undefined): string | undefined {
  if (scopeUri) {
    try {
      const f = vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(scopeUri));
      if (f && f.uri.scheme === 'file') return f.uri.fsPath;
    } catch {
      // not a URI we can parse: fall through
    }
  }
  const first = vscode.workspace.workspaceFolders?.[0];
  return first && first.uri.scheme === 'file' && (vscode.workspace.workspaceFolders?.length ?? 0) === 1 ? first.uri.fsPath : undefined;
}

/** Rewrites one configuration result for `section` (the whole `gongwen` object or one key). */
export function normalizeResult(section: string | undefined, value: unknown, scopeUri: string | undefined): unknown {
  const folder = folderOf(scopeUri);
  const fix = (list: unknown): unknown => (Array.isArray(list) ? list.map((d) => (typeof d === 'string' ? expandPath(d, folder) : d)) : list);
  if (section === SECTION && value && typeof value === 'object' && !Array.isArray(value)) {
    const obj = { ...(value as Record<string, unknown>) };
    if ('dictionaries' in obj) obj.dictionaries = fix(obj.dictionaries);
    return obj;
  }
  if (section === `${SECTION}.dictionaries`) return fix(value);
  return value;
}
