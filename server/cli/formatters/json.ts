import type { FileResult, FormatContext } from '../result';
import { summarize } from '../result';
import type { Finding } from '../../../rules/engine/types';

/**
 * ESLint-compatible JSON (one object per file), so tools that read ESLint's output read ours.
 * Lines and columns are 1-based, columns in UTF-16 code units; `info` maps to severity 1.
 */
export function formatJson(results: readonly FileResult[], _ctx: FormatContext): string {
  return JSON.stringify(results.map(toEslintResult));
}

export function toEslintResult(r: FileResult): object {
  const s = summarize([r]);
  const messages: object[] = r.findings.map(toMessage);
  if (r.fatal) messages.unshift({ ruleId: null, fatal: true, severity: 2, message: r.fatal, line: 0, column: 0 });
  const out: Record<string, unknown> = {
    filePath: r.filePath,
    messages,
    suppressedMessages: [],
    errorCount: s.errorCount + (r.fatal ? 1 : 0),
    fatalErrorCount: r.fatal ? 1 : 0,
    warningCount: s.warningCount + s.infoCount,
    fixableErrorCount: s.fixableErrorCount,
    fixableWarningCount: s.fixableWarningCount,
  };
  if (r.output !== undefined) out.output = r.output;
  return out;
}

function toMessage(f: Finding): object {
  const m: Record<string, unknown> = {
    ruleId: f.ruleId,
    severity: f.severity === 'error' ? 2 : 1,
    message: f.message,
    line: f.line + 1,
    column: f.column + 1,
    endLine: f.endLine + 1,
    endColumn: f.endColumn + 1,
  };
  if (f.severity === 'info') m.gongwenSeverity = 'info';
  if (f.fix) m.fix = { range: [f.fix.start, f.fix.end], text: f.fix.text };
  if (f.suggestions) m.suggestions = f.suggestions.map((s) => ({ desc: s.title, fix: { range: [s.edit.start, s.edit.end], text: s.edit.text } }));
  return m;
}
