import type { ReferenceDate } from './types';
import { isRealDate } from './config';
import { parseCnNumber, parseCnYear, parseDigits } from './numerals';

/**
 * The date that time-sensitive formulations are judged against, in order of authority:
 * an explicit date (--date, config, editor setting), the document's own 成文日期 (a line that is
 * only a date, near the end), a full date in the opening lines (a speech's
 * “——2022年3月5日在……上”), a year in the opening (a title such as 2022年度工作推进动员大会, or the
 * 发文字号 国发〔2019〕28号), else today.
 *
 * A year alone is judged at 1 January of that year: a document about 2022 may have been written
 * on any day of it, and the earliest day reports nothing that was still right then.
 */
export function resolveReferenceDate(text: string, explicit: string | undefined, today: Date = new Date()): ReferenceDate {
  if (explicit && isRealDate(explicit)) return { iso: explicit, origin: `指定日期 ${explicit}` };
  const lines = text.split(/\r\n|\r|\n/);
  const signed = findSigningDate(lines);
  if (signed) return { iso: signed, origin: `文中成文日期 ${signed}` };
  const opening = findOpeningDate(lines);
  if (opening) return { iso: opening, origin: `文首日期 ${opening}` };
  const year = findOpeningYear(text);
  if (year) return { iso: `${year}-01-01`, origin: `文首年份 ${year}年（按该年1月1日）` };
  const iso = today.toISOString().slice(0, 10);
  return { iso, origin: `今天 ${iso}` };
}

/**
 * A full date near the top: a speech's “——2022年3月5日在……上” or “（2022年3月5日）” on one of the
 * first lines, or a line that is only a date among the first eight (a 国务院令 is signed above
 * the text it promulgates).
 */
function findOpeningDate(allLines: readonly string[]): string | undefined {
  const lines: string[] = [];
  for (const l of allLines) {
    if (l.trim() === '') continue;
    lines.push(l);
    if (lines.length === 8) break;
  }
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const lead = i < 4 ? /^[\s\u3000\ufeff]*(?:——|—|（|\()\s*([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日/.exec(l) : null;
    const only = DATE_LINE.exec(l);
    const m = lead ?? (only && /^[0-9]+$/.test(only[1]) ? only : null);
    if (!m) continue;
    const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
    if (isRealDate(iso)) return iso;
  }
  return undefined;
}

const DATE_LINE = /^[\s\u3000]*([0-9]{4}|[〇○零一二三四五六七八九]{4})年([0-9]{1,2}|[一二三四五六七八九十]{1,3})月([0-9]{1,2}|[一二三四五六七八九十]{1,3})日[\s\u3000]*$/;

function findSigningDate(lines: readonly string[]): string | undefined {
  // The 成文日期 stands at the end, before 附注/附件 lines at most.
  for (let i = lines.length - 1, seen = 0; i >= 0 && seen < 12; i--) {
    if (lines[i].trim() === '') continue;
    seen++;
    const m = DATE_LINE.exec(lines[i]);
    if (!m) continue;
    const y = toNumber(m[1]);
    const mo = toNumber(m[2]);
    const d = toNumber(m[3]);
    if (y === undefined || mo === undefined || d === undefined) continue;
    const iso = `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    if (isRealDate(iso)) return iso;
  }
  return undefined;
}

/** A year in the title or first sentence (市人大2022年度工作推进动员大会), or a 发文字号 year (国发〔2019〕28号). */
function findOpeningYear(text: string): number | undefined {
  const opening = text.slice(0, 200);
  // A period in a title (规划(2016—2020年)) was written at its start, not its end.
  const m =
    /((?:19|20)[0-9]{2})\s*[—–\-－~～至]+\s*(?:19|20)[0-9]{2}年/.exec(opening) ??
    /((?:19|20)[0-9]{2})年/.exec(opening) ??
    /〔((?:19|20)[0-9]{2})〕/.exec(opening);
  return m ? Number(m[1]) : undefined;
}

/** Year, month or day of a date line, in Arabic or Chinese numerals. */
function toNumber(s: string): number | undefined {
  return parseDigits(s) ?? parseCnYear(s) ?? parseCnNumber(s);
}
