import type { TextEdit } from './types';

export interface AppliedFixes {
  output: string;
  applied: TextEdit[];
  /** Edits left out because they overlapped an earlier one; a later pass may apply them. */
  skipped: TextEdit[];
}

/**
 * Applies non-overlapping edits in one pass. Edits are sorted by position; an edit that overlaps
 * (or, for two insertions, shares the position of) one already taken is skipped, so the result
 * never depends on the order rules reported in. Shared by the CLI and the editor's fix-all.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): AppliedFixes {
  // Ties (same range, different text) are broken by the text, so report order never decides.
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
  const applied: TextEdit[] = [];
  const skipped: TextEdit[] = [];
  let lastEnd = -1;
  let lastStart = -1;
  for (const e of sorted) {
    if (e.start < 0 || e.end > text.length || e.start > e.end) {
      skipped.push(e);
      continue;
    }
    const overlaps = e.start < lastEnd || (e.start === lastStart && e.start === lastEnd) || (e.start === e.end && e.start === lastStart);
    if (overlaps) {
      skipped.push(e);
      continue;
    }
    if (text.slice(e.start, e.end) === e.text) continue; // no-op edit
    applied.push(e);
    lastEnd = e.end;
    lastStart = e.start;
  }
  const parts: string[] = [];
  let pos = 0;
  for (const e of applied) {
    parts.push(text.slice(pos, e.start), e.text);
    pos = e.end;
  }
  parts.push(text.slice(pos));
  return { output: parts.join(''), applied, skipped };
}

/** Passes of lint → fix before giving up; fixes that keep producing new fixes are a rule bug. */
export const MAX_FIX_PASSES = 10;

/**
 * Fixes until nothing fixable is left (or MAX_FIX_PASSES): overlapping fixes skipped in one pass
 * are re-found and applied in the next.
 */
export function fixUntilStable(text: string, collect: (text: string) => TextEdit[]): { output: string; passes: number; fixed: number } {
  let current = text;
  let fixed = 0;
  let passes = 0;
  for (; passes < MAX_FIX_PASSES; passes++) {
    const edits = collect(current);
    if (edits.length === 0) break;
    const { output, applied } = applyEdits(current, edits);
    if (applied.length === 0) break;
    fixed += applied.length;
    current = output;
  }
  return { output: current, passes, fixed };
}
