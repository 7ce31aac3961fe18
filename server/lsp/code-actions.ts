import {
  CodeActionKind,
  TextDocumentEdit,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type WorkspaceEdit,
  type TextEdit as LspTextEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { applyEdits, fixesOf } from '../../rules/engine/runner';
import { fixUntilStable } from '../../rules/engine/fixes';
import { directiveRuleIds } from '../../rules/engine/directives';
import type { Finding, TextEdit } from '../../rules/engine/types';
import { SOURCE, isDiagnosticData, sameRange, toRangeEdit, type RangeEdit } from './diagnostics';
import { Commands, FIX_ALL_KIND } from './protocol';

/** Lints the current text of the document (cached per version by the caller). */
export type FindingsOf = (doc: TextDocument) => Finding[];
/** Lints an arbitrary text with the document's configuration, for multi-pass fixing. */
export type LintText = (doc: TextDocument, text: string) => Finding[];

/** What a lazily resolved action carries until codeAction/resolve fills in its edit. */
export interface ResolveData {
  gongwenResolve: 'fixAll' | 'fixRule';
  uri: string;
  version: number;
  ruleId?: string;
}

export interface CodeActionDeps {
  findingsOf: FindingsOf;
  lintText: LintText;
  /** Client can resolve `edit` lazily (codeAction/resolve). */
  canResolveEdit: boolean;
}

/**
 * Builds the actions for a request. Per-diagnostic actions come from the diagnostic's own `data`
 * (version, fix, suggestions); when the document has moved on since, the finding is looked up in
 * a fresh run instead so that an edit is never built against a stale text.
 */
export function codeActions(doc: TextDocument, params: CodeActionParams, deps: CodeActionDeps): CodeAction[] {
  const only = params.context.only;
  const wants = (kind: string): boolean => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
  const out: CodeAction[] = [];
  const ours = params.context.diagnostics.filter((d) => d.source === SOURCE && typeof d.code === 'string');
  let fresh: Finding[] | undefined;
  const findings = (): Finding[] => (fresh ??= deps.findingsOf(doc));

  if (wants(CodeActionKind.QuickFix)) {
    const rulesSeen = new Set<string>();
    for (const d of ours) {
      const ruleId = d.code as string;
      const { fix, suggestions } = editsFor(doc, d, findings);
      if (fix) {
        out.push({
          title: fixTitle(doc, fix, ruleId),
          kind: CodeActionKind.QuickFix,
          diagnostics: [d],
          isPreferred: true,
          edit: versionedEdit(doc, [fix]),
        });
      }
      for (const s of suggestions) {
        out.push({ title: s.title, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: versionedEdit(doc, [s.edit]) });
      }
      if (ruleId === 'internal-error' || rulesSeen.has(ruleId)) continue;
      rulesSeen.add(ruleId);
      const fixableOfRule = findings().filter((f) => f.ruleId === ruleId && f.fix).length;
      if (fixableOfRule > 1) {
        out.push(lazyOrEager(doc, `修复本文件中所有 ${ruleId} 问题（${fixableOfRule} 处）`, CodeActionKind.QuickFix, { gongwenResolve: 'fixRule', uri: doc.uri, version: doc.version, ruleId }, deps));
      }
      const disable = disableAction(doc, d, ruleId);
      if (disable) out.push(disable);
      const disableFile = disableFileAction(doc, d, ruleId);
      if (disableFile) out.push(disableFile);
      out.push({ title: `查看规则说明 ${ruleId}`, kind: CodeActionKind.QuickFix, diagnostics: [d], command: { title: `查看规则说明 ${ruleId}`, command: Commands.showRuleDoc, arguments: [ruleId] } });
    }
    if (ours.length > 0 && findings().some((f) => f.fix)) {
      out.push(lazyOrEager(doc, '修复所有可自动修复的问题', CodeActionKind.QuickFix, { gongwenResolve: 'fixAll', uri: doc.uri, version: doc.version }, deps));
    }
  }
  if (only && wants(FIX_ALL_KIND) && findings().some((f) => f.fix)) {
    out.push(lazyOrEager(doc, '修复所有可自动修复的问题', FIX_ALL_KIND, { gongwenResolve: 'fixAll', uri: doc.uri, version: doc.version }, deps));
  }
  return out;
}

function lazyOrEager(doc: TextDocument, title: string, kind: string, data: ResolveData, deps: CodeActionDeps): CodeAction {
  const action: CodeAction = { title, kind, data };
  return deps.canResolveEdit ? action : resolveCodeAction(doc, action, deps);
}

/** Fills in the edit of a fix-all action (codeAction/resolve, or eagerly for clients that cannot resolve). */
export function resolveCodeAction(doc: TextDocument | undefined, action: CodeAction, deps: CodeActionDeps): CodeAction {
  const data = action.data as ResolveData | undefined;
  if (!data || typeof data !== 'object' || !data.gongwenResolve || !doc || doc.uri !== data.uri || doc.version !== data.version) return action;
  const edits = fixAllEdits(doc, deps, data.gongwenResolve === 'fixRule' ? data.ruleId : undefined);
  return { ...action, edit: versionedEdit(doc, edits) };
}

/**
 * The edits that fix everything fixable (of one rule, or all), as the CLI's --fix would: lint →
 * fix until stable. When one pass fixes everything the individual edits are returned (cursor and
 * markers stay put); when later passes were needed, one edit covering the changed span.
 */
export function fixAllEdits(doc: TextDocument, deps: Pick<CodeActionDeps, 'findingsOf' | 'lintText'>, ruleId?: string): RangeEdit[] {
  const text = doc.getText();
  const pick = (fs: Finding[]): Finding[] => (ruleId ? fs.filter((f) => f.ruleId === ruleId) : fs);
  const first = fixesOf(pick(deps.findingsOf(doc)));
  if (first.length === 0) return [];
  const onePass = applyEdits(text, first);
  const stable = fixUntilStable(onePass.output, (t) => fixesOf(pick(deps.lintText(doc, t))));
  const pos = (o: number) => doc.positionAt(o);
  if (stable.passes === 0 || stable.output === onePass.output) return onePass.applied.map((e) => toRangeEdit(e, pos));
  return [toRangeEdit(diffEdit(text, stable.output), pos)];
}

/** The smallest single edit turning `a` into `b` (common prefix and suffix kept), never splitting a surrogate pair. */
export function diffEdit(a: string, b: string): TextEdit {
  let start = 0;
  const max = Math.min(a.length, b.length);
  while (start < max && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  if (start > 0 && isHigh(a.charCodeAt(start - 1))) start--;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a.charCodeAt(endA - 1) === b.charCodeAt(endB - 1)) {
    endA--;
    endB--;
  }
  if (endA < a.length && isLow(a.charCodeAt(endA))) {
    endA++;
    endB++;
  }
  return { start, end: endA, text: b.slice(start, endB) };
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

export function versionedEdit(doc: TextDocument, edits: RangeEdit[]): WorkspaceEdit {
  const lspEdits: LspTextEdit[] = edits.map((e) => ({ range: e.range, newText: e.newText }));
  return { documentChanges: [TextDocumentEdit.create({ uri: doc.uri, version: doc.version }, lspEdits)] };
}

function editsFor(doc: TextDocument, d: Diagnostic, findings: () => Finding[]): { fix?: RangeEdit; suggestions: Array<{ title: string; edit: RangeEdit }> } {
  if (isDiagnosticData(d.data) && d.data.version === doc.version) {
    const fix = d.data.fix ? { range: d.data.fix.range ?? d.range, newText: d.data.fix.newText } : undefined;
    return { fix, suggestions: d.data.suggestions ?? [] };
  }
  // The diagnostic is older than the text: find the same problem in the current text.
  const pos = (o: number) => doc.positionAt(o);
  const match = findings().find((f) => f.ruleId === d.code && sameRange({ start: { line: f.line, character: f.column }, end: { line: f.endLine, character: f.endColumn } }, d.range));
  if (!match) return { suggestions: [] };
  return {
    fix: match.fix ? toRangeEdit(match.fix, pos) : undefined,
    suggestions: (match.suggestions ?? []).map((s) => ({ title: s.title, edit: toRangeEdit(s.edit, pos) })),
  };
}

function fixTitle(doc: TextDocument, fix: RangeEdit, ruleId: string): string {
  const old = doc.getText(fix.range);
  const show = (s: string) => (s.length > 20 ? `${s.slice(0, 20)}…` : s);
  if (old === '') return `插入“${show(fix.newText)}”（${ruleId}）`;
  if (fix.newText === '') return `删除“${show(old)}”（${ruleId}）`;
  return `将“${show(old)}”改为“${show(fix.newText)}”（${ruleId}）`;
}

const NEXT_LINE_DIRECTIVE = /^([ \t\u3000]*)<!--\s*gongwen-disable-next-line\b(.*?)-->[ \t\u3000]*$/;

/**
 * "在本行禁用 <rule>": a `<!-- gongwen-disable-next-line <rule> -->` line above, with the line's
 * indentation. An existing such line directly above gets the rule added instead. Inside a
 * Markdown paragraph (not its first line) a comment line would split the paragraph when
 * rendered, so there the comment goes at the end of the line as `gongwen-disable-line`.
 */
function disableAction(doc: TextDocument, d: Diagnostic, ruleId: string): CodeAction | undefined {
  const line = d.range.start.line;
  const text = doc.getText();
  const lineText = lineAt(doc, line);
  const title = `在本行禁用 ${ruleId}`;
  const make = (edit: RangeEdit): CodeAction => ({ title, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: versionedEdit(doc, [edit]) });
  const prev = line > 0 ? lineAt(doc, line - 1) : undefined;
  const m = prev !== undefined ? NEXT_LINE_DIRECTIVE.exec(prev) : null;
  if (m) {
    const edit = extendDirective(line - 1, prev!, 'gongwen-disable-next-line', m[2], ruleId);
    return edit && make(edit); // no edit: already disabled there
  }
  const eol = eolOf(text);
  const midParagraph = doc.languageId === 'markdown' && prev !== undefined && prev.trim() !== '';
  if (midParagraph) {
    const end = { line, character: lineText.length };
    return make({ range: { start: end, end }, newText: ` <!-- gongwen-disable-line ${ruleId} -->` });
  }
  const indent = /^[ \t\u3000]*/.exec(lineText)![0];
  const at = { line, character: 0 };
  return make({ range: { start: at, end: at }, newText: `${indent}<!-- gongwen-disable-next-line ${ruleId} -->${eol}` });
}

const FILE_DIRECTIVE = /^<!--\s*gongwen-disable-file\b(.*?)-->[ \t\u3000]*$/;

/**
 * "在本文件中禁用 <rule>": a `<!-- gongwen-disable-file <rule> -->` line at the top, where a reader
 * of the source sees it first; in Markdown after the front matter, which must stay the first
 * thing in the file. An existing such line there gets the rule added; a file-wide directive for
 * every rule means there is nothing to offer.
 */
function disableFileAction(doc: TextDocument, d: Diagnostic, ruleId: string): CodeAction | undefined {
  if (ruleId === 'internal-error') return undefined;
  const text = doc.getText();
  const eol = eolOf(text);
  let line = 0;
  if (doc.languageId === 'markdown' && lineAt(doc, 0) === '---') {
    for (let i = 1; i < doc.lineCount; i++) {
      if (/^(---|\.\.\.)$/.test(lineAt(doc, i))) {
        line = i + 1;
        break;
      }
    }
  }
  const title = `在本文件中禁用 ${ruleId}`;
  const make = (edit: RangeEdit): CodeAction => ({ title, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: versionedEdit(doc, [edit]) });
  const lineText = line < doc.lineCount ? lineAt(doc, line) : '';
  const existing = FILE_DIRECTIVE.exec(lineText);
  if (existing) {
    const edit = extendDirective(line, lineText, 'gongwen-disable-file', existing[1], ruleId);
    return edit && make(edit);
  }
  const directive = `<!-- gongwen-disable-file ${ruleId} -->`;
  // (The front matter ends the file without a line break: the comment goes on a new last line.)
  if (line >= doc.lineCount) {
    const end = doc.positionAt(text.length);
    return make({ range: { start: end, end }, newText: `${eol}${directive}${eol}` });
  }
  const at = { line, character: 0 };
  return make({ range: { start: at, end: at }, newText: `${directive}${eol}` });
}

/**
 * Adds `ruleId` to the directive `keyword` found on `line` (its body as matched), after the ids and
 * before any ` -- reason`; undefined when the directive already covers the rule (no ids means all).
 */
function extendDirective(line: number, lineText: string, keyword: string, body: string, ruleId: string): RangeEdit | undefined {
  const { ruleIds, idsLength } = directiveRuleIds(body);
  if (ruleIds.length === 0 || ruleIds.includes(ruleId)) return undefined;
  const at = { line, character: lineText.indexOf(keyword) + keyword.length + idsLength };
  return { range: { start: at, end: at }, newText: `, ${ruleId}` };
}

function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

function lineAt(doc: TextDocument, line: number): string {
  return doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$|\r$/, '');
}
