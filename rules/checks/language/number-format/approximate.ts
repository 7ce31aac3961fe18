import type { RuleContext } from '../../../engine/types';
import { isAsciiDigit, isAsciiLetter } from '../../../engine/chars';
import { report, roundToChinese } from './shared';

/**
 * 10几天 → 十几天, 几10个 → 几十个: an approximate number with 几 is written in Chinese numerals
 * (据 GB/T 15835-2011 4.2.2: 十几、几百、几万分之一). Called for a run of ASCII digits [start, end)
 * with 几 right after it or right before it. Only round numbers (10, 20, 300, 1000) have one
 * mechanical Chinese form; anything else (25几, 几15) is left alone.
 */
export function approximateWithJi(ctx: RuleContext, text: string, start: number, end: number): void {
  const digits = text.slice(start, end);
  if (text[end] === '几') {
    // 10几乎 / 3几何: 几 starts another word.
    const after = text[end + 1];
    if (after === '乎' || after === '何') return;
    if (text[start - 1] === '.' || isAsciiLetter(text[start - 1]) || text[start - 1] === '几') return;
    const cn = roundToChinese(digits);
    if (!cn) return;
    const unit = text[end + 1] ?? '';
    report(ctx, {
      start,
      end: end + 1,
      message: `“${digits}几${unit}”是带“几”的概数，应使用汉字数字（据 GB/T 15835-2011 4.2.2，示例“十几”“几百”“几万分之一”）。请改为“${cn}几${unit}”。`,
      fix: { start, end, text: cn },
    });
    return;
  }
  if (text[start - 1] === '几') {
    const next = text[end];
    if (next === '.' || isAsciiDigit(next) || isAsciiLetter(next) || next === '%' || next === '％') return;
    // 几10, 几100, 几1000 → 几十, 几百, 几千 (a 万/亿 after it stays: 几10万 → 几十万).
    if (!/^10{1,3}$/.test(digits)) return;
    const cn = '十百千'[digits.length - 2];
    report(ctx, {
      start: start - 1,
      end,
      message: `“几${digits}”是带“几”的概数，应使用汉字数字（据 GB/T 15835-2011 4.2.2，示例“十几”“几百”“几万分之一”）。请改为“几${cn}”。`,
      fix: { start, end, text: cn },
    });
  }
}

const DECREASE = /(下降|降低|减少|缩小|减小|缩减|缩短|压缩|减轻|下跌)(了)?(约|近|超过|将近)?([0-9]+(?:\.[0-9]+)?|[一二三四五六七八九十两]+(?:点[一二三四五六七八九〇零]+)?)$/;

/**
 * 下降了3倍: 倍 expresses growth; a decrease by several times is read in two ways and a decrease of
 * "3 times" cannot be computed at all. Editorial practice (the catalogue marks it K, unverified;
 * GB/T 15835-2011 has no clause on it), so only a hint without a fix. Called at each 倍.
 */
export function decreaseByTimes(ctx: RuleContext, text: string, at: number): void {
  const before = text.slice(Math.max(0, at - 12), at);
  const m = DECREASE.exec(before);
  if (!m) return;
  const start = at - m[0].length;
  const phrase = `${m[0]}倍`;
  report(
    ctx,
    {
      start,
      end: at + 1,
      message: `“${phrase}”用“倍”表示减少，含义不清：按编辑实务，“倍”一般只用于增加，表示减少宜用百分数、分数或“成”（GB/T 15835-2011 对此无条款，仅为提示）。请核实原意，改为“下降了75%”“降为原来的四分之一”一类写法。`,
    },
    'info',
  );
}
