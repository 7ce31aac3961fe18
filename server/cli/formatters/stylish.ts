import * as path from 'path';
import type { FileResult, FormatContext } from '../result';
import { summarize } from '../result';

const LABEL = { error: '错误', warn: '警告', info: '提示' } as const;

/** Human output in Chinese, grouped by file, like ESLint's stylish; colour only when asked. */
export function formatStylish(results: readonly FileResult[], ctx: FormatContext): string {
  const c = colors(ctx.color);
  const lines: string[] = [];
  for (const r of results) {
    if (r.findings.length === 0 && !r.fatal) continue;
    lines.push(c.underline(displayPath(r.filePath, ctx.cwd)));
    if (r.fatal) lines.push(`  ${c.red('错误')}  ${r.fatal}`);
    const rows = r.findings.map((f) => ({
      pos: `${f.line + 1}:${f.column + 1}`,
      label: f.severity === 'error' ? c.red(LABEL.error) : f.severity === 'warn' ? c.yellow(LABEL.warn) : c.blue(LABEL.info),
      message: f.message,
      rule: c.dim(f.ruleId),
    }));
    const width = Math.max(0, ...rows.map((r2) => r2.pos.length));
    for (const row of rows) lines.push(`  ${c.dim(row.pos.padEnd(width))}  ${row.label}  ${row.message}  ${row.rule}`);
    lines.push('');
  }
  const s = summarize(results);
  const total = s.errorCount + s.warningCount + s.infoCount;
  if (total === 0 && s.fatalCount === 0) return '';
  const parts = [`${s.errorCount} 个错误`, `${s.warningCount} 个警告`];
  if (s.infoCount > 0) parts.push(`${s.infoCount} 个提示`);
  const head = s.errorCount > 0 || s.fatalCount > 0 ? c.red('✖') : c.yellow('⚠');
  lines.push(`${head} 共 ${total} 个问题（${parts.join('，')}）${s.fatalCount > 0 ? `，${s.fatalCount} 个文件无法检查` : ''}`);
  const fixable = s.fixableErrorCount + s.fixableWarningCount;
  if (fixable > 0) lines.push(`  其中 ${fixable} 个可用 --fix 自动修复。`);
  return lines.join('\n') + '\n';
}

export function displayPath(filePath: string, cwd: string): string {
  if (filePath.startsWith('<')) return filePath;
  const rel = path.relative(cwd, filePath);
  return rel.startsWith('..') ? filePath : rel;
}

function colors(on: boolean) {
  const wrap = (open: number, close: number) => (s: string) => (on ? `\u001b[${open}m${s}\u001b[${close}m` : s);
  return { red: wrap(31, 39), yellow: wrap(33, 39), blue: wrap(34, 39), dim: wrap(2, 22), underline: wrap(4, 24) };
}
