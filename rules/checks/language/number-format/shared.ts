import type { Report, RuleContext, Severity } from '../../../engine/types';
import { codePointAt, codePointBefore, isChineseChar, isHan } from '../../../engine/chars';
import { formatCnNumber } from '../../../engine/numerals';

/** Helpers shared by the number-format sub-check modules. */

export function report(ctx: RuleContext, r: Report, severity?: Severity): void {
  ctx.report(severity ? { ...r, severity } : r);
}

/**
 * A round number d × 10^k (d 1–9, k 1–3) in Chinese numerals: 10 → 十, 20 → 二十, 300 → 三百,
 * 1000 → 一千; undefined for anything else (25, 110…).
 */
export function roundToChinese(digits: string): string | undefined {
  if (!/^[1-9]0{1,3}$/.test(digits)) return undefined;
  const d = Number(digits[0]);
  const k = digits.length - 1;
  if (k === 1 && d === 1) return '十';
  return formatCnNumber(d) + '十百千'[k - 1];
}

/** 1 → 一 … 99 → 九十九; undefined outside 1–99 or with a leading zero. */
export function smallToChinese(digits: string): string | undefined {
  return /^[1-9][0-9]?$/.test(digits) ? formatCnNumber(Number(digits)) : undefined;
}

/** A Han character or full-width punctuation right before `at` (astral-safe). */
export function chineseBefore(text: string, at: number): boolean {
  return isChineseChar(codePointBefore(text, at));
}

/** A Han character or full-width punctuation at `at` (astral-safe). */
export function chineseAt(text: string, at: number): boolean {
  return isChineseChar(codePointAt(text, at));
}

/** The clause that ends at `at`: back to the previous 。；！？，、 or line break, at most `max` characters. */
export function clauseBefore(text: string, at: number, max: number): string {
  let j = at;
  const stop = Math.max(0, at - max);
  while (j > stop && !'。；！？，\n\r'.includes(text[j - 1])) j--;
  return text.slice(j, at);
}

/** A Han character at `at` (astral-safe). */
export function hanAt(text: string, at: number): boolean {
  const cp = codePointAt(text, at);
  return cp !== undefined && isHan(cp);
}
