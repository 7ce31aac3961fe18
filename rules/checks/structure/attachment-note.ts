import type { Report, Rule } from '../../engine/types';

const BASIS = 'GB/T 9704-2012 7.3.4（附件说明）';

const SPACE = /[ \t\u3000\u00a0\ufeff]/;
/** Punctuation that must not follow an attachment name (a closing bracket or quote is part of the name). */
const END_MARKS = '。；;，,、';

interface Item {
  /** Offset of the number (or of the name when the attachment is not numbered). */
  start: number;
  /** The number as written (1, 2 …), undefined when not numbered. */
  num?: number;
  /** Offset just after the number's dot / mark, where the name starts. */
  nameStart: number;
  /** End of the name, before any trailing punctuation. */
  nameEnd: number;
  /** Mark written after the number: . ． 、 etc. */
  mark?: { start: number; end: number; text: string };
}

/**
 * 附件说明 (GB/T 9704-2012 7.3.4): “附件：” then the attachment names; several attachments are
 * numbered 1. 2. …, one per line and aligned; no punctuation after a name. Only lines that start
 * with 附件 and a colon are read; a list ends at the first line that is not numbered.
 */
export const attachmentNote: Rule = {
  meta: {
    id: 'attachment-note',
    category: 'structure',
    description: '附件说明：“附件”后标全角冒号和附件名称，附件名称后不加标点符号，多个附件用阿拉伯数字加下脚点“1.”编号、分行排列',
    defaultSeverity: 'warn',
    fixable: true,
    basis: BASIS,
    basisLevel: '国标',
    docs: 'rules/docs/attachment-note.md',
  },
  check(ctx) {
    const doc = ctx.doc;
    const prose = doc.prose;
    let p = prose.indexOf('附件');
    while (p !== -1) {
      const next = prose.indexOf('附件', p + 2);
      const colon = prose[p + 2];
      if ((colon === '：' || colon === ':') && atLineStart(prose, p)) checkNote(p);
      p = next;
    }

    function checkNote(at: number): void {
      const reports: Report[] = [];
      const colonAt = at + 2;
      if (prose[colonAt] === ':') {
        reports.push({
          start: colonAt,
          end: colonAt + 1,
          message: '附件说明中“附件”后应标全角冒号“：”（GB/T 9704-2012 7.3.4），不用半角冒号“:”。',
          fix: { start: colonAt, end: colonAt + 1, text: '：' },
        });
      }
      const firstLine = doc.positionAt(at).line;
      const items: Item[] = [];
      // The first item is on the 附件 line itself, possibly followed by more items on the same line.
      let pos = colonAt + 1;
      while (pos < prose.length && SPACE.test(prose[pos])) pos++;
      const lineEnd = doc.lineEnd(firstLine);
      if (pos >= lineEnd) return;
      // Indentation of the first name, for aligning items split off the first line.
      const indent = doc.text.slice(doc.lineStart(firstLine), at) + '\u3000\u3000\u3000' + doc.text.slice(colonAt + 1, pos);
      readItems(pos, lineEnd, items);
      // Further items: following lines that start with the next number.
      for (let li = firstLine + 1; li < doc.lineCount && items.length > 0 && items[items.length - 1].num !== undefined; li++) {
        const ls = doc.lineStart(li);
        const le = doc.lineEnd(li);
        let s = ls;
        while (s < le && SPACE.test(prose[s])) s++;
        if (s >= le) break;
        const before = items.length;
        readItems(s, le, items, true);
        if (items.length === before) break;
      }
      if (items.length === 0) return;

      const numbered = items.filter((it) => it.num !== undefined);
      for (let k = 0; k < items.length; k++) {
        const it = items[k];
        // Punctuation after the name.
        const endMark = prose[it.nameEnd];
        if (endMark !== undefined && END_MARKS.includes(endMark)) {
          const nextOnSameLine = k + 1 < items.length && items[k + 1].start > it.nameEnd && !prose.slice(it.nameEnd, items[k + 1].start).includes('\n');
          if (nextOnSameLine) {
            const eol = doc.text.slice(doc.lineEnd(firstLine), doc.lineEnd(firstLine) + 2).startsWith('\r\n') ? '\r\n' : '\n';
            reports.push({
              start: it.nameEnd,
              end: items[k + 1].start,
              message: `附件名称后不加标点符号，多个附件应分行排列、序号对齐（GB/T 9704-2012 7.3.4），不用“${endMark}”隔开。`,
              fix: { start: it.nameEnd, end: items[k + 1].start, text: eol + indent },
            });
          } else {
            reports.push({
              start: it.nameEnd,
              end: it.nameEnd + 1,
              message: `附件名称后不加标点符号（GB/T 9704-2012 7.3.4），应删去“${endMark}”。`,
              fix: { start: it.nameEnd, end: it.nameEnd + 1, text: '' },
            });
          }
        }
        if (it.mark && it.mark.text !== '.' && it.mark.text !== '．') {
          reports.push({
            start: it.start,
            end: it.mark.end,
            message: `附件序号应使用阿拉伯数字加下脚点，如“附件：1.×××”（GB/T 9704-2012 7.3.4），“${doc.text.slice(it.start, it.mark.end)}”应写作“${it.num}.”。`,
            fix: { start: it.start, end: it.mark.end, text: `${it.num}.` },
          });
        }
      }
      // Numbering: 1, 2, 3 … without gaps or repeats.
      if (numbered.length >= 2 || (numbered.length === 1 && numbered[0].num !== 1)) {
        for (let k = 0; k < numbered.length; k++) {
          if (numbered[k].num !== k + 1) {
            const it = numbered[k];
            reports.push({
              start: it.start,
              end: it.mark ? it.mark.end : it.nameStart,
              message: `附件序号应从 1 起依次编排（GB/T 9704-2012 7.3.4），第 ${k + 1} 个附件的序号写成了“${it.num}”，请核对附件序号与附件页上的“附件${k + 1}”是否一致。`,
            });
            break;
          }
        }
      }
      reports.sort((a, b) => a.start - b.start);
      for (const r of reports) ctx.report(r);
    }

    /** Reads numbered items (1.名称；2.名称) or one unnumbered name in [s, e). */
    function readItems(s: number, e: number, items: Item[], numberedOnly = false): void {
      let pos = s;
      while (pos < e) {
        const m = /^([0-9]{1,2})([.．、]|[)）])?/.exec(prose.slice(pos, Math.min(e, pos + 4)));
        let num: number | undefined;
        let mark: Item['mark'];
        let nameStart = pos;
        // A number counts as an item number only with a mark, and not as the start of a year (1.2019年…).
        if (m && m[2] !== undefined && !(m[2] === '.' && /[0-9]/.test(prose[pos + m[0].length] ?? ''))) {
          num = Number(m[1]);
          const ms = pos + m[1].length;
          mark = { start: ms, end: ms + m[2].length, text: m[2] };
          nameStart = ms + m[2].length;
        } else if (/^[（(]([0-9]{1,2})[）)]/.test(prose.slice(pos, pos + 4))) {
          const mm = /^[（(]([0-9]{1,2})[）)]/.exec(prose.slice(pos, pos + 4))!;
          num = Number(mm[1]);
          mark = { start: pos, end: pos + mm[0].length, text: mm[0] };
          nameStart = pos + mm[0].length;
        } else if (numberedOnly || items.length > 0) {
          return;
        }
        if (num !== undefined && items.length > 0 && items[items.length - 1].num === undefined) return;
        // The name runs to the next ；/; followed by the next number, or to the end of the line.
        let nameEnd = e;
        let nextItem = -1;
        for (let q = nameStart; q < e; q++) {
          const c = prose[q];
          if ((c === '；' || c === ';' || c === '，' || c === '、' || c === '。') && num !== undefined) {
            let r = q + 1;
            while (r < e && SPACE.test(prose[r])) r++;
            if (new RegExp(`^${num + 1}[.．、)）]`).test(prose.slice(r, r + 4)) || /^[（(][0-9]{1,2}[）)]/.test(prose.slice(r, r + 4))) {
              nameEnd = q;
              nextItem = r;
              break;
            }
          }
        }
        if (nextItem === -1) {
          // Trim trailing spaces; the name's last character may be a mark to report.
          while (nameEnd > nameStart && SPACE.test(prose[nameEnd - 1])) nameEnd--;
          if (nameEnd > nameStart && END_MARKS.includes(prose[nameEnd - 1])) nameEnd--;
        }
        if (nameEnd <= nameStart) return;
        const itemStart = mark && mark.text.startsWith('（') ? mark.start : mark && mark.text.startsWith('(') ? mark.start : pos;
        items.push({ start: itemStart, num, nameStart, nameEnd, mark: mark && (mark.text.startsWith('（') || mark.text.startsWith('(')) ? { ...mark, text: '()' } : mark });
        if (nextItem === -1) return;
        pos = nextItem;
      }
    }
  },
};

function atLineStart(prose: string, p: number): boolean {
  let b = p - 1;
  while (b >= 0 && SPACE.test(prose[b])) b--;
  return b < 0 || prose[b] === '\n' || prose[b] === '\r';
}
