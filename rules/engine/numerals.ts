/**
 * Chinese numerals as they appear in 公文 numbering (一 … 九十九) and in dates written the
 * GB/T 9704-1999 way (二〇一九年十二月十三日). Shared by the structure rules and the reference date.
 */

const DIGITS: Record<string, number> = {
  〇: 0, 零: 0, '○': 0, Ｏ: 0, O: 0, '０': 0, '0': 0,
  一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** Characters of a counting numeral (一 … 九十九). */
export const CN_NUMERAL_CLASS = '一二三四五六七八九十';

/**
 * Value of a counting numeral from 一 to 九十九 (十, 十一, 二十, 二十六); undefined when the
 * string is not one (e.g. 十十, 一十一 is accepted as 11, 两 only alone).
 */
export function parseCnNumber(s: string): number | undefined {
  if (s.length === 0 || s.length > 3) return undefined;
  if (s === '两') return 2;
  const ten = s.indexOf('十');
  if (ten === -1) {
    if (s.length !== 1) return undefined;
    const d = DIGITS[s];
    return d !== undefined && d > 0 ? d : undefined;
  }
  if (s.indexOf('十', ten + 1) !== -1) return undefined;
  const head = s.slice(0, ten);
  const tail = s.slice(ten + 1);
  let tens = 1;
  if (head.length > 0) {
    const d = head.length === 1 ? DIGITS[head] : undefined;
    if (d === undefined || d < 1) return undefined;
    tens = d;
  }
  let units = 0;
  if (tail.length > 0) {
    const d = tail.length === 1 ? DIGITS[tail] : undefined;
    if (d === undefined || d < 1) return undefined;
    units = d;
  }
  return tens * 10 + units;
}

/** 1 → 一, 10 → 十, 26 → 二十六 (1 … 99). */
export function formatCnNumber(n: number): string {
  const names = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n < 10) return names[n];
  const tens = Math.floor(n / 10);
  const units = n % 10;
  return (tens === 1 ? '' : names[tens]) + '十' + names[units];
}

/** A year written digit by digit in Chinese (二〇一九, 二○一九, 二零一九); undefined otherwise. */
export function parseCnYear(s: string): number | undefined {
  if (s.length !== 4) return undefined;
  let v = 0;
  for (const ch of s) {
    const d = DIGITS[ch];
    if (d === undefined) return undefined;
    v = v * 10 + d;
  }
  return v;
}

/** Half-width value of ASCII or full-width digits; undefined for anything else. */
export function parseDigits(s: string): number | undefined {
  if (!/^[0-9０-９]+$/.test(s)) return undefined;
  let v = 0;
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    v = v * 10 + (c >= 0xff10 ? c - 0xff10 : c - 48);
  }
  return v;
}
