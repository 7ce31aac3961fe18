import { LintDocument } from '../../rules/engine/document';
import { lint, fixText, fixesOf, applyEdits, type LintOptions } from '../../rules/engine/runner';
import { MAX_FIX_PASSES } from '../../rules/engine/fixes';
import type { Finding, TextEdit } from '../../rules/engine/types';
import { UNUSED_DIRECTIVE_RULE_ID } from '../../rules/engine/unused-directives';

/**
 * The invariants every rule must keep on any text, checked independently of the runner's own
 * guards (which turn a bad range into an internal-error finding: that is reported here too).
 * Returns human-readable violations naming the rule, so a failing property says whose bug it is.
 */
export function violations(text: string, options: LintOptions): string[] {
  const out: string[] = [];
  const first = lint(text, options).findings;
  /** Disable comments unused-disable-directive removed: the only markup a fix may take away. */
  const removedComments = new Set<string>();
  checkFindings(text, first, out, 'input');

  // Fix pass by pass, as fixText does, checking each pass.
  let current = text;
  let passes = 0;
  for (; passes < MAX_FIX_PASSES; passes++) {
    const findings = passes === 0 ? first : lint(current, options).findings;
    if (passes > 0) checkFindings(current, findings, out, `after ${passes} fix pass(es)`);
    const fixable = findings.filter((f) => f.fix);
    if (fixable.length === 0) break;
    const doc = new LintDocument(current, options.format ?? 'text');
    for (const f of fixable) {
      const e = f.fix as TextEdit;
      // The one rule whose fix edits markup on purpose: it removes its own disable comment.
      if (f.ruleId === UNUSED_DIRECTIVE_RULE_ID) {
        if (!/^<!--\s*gongwen-disable/.test(current.slice(f.start, f.end))) out.push(`${f.ruleId}: reported [${f.start},${f.end}), which is not a disable comment`);
        const foreign = doc.excluded.filter((r) => r.start < Math.max(e.end, e.start + 1) && r.end > e.start && (r.start < f.start || r.end > f.end));
        if (foreign.length > 0) out.push(`${f.ruleId}: fix [${e.start},${e.end}) touches markup other than its comment`);
        removedComments.add(current.slice(f.start, f.end));
        continue;
      }
      if (doc.touchesExcluded(e.start, e.end)) out.push(`${f.ruleId}: fix [${e.start},${e.end}) touches a masked region (code/URL/markup)`);
    }
    const edits = fixesOf(findings);
    const { output, applied } = applyEdits(current, edits);
    checkApplied(current, output, applied, out);
    const reversed = applyEdits(current, [...edits].reverse()).output;
    if (reversed !== output) out.push(`applyEdits depends on the order edits were reported in (${JSON.stringify(edits)})`);
    if (applied.length === 0) {
      const noop = fixable.filter((f) => current.slice(f.fix!.start, f.fix!.end) === f.fix!.text);
      for (const f of noop) out.push(`${f.ruleId}: reports a fix that changes nothing at [${f.fix!.start},${f.fix!.end}) (${JSON.stringify(f.fix!.text)}): a fixable finding the fix never removes`);
      break;
    }
    current = output;
  }
  if (passes === MAX_FIX_PASSES) {
    const left = lint(current, options).findings.filter((f) => f.fix && current.slice(f.fix.start, f.fix.end) !== f.fix.text);
    if (left.length > 0) out.push(`fixes do not converge within ${MAX_FIX_PASSES} passes; still fixable: ${[...new Set(left.map((f) => f.ruleId))].join(', ')}`);
  }
  const remaining = lint(current, options).findings.filter((f) => f.fix && current.slice(f.fix.start, f.fix.end) !== f.fix.text);
  if (passes < MAX_FIX_PASSES && remaining.length > 0) {
    out.push(`after fixing, fixable findings remain: ${remaining.map((f) => `${f.ruleId}@${f.start}`).join(', ')}`);
  }

  const viaRunner = fixText(text, options).output;
  if (viaRunner !== current) out.push('fixText disagrees with applying the fixes pass by pass');
  const twice = fixText(viaRunner, options).output;
  if (twice !== viaRunner) out.push(`fixing twice differs from fixing once: ${JSON.stringify(viaRunner)} → ${JSON.stringify(twice)}`);

  // Masked regions of the input (code, URLs, comments, front matter) survive every fix verbatim.
  const doc0 = new LintDocument(text, options.format ?? 'text');
  for (const r of doc0.excluded) {
    const part = text.slice(r.start, r.end);
    if (!viaRunner.includes(part) && !removedComments.has(part)) out.push(`masked region ${JSON.stringify(part)} was changed by a fix`);
  }
  return out;
}

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

