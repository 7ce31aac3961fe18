import { DiagnosticSeverity, type Diagnostic, type Position, type Range } from 'vscode-languageserver';
import { getRuleForServer } from './rules';
import { docLink } from './rule-docs';
import type { Finding, Severity, TextEdit } from '../../rules/engine/types';

export const SOURCE = 'gongwen';

/** An edit in LSP terms. */
export interface RangeEdit {
  range: Range;
  newText: string;
}

/**
 * Carried on every diagnostic so that code actions need no server-side state: the document
 * version the finding belongs to, and its fix and suggestions as LSP edits.
 */
export interface DiagnosticData {
  version: number;
  /** `range` is left out when it equals the diagnostic's range (most fixes): large documents carry thousands. */
  fix?: { range?: Range; newText: string };
  suggestions?: Array<{ title: string; edit: RangeEdit }>;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warn: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function toDiagnostic(f: Finding, version: number, positionAt: (offset: number) => Position): Diagnostic {
  const data: DiagnosticData = { version };
  if (f.fix) data.fix = f.fix.start === f.start && f.fix.end === f.end ? { newText: f.fix.text } : toRangeEdit(f.fix, positionAt);
  if (f.suggestions) data.suggestions = f.suggestions.map((s) => ({ title: s.title, edit: toRangeEdit(s.edit, positionAt) }));
  const d: Diagnostic = {
    range: { start: { line: f.line, character: f.column }, end: { line: f.endLine, character: f.endColumn } },
    severity: SEVERITY[f.severity],
    source: SOURCE,
    code: f.ruleId,
    message: f.message,
    data,
  };
  const rule = getRuleForServer(f.ruleId);
  if (rule) d.codeDescription = { href: docLink(rule) };
  return d;
}

export function toRangeEdit(e: TextEdit, positionAt: (offset: number) => Position): RangeEdit {
  return { range: { start: positionAt(e.start), end: positionAt(e.end) }, newText: e.text };
}

export function isDiagnosticData(v: unknown): v is DiagnosticData {
  return typeof v === 'object' && v !== null && typeof (v as DiagnosticData).version === 'number';
}

export function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

export function rangeContains(r: Range, p: Position): boolean {
  const afterStart = p.line > r.start.line || (p.line === r.start.line && p.character >= r.start.character);
  const beforeEnd = p.line < r.end.line || (p.line === r.end.line && p.character <= r.end.character);
  return afterStart && beforeEnd;
}
