import type { FileResult, FormatContext } from '../result';
import { displayPath } from './stylish';

/**
 * GitHub Actions workflow commands: one annotation per finding, shown on the pull request diff.
 * Property values escape `%`, CR, LF, `:` and `,`; the message escapes `%`, CR and LF.
 */
export function formatGithub(results: readonly FileResult[], ctx: FormatContext): string {
  const lines: string[] = [];
  for (const r of results) {
    const file = escapeProperty(displayPath(r.filePath, ctx.cwd).split('\\').join('/'));
    if (r.fatal) lines.push(`::error file=${file}::${escapeData(r.fatal)}`);
    for (const f of r.findings) {
      const kind = f.severity === 'error' ? 'error' : f.severity === 'warn' ? 'warning' : 'notice';
      const props = [`file=${file}`, `line=${f.line + 1}`, `col=${f.column + 1}`, `endLine=${f.endLine + 1}`, `endColumn=${f.endColumn + 1}`, `title=${escapeProperty(`gongwen-lint(${f.ruleId})`)}`];
      lines.push(`::${kind} ${props.join(',')}::${escapeData(f.message)}`);
    }
  }
  return lines.length > 0 ? lines.join('\n') + '\n' : '';
}

export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
