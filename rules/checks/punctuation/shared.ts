import type { LintDocument, Range } from '../../engine/document';
import { codePointAt, codePointBefore, isAsciiLetter, isCjkPunctuation, isHan } from '../../engine/chars';

/** Helpers shared by the punctuation rules (not a rule). */

export function isHanAt(text: string, offset: number): boolean {
  const cp = codePointAt(text, offset);
  return cp !== undefined && isHan(cp);
}

export function isHanBefore(text: string, offset: number): boolean {
  const cp = codePointBefore(text, offset);
  return cp !== undefined && isHan(cp);
}

/** Han character or full-width punctuation just before `offset`. */
export function isChineseBefore(text: string, offset: number): boolean {
  return isHanBefore(text, offset) || isCjkPunctuation(text[offset - 1] ?? '');
}

export function isChineseAt(text: string, offset: number): boolean {
  return isHanAt(text, offset) || isCjkPunctuation(text[offset] ?? '');
}

/** Length in code units of the character that ends at `offset` (2 for astral characters). */
export function charLengthBefore(text: string, offset: number): number {
  const cp = codePointBefore(text, offset);
  return cp !== undefined && cp > 0xffff ? 2 : 1;
}

/** 1-based line and column of an offset, for messages that point at a partner mark. */
export function where(doc: LintDocument, offset: number): string {
  const p = doc.positionAt(offset);
  return `第${p.line + 1}行第${p.character + 1}列`;
}

/** Offset after the leading indentation of a line (ASCII spaces, tabs, U+3000, NBSP). */
export function indentEnd(text: string, line: Range): number {
  let i = line.start;
  while (i < line.end && /[ \t\u3000\u00a0]/.test(text[i])) i++;
  return i;
}

/**
 * Ranges of quotations “…” and ‘…’ on each line (innermost and outermost alike), used by rules
 * that treat quoted material (examples, templates) more leniently.
 */
export function quotedRanges(text: string, doc: LintDocument): Range[] {
  const out: Range[] = [];
  for (const line of doc.lines()) {
    const stack: { ch: string; at: number }[] = [];
    for (let i = line.start; i < line.end; i++) {
      const c = text[i];
      if (c === '“' || c === '‘' || c === '「' || c === '『') stack.push({ ch: c, at: i });
      else if (c === '”' || c === '’' || c === '」' || c === '』') {
        const want = c === '”' ? '“' : c === '’' ? '‘' : c === '」' ? '「' : '『';
        for (let k = stack.length - 1; k >= 0; k--) {
          if (stack[k].ch === want) {
            out.push({ start: stack[k].at, end: i + 1 });
            stack.length = k;
            break;
          }
        }
      }
    }
  }
  return out;
}

export function inAny(ranges: readonly Range[], start: number, end: number): boolean {
  for (const r of ranges) if (r.start <= start && end <= r.end) return true;
  return false;
}

/** Paired marks, closer → opener (a half-width `)` closes a （ as well). */
export const OPEN_OF: Readonly<Record<string, string>> = { '”': '“', '’': '‘', '》': '《', '〉': '〈', '）': '（', ')': '（', '】': '【', '〕': '〔' };
/** Paired marks, opener → closer. */
export const CLOSE_OF: Readonly<Record<string, string>> = { '“': '”', '‘': '’', '《': '》', '〈': '〉', '（': '）', '【': '】', '〔': '〕' };

/** An apostrophe typed as ’ in English (don’t): not a closing quote. */
export function isApostrophe(text: string, offset: number): boolean {
  return text[offset] === '’' && isAsciiLetter(text[offset - 1]) && isAsciiLetter(text[offset + 1]);
}
