import { MarkupKind, type Diagnostic, type Hover, type Position } from 'vscode-languageserver';
import { rangeContains } from './diagnostics';
import { getRuleForServer } from './rules';
import { docForHover } from './rule-docs';

/** Hover on a diagnostic: the finding's message, then the rule's doc (or its first sections). */
export function hoverFor(diagnostics: readonly Diagnostic[], position: Position): Hover | null {
  const here = diagnostics.filter((d) => rangeContains(d.range, position));
  if (here.length === 0) return null;
  const parts: string[] = [];
  const rulesShown = new Set<string>();
  for (const d of here) {
    const ruleId = String(d.code ?? '');
    parts.push(`**${ruleId}**：${d.message}`);
    if (rulesShown.has(ruleId)) continue;
    rulesShown.add(ruleId);
    const rule = getRuleForServer(ruleId);
    if (rule) parts.push(docForHover(rule));
  }
  return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') }, range: here[0].range };
}
