import * as fs from 'fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CancellationToken, Diagnostic, WorkDoneProgressReporter } from 'vscode-languageserver';
import { expandPatterns, makeIgnoreTest, formatOf, type IgnoreTest } from '../cli/files';
import { decode } from '../cli/encoding';
import type { ConfigService } from './config-service';
import type { DocumentLinter } from './document-linter';
import { toDiagnostic } from './diagnostics';
import type { Settings } from './settings';
import { folderPath, pathToUri, samePath } from './uri';
import type { CheckWorkspaceResult } from './protocol';

export interface WorkspaceCheckDeps {
  configs: ConfigService;
  linter: DocumentLinter;
  settingsFor(uri: string): Promise<Settings>;
  /** The open document for a path, if the editor has it open (its text wins over the disk). */
  openDocument(filePath: string): TextDocument | undefined;
  /** Checks an open document through the normal path and returns its number of problems. */
  checkOpen(doc: TextDocument): Promise<number>;
  publish(uri: string, diagnostics: Diagnostic[]): void;
}

/**
 * gongwen/checkWorkspace: every .txt/.md/.markdown/.gw file under the folders (the CLI's
 * expandPatterns, .gongwenignore and config `ignore` globs), diagnostics published per file,
 * $/progress reported, cancellable, yielding between files so the editor stays responsive.
 */
export async function checkWorkspace(folders: readonly string[], deps: WorkspaceCheckDeps, token: CancellationToken, progress: WorkDoneProgressReporter): Promise<CheckWorkspaceResult> {
  const roots = folders.map(folderPath).filter((f): f is string => f !== undefined && isDir(f));
  const result: CheckWorkspaceResult = { files: 0, problems: 0 };
  if (roots.length === 0) return result;
  progress.begin('公文规范检查：检查工作区', 0, '正在查找文件…', true);
  try {
    const files: string[] = [];
    for (const root of roots) {
      const isIgnored = ignoreTest(root, deps.configs);
      files.push(...expandPatterns([root], root, isIgnored).files);
    }
    const unique = [...new Set(files)];
    const settingsByRoot = new Map<string, Settings>();
    for (let i = 0; i < unique.length; i++) {
      if (token.isCancellationRequested) break;
      const file = unique[i];
      progress.report(Math.round((i / unique.length) * 100), `${i + 1}/${unique.length} ${file}`);
      await new Promise((r) => setImmediate(r));
      const open = deps.openDocument(file);
      if (open) {
        result.problems += await deps.checkOpen(open);
        result.files++;
        continue;
      }
      const root = roots.find((r) => file.startsWith(r)) ?? roots[0];
      let settings = settingsByRoot.get(root);
      if (!settings) {
        settings = await deps.settingsFor(pathToUri(root));
        settingsByRoot.set(root, settings);
      }
      if (!settings.enable) continue;
      let text: string;
      try {
        text = decode(fs.readFileSync(file)).text;
      } catch {
        continue; // unreadable or binary: the CLI reports these; the editor just skips them
      }
      if (text.length > settings.maxFileSize) continue;
      const uri = pathToUri(file);
      const doc = TextDocument.create(uri, formatOf(file) === 'markdown' ? 'markdown' : 'plaintext', 0, text);
      const outcome = deps.linter.lint(doc, settings, root);
      deps.linter.forget(uri);
      deps.publish(uri, outcome.findings.map((f) => toDiagnostic(f, 0, (o) => doc.positionAt(o))));
      result.files++;
      result.problems += outcome.findings.length;
    }
  } finally {
    progress.done();
  }
  return result;
}

/** As the CLI does; the folder itself is never ignored. */
function ignoreTest(root: string, configs: ConfigService): IgnoreTest {
  const test = makeIgnoreTest(root, (abs) => configs.resolve(abs, {}).config.ignore);
  return (abs) => !samePath(abs, root) && test(abs);
}

function isDir(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}
