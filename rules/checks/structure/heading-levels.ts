import type { Report, Rule, RuleContext } from '../../engine/types';
import { contentStart, headingMarkerAt, isArticleHeading, isAttachmentLine, markerText, type HeadingLevel, type HeadingMarker } from './headings';

const BASIS = 'GB/T 9704-2012 7.3.3（结构层次序数依次可以用“一、”“（一）”“1.”“（1）”标注）；GB/T 15834-2011 4.5.3.3（序次语后的顿号）';

const LEVEL_NAMES = ['', '第一层', '第二层', '第三层', '第四层'];

type Style = 'restart' | 'continuous';

/**
 * Structure numbering of 公文 headings (一、 → （一） → 1. → （1））: wrong marker forms, skipped
 * levels, gaps, duplicates and order, and sub-levels that restart under some parents but run
 * on through the document under others. Numbering restarts at 第X条/第X章 and at 附件, and a
 * first-level heading that starts again at 一、 opens a new part (an attached plan, a second
 * document), so neither is a duplicate.
 */
export const headingLevels: Rule = {
  meta: {
    id: 'heading-levels',
    category: 'structure',
    description: '结构层次序数应依次用“一、”“（一）”“1.”“（1）”，编号连续、不重复、不跳层',
    defaultSeverity: 'warn',
    fixable: true,
    basis: BASIS,
    basisLevel: '标准推荐',
    docs: 'rules/docs/heading-levels.md',
  },
  check(ctx) {
    const doc = ctx.doc;
    const prose = doc.prose;
    interface Item {
      kind: 'heading';
      marker: HeadingMarker;
    }
    interface Reset {
      kind: 'reset';
    }
    const items: Array<Item | Reset> = [];
    let inFence = false;
    for (const line of doc.lines()) {
      if (doc.format === 'markdown' && /^\s{0,3}(```|~~~)/.test(doc.text.slice(line.start, line.end))) {
        inFence = !inFence;
        continue;
      }
      if (inFence) continue;
      const at = contentStart(doc, line);
      if (at >= line.end) continue;
      if (isArticleHeading(prose, at) || isAttachmentLine(prose, at)) {
        items.push({ kind: 'reset' });
        continue;
      }
      const marker = headingMarkerAt(prose, at, line.end);
      if (!marker) continue;
      items.push({ kind: 'heading', marker });
      // A run-in sub-heading on the same line (1.公路。（1）国道。) opens the next level.
      const rest = prose.slice(marker.end, line.end);
      const re = /[。：:；]\s*(?=[（(])/g;
      for (let m = re.exec(rest); m; m = re.exec(rest)) {
        const at2 = marker.end + m.index + m[0].length;
        const inner = headingMarkerAt(prose, at2, line.end);
        if (inner && inner.level > marker.level && !inner.wrongForm) {
          items.push({ kind: 'heading', marker: inner });
          break;
        }
      }
    }
    if (items.length === 0) return;

    // Parts: a reset or a first-level heading that starts again at 一、 opens a new part.
    const parts: HeadingMarker[][] = [[]];
    let lastL1 = 0;
    for (const it of items) {
      if (it.kind === 'reset') {
        parts.push([]);
        lastL1 = 0;
        continue;
      }
      const m = it.marker;
      if (m.level === 1 && m.value === 1 && lastL1 > 0) parts.push([]);
      if (m.level === 1) lastL1 = m.value;
      parts[parts.length - 1].push(m);
    }
    for (const part of parts) checkPart(ctx, part);
  },
};

function checkPart(ctx: RuleContext, part: HeadingMarker[]): void {
  if (part.length === 0) return;
  const used = new Set<number>(part.map((m) => m.level));
  const inScope = [0, 0, 0, 0, 0];
  const lastGlobal = [0, 0, 0, 0, 0];
  const parentOf = [0, 0, 0, 0, 0];
  const lastInPart = [0, 0, 0, 0, 0];
  const mixReported = [false, false, false, false, false];
  // Skipped levels are reported once per parent heading, at its first child.
  let skipReportedFor: HeadingMarker | undefined;
  const openHeading: Array<HeadingMarker | undefined> = [];
  const style: Array<{ style: Style; marker: HeadingMarker } | undefined> = [];
  const report = (r: Report): void => ctx.report(r);

  for (const m of part) {
    const k = m.level;
    if (m.wrongForm) {
      report({
        start: m.start,
        end: m.end,
        message: `${LEVEL_NAMES[k]}结构层次序数应写作“${m.canonical}”，此处为“${m.written}”。依据 GB/T 9704-2012 7.3.3：序数依次用“一、”“（一）”“1.”“（1）”，括号用全角，“（一）”“（1）”后不再加标点，“1.”用下脚点。`,
        fix: { start: m.start, end: m.end, text: m.canonical },
      });
    }

    // Skipped level: the nearest open parent is two or more levels up, and the document does use
    // the level in between elsewhere (a two-level document may go 一、 → 1.).
    let parent = 0;
    for (let j = k - 1; j >= 1; j--) {
      if (inScope[j] > 0) {
        parent = j;
        break;
      }
    }
    if (parent > 0 && parent < k - 1 && skipReportedFor !== openHeading[parent]) {
      const missing: HeadingLevel[] = [];
      for (let l = parent + 1; l < k; l++) if (used.has(l)) missing.push(l as HeadingLevel);
      if (missing.length > 0) {
        const mid = missing[0];
        skipReportedFor = openHeading[parent];
        report({
          start: m.start,
          end: m.end,
          // Official texts do put 1. straight under 一、 in sections without （一）: only a hint.
          severity: 'info',
          message: `“${m.written}”（${LEVEL_NAMES[k]}）直接出现在“${markerText(parent as HeadingLevel, inScope[parent])}”（${LEVEL_NAMES[parent]}）之下，跳过了${LEVEL_NAMES[mid]}，而本文其他地方用了${LEVEL_NAMES[mid]}“${markerText(mid, 1)}”。GB/T 9704-2012 7.3.3 规定层次序数依次使用；请补上${LEVEL_NAMES[mid]}或调整层级（本节其余同级序数不再逐一提示）。`,
        });
      }
    }

    const name = (v: number): string => markerText(k, v);
    const prev = inScope[k];
    if (prev > 0) {
      if (m.value === prev + 1 || m.value === 1) {
        // In order, or a new list starting again at 1 under the same parent.
      } else if (m.value === prev) {
        report({ start: m.start, end: m.end, message: `${LEVEL_NAMES[k]}序数“${name(m.value)}”重复：上一个同级序数也是“${name(prev)}”，此处应为“${name(prev + 1)}”。结构层次序数应连续、不重复（GB/T 9704-2012 7.3.3）。` });
      } else if (m.value < prev) {
        report({ start: m.start, end: m.end, message: `${LEVEL_NAMES[k]}序数顺序颠倒：“${name(prev)}”之后出现“${name(m.value)}”，此处应为“${name(prev + 1)}”。结构层次序数应依次递增（GB/T 9704-2012 7.3.3）。` });
      } else {
        report({ start: m.start, end: m.end, message: `${LEVEL_NAMES[k]}序数不连续：“${name(prev)}”之后应为“${name(prev + 1)}”，此处为“${name(m.value)}”，中间缺少 ${m.value - prev - 1} 个。请检查是否漏写或编错序号（GB/T 9704-2012 7.3.3）。` });
      }
    } else if (parent > 0 && k > 1) {
      // First heading of this level under a new parent: restart at 1, or run on from the last one.
      const docLast = lastInPart[k];
      const last = lastGlobal[k] > 0 ? lastGlobal[k] : docLast;
      let got: Style | undefined;
      if (lastGlobal[k] === 0) {
        // First of its level in this grandparent section: 1, or running on through the document.
        if (docLast > 0 && m.value === docLast + 1) got = 'continuous';
        else if (m.value !== 1) {
          report({ start: m.start, end: m.end, message: `“${markerText(parent as HeadingLevel, inScope[parent])}”下的第一个${LEVEL_NAMES[k]}序数应为“${name(1)}”，此处为“${name(m.value)}”。请检查是否漏写或编错序号（GB/T 9704-2012 7.3.3）。` });
        }
      } else if (m.value === 1) got = 'restart';
      else if (m.value === last + 1) got = 'continuous';
      else {
        const expected = style[k]?.style === 'restart' ? `“${name(1)}”` : style[k]?.style === 'continuous' ? `“${name(last + 1)}”` : `“${name(1)}”（每个上级标题下重新编号）或“${name(last + 1)}”（全文连续编号）`;
        report({ start: m.start, end: m.end, message: `${LEVEL_NAMES[k]}序数不连续：新的上级标题“${markerText(parent as HeadingLevel, inScope[parent])}”下第一个序数应为${expected}，此处为“${name(m.value)}”（上一个同级序数是“${name(last)}”）。请检查是否漏写或编错序号（GB/T 9704-2012 7.3.3）。` });
      }
      if (got) {
        const seen = style[k];
        if (!seen) style[k] = { style: got, marker: m };
        else if (seen.style !== got && !mixReported[k]) {
          mixReported[k] = true;
          const pos = ctx.doc.positionAt(seen.marker.start).line + 1;
          const was = seen.style === 'restart' ? '在每个上级标题下重新从1编号' : '全文连续编号';
          const now = got === 'restart' ? '又重新从1编号' : '却接续上文连续编号';
          report({
            start: m.start,
            end: m.end,
            message: `${LEVEL_NAMES[k]}序数编号方式前后不一：前文（第${pos}行“${seen.marker.written}”起）${was}，此处“${m.written}”${now}。两种方式都可以，但全文应统一；请按前文方式改为“${seen.style === 'restart' ? name(1) : name(last + 1)}”并顺延后续序数（本层其余不一致处不再逐一提示）。`,
          });
        }
      }
    }
    inScope[k] = m.value;
    openHeading[k] = m;
    lastGlobal[k] = m.value;
    lastInPart[k] = m.value;
    for (let j = k + 1; j <= 4; j++) inScope[j] = 0;
    parentOf[k] = parent;
    // Continuous numbering of a level runs within its grandparent: 1. may run on across the
    // （一）s of one 一、 section and start again in the next section; 1. placed straight under
    // 一、 may run on through the whole document.
    for (let j = k + 1; j <= 4; j++) {
      if (parentOf[j] > 0 && k < parentOf[j]) {
        lastGlobal[j] = 0;
        style[j] = undefined;
      }
    }
  }
}