export function splitsPair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset));
}

/** 0-based line and UTF-16 column computed the slow, obvious way (CRLF, CR and LF breaks). */
export function slowPosition(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = text[i];
    if (c === '\r' && text[i + 1] === '\n') {
      if (i + 1 < offset) {
        i++;
        line++;
        lineStart = i + 1;
      }
    } else if (c === '\n' || c === '\r') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: offset - lineStart };
}

function checkFindings(text: string, findings: readonly Finding[], out: string[], when: string): void {
  for (const f of findings) {
    if (f.ruleId === 'internal-error') {
      out.push(`${when}: ${f.message}`);
      continue;
    }
    const ranges: Array<[string, number, number]> = [['range', f.start, f.end]];
    if (f.fix) ranges.push(['fix', f.fix.start, f.fix.end]);
    for (const s of f.suggestions ?? []) ranges.push([`suggestion “${s.title}”`, s.edit.start, s.edit.end]);
    for (const [what, s, e] of ranges) {
      if (!Number.isInteger(s) || !Number.isInteger(e) || s < 0 || e > text.length || s > e) out.push(`${when}: ${f.ruleId}: ${what} [${s},${e}) outside the text (length ${text.length})`);
      else if (splitsPair(text, s) || splitsPair(text, e)) out.push(`${when}: ${f.ruleId}: ${what} [${s},${e}) splits a surrogate pair`);
    }
    if (f.fix && f.fix.text.length > 0) {
      const fixed = text.slice(0, f.fix.start) + f.fix.text + text.slice(f.fix.end);
      if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(fixed) && !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text)) {
        out.push(`${when}: ${f.ruleId}: fix creates a lone surrogate`);
      }
    }
    if (typeof f.message !== 'string' || f.message.trim() === '') out.push(`${when}: ${f.ruleId}: empty message`);
    const s = slowPosition(text, f.start);
    const e = slowPosition(text, f.end);
    if (s.line !== f.line || s.character !== f.column || e.line !== f.endLine || e.character !== f.endColumn) {
      out.push(`${when}: ${f.ruleId}: line/column ${f.line}:${f.column}-${f.endLine}:${f.endColumn} != ${s.line}:${s.character}-${e.line}:${e.character}`);
    }
  }
}

/** Applied edits are sorted and disjoint, and every character outside them is the original's. */
function checkApplied(before: string, after: string, applied: readonly TextEdit[], out: string[]): void {
  let pos = 0;
  let outPos = 0;
  let prev: TextEdit | undefined;
  for (const e of applied) {
    if (e.start < pos || (prev && prev.start === prev.end && e.start === e.end && e.start === prev.start)) {
      out.push(`applyEdits applied overlapping edits ${JSON.stringify(prev)} and ${JSON.stringify(e)}`);
      return;
    }
    const gap = before.slice(pos, e.start);
    if (after.slice(outPos, outPos + gap.length) !== gap) {
      out.push(`text outside fix ranges changed near offset ${pos}`);
      return;
    }
    outPos += gap.length;
    if (after.slice(outPos, outPos + e.text.length) !== e.text) {
      out.push(`fix text not found where applied at ${e.start}`);
      return;
    }
    outPos += e.text.length;
    pos = e.end;
    prev = e;
  }
  if (after.slice(outPos) !== before.slice(pos)) out.push('text after the last fix changed');
}
