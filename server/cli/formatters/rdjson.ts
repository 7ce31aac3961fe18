import type { FileResult, FormatContext } from '../result';
import type { Finding, Severity, TextEdit } from '../../../rules/engine/types';
import { getRule } from '../../../rules/registry';
import { PROJECT_URL, docsUrl } from '../../../rules/engine/project';
import { TextPositions, repoPath } from './positions';

const SEVERITY: Record<Severity, string> = { error: 'ERROR', warn: 'WARNING', info: 'INFO' };

/**
 * Reviewdog Diagnostic Format, JSON flavour (`reviewdog -f=rdjson`): one DiagnosticResult with a
 * diagnostic per finding. Positions are 1-based lines and 1-based columns counted in UTF-8 bytes,
 * as the format requires (our offsets are UTF-16, so they are converted through the text). An
 * automatic fix becomes a suggestion, which reviewdog turns into a "suggested change" on the pull
 * or merge request; choose-one suggestions are passed on only when there is exactly one, since
 * reviewdog would apply several of them together.
 */
export function formatRdjson(results: readonly FileResult[], ctx: FormatContext): string {
  const diagnostics: object[] = [];
  for (const r of results) {
    const file = repoPath(r.filePath, ctx.cwd);
    if (r.fatal) {
      diagnostics.push({ message: r.fatal, location: { path: file }, severity: 'ERROR', code: { value: 'file-error' } });
    }
    const positions = new TextPositions(r.text ?? '');
    for (const f of r.findings) {
      const d: Record<string, unknown> = {
        message: f.message,
        location: { path: file, range: r.text !== undefined ? range(positions, f.start, f.end) : lineColumnRange(f) },
        severity: SEVERITY[f.severity],
        code: codeOf(f.ruleId),
      };
      if (r.text !== undefined) {
        const edits: TextEdit[] = f.fix ? [f.fix] : f.suggestions?.length === 1 ? [f.suggestions[0].edit] : [];
        if (edits.length > 0) d.suggestions = edits.map((e) => ({ range: range(positions, e.start, e.end), text: e.text }));
      }
      diagnostics.push(d);
    }
  }
  return JSON.stringify({ source: { name: 'gongwen-lint', url: PROJECT_URL }, diagnostics }, null, 2) + '\n';
}

function range(positions: TextPositions, start: number, end: number): object {
  return { start: positions.utf8Position(start), end: positions.utf8Position(end) };
}

/** Without the text (never in practice) the UTF-16 columns are the best there is. */
function lineColumnRange(f: Finding): object {
  return { start: { line: f.line + 1, column: f.column + 1 }, end: { line: f.endLine + 1, column: f.endColumn + 1 } };
}

function codeOf(ruleId: string): object {
  const rule = getRule(ruleId);
  return rule ? { value: ruleId, url: docsUrl(rule.meta.docs) } : { value: ruleId };
}
