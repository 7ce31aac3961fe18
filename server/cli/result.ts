import type { Finding } from '../../rules/engine/types';

/** What the CLI knows about one checked file; every formatter reads this. */
export interface FileResult {
  /** Absolute path, or `<text>` for stdin without --stdin-filename. */
  filePath: string;
  findings: Finding[];
  /** Fixed text, when --fix or --fix-dry-run changed something. */
  output?: string;
  /**
   * The text the findings refer to (after fixing, when fixes were applied). Formatters that need
   * more than line/column (UTF-8 byte columns for rdjson, content fingerprints for GitLab) read it.
   */
  text?: string;
  /** The file could not be read or decoded; it was skipped. */
  fatal?: string;
}

export interface RunSummary {
  errorCount: number;
  warningCount: number;
  infoCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  fatalCount: number;
}

export function summarize(results: readonly FileResult[]): RunSummary {
  const s: RunSummary = { errorCount: 0, warningCount: 0, infoCount: 0, fixableErrorCount: 0, fixableWarningCount: 0, fatalCount: 0 };
  for (const r of results) {
    if (r.fatal) s.fatalCount++;
    for (const f of r.findings) {
      if (f.severity === 'error') {
        s.errorCount++;
        if (f.fix) s.fixableErrorCount++;
      } else if (f.severity === 'warn') {
        s.warningCount++;
        if (f.fix) s.fixableWarningCount++;
      } else s.infoCount++;
    }
  }
  return s;
}

export interface FormatContext {
  cwd: string;
  color: boolean;
  /** Version of gongwen-lint, for SARIF's tool.driver. */
  version: string;
}
