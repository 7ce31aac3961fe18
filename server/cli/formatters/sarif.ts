import * as path from 'path';
import { pathToFileURL } from 'url';
import type { FileResult, FormatContext } from '../result';
import type { Rule } from '../../../rules/engine/types';
import { allRules } from '../../../rules/registry';
import { INTERNAL_ERROR_RULE_ID } from '../../../rules/engine/runner';
import { PROJECT_URL, docsUrl } from '../../../rules/engine/project';

const LEVEL = { error: 'error', warn: 'warning', info: 'note' } as const;

/**
 * SARIF 2.1.0 for GitHub code scanning. Paths are relative to the working directory (uriBaseId
 * %SRCROOT%) so the upload maps them onto the repository; columns are UTF-16 code units, which
 * SARIF allows and we declare with columnKind.
 */
export function formatSarif(results: readonly FileResult[], ctx: FormatContext): string {
  const used = new Set<string>();
  for (const r of results) for (const f of r.findings) used.add(f.ruleId);
  const rules: Rule[] = allRules.filter((r) => used.has(r.meta.id));
  const index = new Map(rules.map((r, i) => [r.meta.id, i]));
  const descriptors: object[] = rules.map((r) => ({
    id: r.meta.id,
    name: r.meta.id.replace(/(^|-)([a-z])/g, (_m, _d, ch: string) => ch.toUpperCase()),
    shortDescription: { text: r.meta.description },
    fullDescription: { text: `${r.meta.description}（依据：${r.meta.basis}）` },
    helpUri: docsUrl(r.meta.docs),
    help: { text: `依据：${r.meta.basis}` },
    defaultConfiguration: { level: LEVEL[r.meta.defaultSeverity] },
    properties: { category: r.meta.category, basisLevel: r.meta.basisLevel, fixable: r.meta.fixable },
  }));
  if (used.has(INTERNAL_ERROR_RULE_ID)) {
    index.set(INTERNAL_ERROR_RULE_ID, descriptors.length);
    descriptors.push({ id: INTERNAL_ERROR_RULE_ID, shortDescription: { text: '检查工具内部错误' }, defaultConfiguration: { level: 'error' } });
  }
  const sarifResults: object[] = [];
  const notifications: object[] = [];
  for (const r of results) {
    const uri = artifactUri(r.filePath, ctx.cwd);
    if (r.fatal) {
      notifications.push({ level: 'error', message: { text: r.fatal }, locations: [{ physicalLocation: { artifactLocation: uri } }] });
    }
    for (const f of r.findings) {
      const result: Record<string, unknown> = {
        ruleId: f.ruleId,
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: uri,
              region: { startLine: f.line + 1, startColumn: f.column + 1, endLine: f.endLine + 1, endColumn: f.endColumn + 1 },
            },
          },
        ],
      };
      const ri = index.get(f.ruleId);
      if (ri !== undefined) result.ruleIndex = ri;
      sarifResults.push(result);
    }
  }
  const run: Record<string, unknown> = {
    tool: {
      driver: {
        name: 'gongwen-lint',
        informationUri: PROJECT_URL,
        version: ctx.version,
        semanticVersion: ctx.version,
        rules: descriptors,
      },
    },
    originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(ctx.cwd + path.sep).href } },
    columnKind: 'utf16CodeUnits',
    results: sarifResults,
  };
  if (notifications.length > 0) run.invocations = [{ executionSuccessful: true, toolExecutionNotifications: notifications }];
  return JSON.stringify({ $schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0', runs: [run] }, null, 2) + '\n';
}

function artifactUri(filePath: string, cwd: string): object {
  if (filePath.startsWith('<')) return { uri: 'stdin' };
  const rel = path.relative(cwd, filePath);
  if (!rel.startsWith('..') && !path.isAbsolute(rel)) return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
  return { uri: pathToFileURL(filePath).href };
}
