import { MarkupKind, type Diagnostic, type Hover, type Position } from 'vscode-languageserver';
import { rangeContains } from './diagnostics';
import { getRuleForServer } from './rules';
import { docForHover } from './rule-docs';

/**
 * Hover on a diagnostic: the finding's message (unless the client shows diagnostics in its hover
 * itself), then the rule's doc (or its first sections), once per rule.
 */
export function hoverFor(diagnostics: readonly Diagnostic[], position: Position, withMessage = true): Hover | null {
  const here = diagnostics.filter((d) => rangeContains(d.range, position));
  if (here.length === 0) return null;
  const parts: string[] = [];
  const rulesShown = new Set<string>();
  for (const d of here) {
    const ruleId = String(d.code ?? '');
    const firstOfRule = !rulesShown.has(ruleId);
    rulesShown.add(ruleId);
    const rule = firstOfRule ? getRuleForServer(ruleId) : undefined;
    const doc = rule ? docForHover(rule) : undefined;
    if (withMessage) parts.push(doc ? `**${ruleId}**：${d.message}\n\n${doc}` : `**${ruleId}**：${d.message}`);
    else if (firstOfRule) parts.push(doc ? `**${ruleId}**\n\n${doc}` : `**${ruleId}**`);
  }
  return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') }, range: here[0].range };
}
