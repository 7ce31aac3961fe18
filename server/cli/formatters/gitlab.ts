import { createHash } from 'crypto';
import type { FileResult, FormatContext } from '../result';
import type { Finding, Severity } from '../../../rules/engine/types';
import { TextPositions, repoPath } from './positions';

/** Code Quality knows info, minor, major, critical, blocker; an unreadable file is critical. */
const SEVERITY: Record<Severity, string> = { info: 'info', warn: 'minor', error: 'major' };

/** Code units of text taken on each side of a finding (within its line) for its fingerprint. */
const CONTEXT = 10;

/**
 * GitLab Code Quality report (a subset of the Code Climate issue format): the fields the merge
 * request widget reads are description, check_name, fingerprint, severity, location.path and
 * location.lines.begin. Paths are relative to the working folder, which in GitLab CI is the
 * repository root.
 *
 * The fingerprint decides whether GitLab shows a finding as new or as already known, so it must
 * not change when unrelated lines move: it hashes the rule id, the path, the finding's text with a
 * little context from its own line, and how many identical (rule, text) pairs came before it in
 * the file. Line and column numbers are deliberately left out.
 */
export function formatGitlab(results: readonly FileResult[], ctx: FormatContext): string {
  const issues: object[] = [];
  for (const r of results) {
    const file = repoPath(r.filePath, ctx.cwd);
    if (r.fatal) {
      issues.push({
        type: 'issue',
        check_name: 'gongwen-lint/file-error',
        description: r.fatal,
        categories: ['Bug Risk'],
        fingerprint: md5(['file-error', file].join('\u0000')),
        severity: 'critical',
        location: { path: file, lines: { begin: 1 } },
      });
    }
    const positions = r.text !== undefined ? new TextPositions(r.text) : undefined;
    const seen = new Map<string, number>();
    for (const f of r.findings) {
      const key = [f.ruleId, file, positions ? snippet(positions, f) : f.message].join('\u0000');
      const occurrence = seen.get(key) ?? 0;
      seen.set(key, occurrence + 1);
      issues.push({
        type: 'issue',
        check_name: f.ruleId,
        description: f.message,
        categories: ['Style'],
        fingerprint: md5(`${key}\u0000${occurrence}`),
        severity: SEVERITY[f.severity],
        location: { path: file, lines: { begin: f.line + 1, end: f.endLine + 1 } },
      });
    }
  }
  return JSON.stringify(issues, null, 2) + '\n';
}

/** The finding's text plus up to CONTEXT code units on each side, not crossing its line. */
export function snippet(positions: TextPositions, f: Pick<Finding, 'start' | 'end'>): string {
  const line = positions.lineOf(f.start);
  const lineStart = positions.lineStart(line);
  const lineEnd = lineStart + positions.lineText(line).length;
  const from = Math.max(lineStart, f.start - CONTEXT);
  const to = Math.min(Math.max(lineEnd, f.end), f.end + CONTEXT);
  return positions.text.slice(from, to);
}

function md5(s: string): string {
  return createHash('md5').update(s, 'utf8').digest('hex');
}
