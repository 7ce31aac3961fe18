import type { LintDocument } from './document';
import { directiveRuleIds, type Directive, type Suppressions } from './directives';
import { closest } from './config';
import type { Report, TextEdit } from './types';

/** The id of the rule (rules/checks/directive) whose findings this module produces. */
export const UNUSED_DIRECTIVE_RULE_ID = 'unused-disable-directive';

/**
 * Disable comments that no longer disable anything: the text was corrected, the rule id has a typo
 * (`coma-width` disables nothing and hides nothing), or the comment outlived the finding it was
 * written for. Judged after every rule ran, from what the suppressions were used for:
 *
 * - an id of a rule that ran and had no finding there is unused;
 * - an id no rule has is unknown (with the nearest id as a hint);
 * - an id of a known rule that did not run (turned off) is left alone: another configuration,
 *   e.g. the team's CI, may turn it on;
 * - a comment without ids is unused when it disabled no finding at all;
 * - naming unused-disable-directive itself is never unused: it disables these reports (the runner
 *   applies the comments that name it; a comment for all rules does not hide its own report).
 */
export function unusedDirectiveReports(
  doc: LintDocument,
  suppressions: Suppressions,
  ran: ReadonlySet<string>,
  known: ReadonlySet<string>,
): Report[] {
  const out: Report[] = [];
  suppressions.disabling.forEach((d, index) => {
    const used = suppressions.usedIds(index);
    if (d.ruleIds.length === 0) {
      if (used.size === 0) out.push(report(d, '这条禁用注释没有压下任何问题，可以删去', d.kind === 'disable' ? undefined : onlyTheComment(doc, d, removal(doc, d))));
      return;
    }
    // Naming this rule itself disables its reports (judged after this, by the runner).
    const unused = d.ruleIds.filter((id) => ran.has(id) && !used.has(id) && id !== UNUSED_DIRECTIVE_RULE_ID);
    const unknown = d.ruleIds.filter((id) => !known.has(id));
    if (unused.length === 0 && unknown.length === 0) return;
    const parts: string[] = [];
    if (unknown.length > 0) {
      const hints = unknown.map((id) => {
        const near = closest(id, [...known]);
        return near ? `“${id}”（是否为“${near}”？）` : `“${id}”`;
      });
      parts.push(`${hints.join('、')}不是规则名，对任何问题都不起作用`);
    }
    if (unused.length > 0) parts.push(`${unused.map((id) => `“${id}”`).join('、')}在这里没有可压下的问题`);
    const bad = new Set([...unused, ...unknown]);
    const kept = d.ruleIds.filter((id) => !bad.has(id));
    const advice = kept.length === 0 ? '可以删去这条注释' : `可以从注释中删去${[...bad].map((id) => `“${id}”`).join('、')}`;
    const fix = d.kind === 'disable' && kept.length === 0 ? undefined : kept.length === 0 ? removal(doc, d) : keepOnly(doc, d, kept);
    out.push(report(d, `禁用注释中${parts.join('；')}：${advice}`, onlyTheComment(doc, d, fix)));
  });
  return out;
}

/** Excluded regions (code, URLs, markup) that overlap [start, end) and are not within the comment. */
function touchesOtherMarkup(doc: LintDocument, d: Directive, start: number, end: number): boolean {
  return doc.excluded.some((r) => r.start < Math.max(end, start + 1) && r.end > start && (r.start < d.start || r.end > d.end));
}

/** A fix is offered only when the markup it touches is this comment alone. */
function onlyTheComment(doc: LintDocument, d: Directive, fix: TextEdit | undefined): TextEdit | undefined {
  return fix && !touchesOtherMarkup(doc, d, fix.start, fix.end) ? fix : undefined;
}

function report(d: Directive, what: string, fix: TextEdit | undefined): Report {
  const r: Report = { start: d.start, end: d.end, message: d.kind === 'disable' && !fix ? `${what}（连同对应的 gongwen-enable 注释）` : what };
  if (fix) r.fix = fix;
  return r;
}

/** Removes the comment; with its line when nothing else is on that line, else with the spaces before it. */
function removal(doc: LintDocument, d: Directive): TextEdit {
  const text = doc.text;
  let start = d.start;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  let end = d.end;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  const atLineStart = start === 0 || text[start - 1] === '\n';
  const atLineEnd = end === text.length || text[end] === '\n' || text[end] === '\r';
  if (atLineStart && atLineEnd) {
    if (text.startsWith('\r\n', end)) return { start, end: end + 2, text: '' };
    if (text[end] === '\n') return { start, end: end + 1, text: '' };
    // The last line: take the line break before it instead, so no empty line is left behind.
    if (start > 0) return { start: text[start - 2] === '\r' ? start - 2 : start - 1, end, text: '' };
    return { start, end, text: '' };
  }
  return { start: atLineStart ? d.start : start, end: atLineStart ? end : d.end, text: '' };
}

/** Rewrites the ids part of the comment to the ids that still do something; the reason stays. */
function keepOnly(doc: LintDocument, d: Directive, kept: string[]): TextEdit {
  const comment = doc.text.slice(d.start, d.end);
  const bodyStart = d.start + comment.indexOf(`gongwen-${d.kind}`) + `gongwen-${d.kind}`.length;
  const { idsLength } = directiveRuleIds(doc.text.slice(bodyStart, d.end - 3));
  return { start: bodyStart, end: bodyStart + idsLength, text: ` ${kept.join(', ')}` };
}
