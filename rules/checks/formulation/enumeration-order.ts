import type { Rule, RuleContext } from '../../engine/types';
import type { CompiledDictionaries, DictionaryEntry } from '../../engine/dictionary-types';
import type { LintDocument } from '../../engine/document';
import { displaySource, documentMatches, literalIndex } from './scanner';

/**
 * Fixed-order sets written out (`kind: enumeration`): 政治意识、大局意识、核心意识、看齐意识 …
 *
 * A list is a chain of members joined by 、，和 与 及 以及 within one line. All members present in
 * another order → error, fixed by pure reordering (the separators stay where they are). One member
 * missing, or replaced by something else, is only reported when the set's name (四个意识) stands
 * next to the list, because a partial list can be the writer's own; no fix then, a suggestion when
 * exactly one member was replaced.
 */
// 与 is left out on purpose: “法治社会与法治国家、法治政府” puts one item in focus, it is no list.
const SEP = '(?:、|，|,|；|和|及|以及|、和|，和|，以及)';
const SEP_ONLY = new RegExp(`^${SEP}$`);
const FOREIGN_INSIDE = new RegExp(`^${SEP}([\\u4e00-\\u9fff]{1,12})${SEP}$`);
const FOREIGN_AFTER = new RegExp(`^${SEP}([\\u4e00-\\u9fff]{1,12}?)(?=等|的|[^\\u4e00-\\u9fff]|$)`);
const NAME_WINDOW = 30;

interface Occ {
  start: number;
  end: number;
  member: number;
}

interface Chain {
  occs: Occ[];
  foreign?: { start: number; end: number; text: string };
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function memberRegex(dicts: CompiledDictionaries, entry: DictionaryEntry): RegExp {
  let map = dicts.cache.get('formulation:enum') as Map<DictionaryEntry, RegExp> | undefined;
  if (!map) {
    map = new Map();
    dicts.cache.set('formulation:enum', map);
  }
  let re = map.get(entry);
  if (!re) {
    const members = [...(entry.members ?? [])].sort((a, b) => b.length - a.length).map(escape);
    re = new RegExp(members.join('|'), 'g');
    map.set(entry, re);
  }
  return re;
}

type Range = { start: number; end: number };
const candidateCache = new WeakMap<LintDocument, { dicts: CompiledDictionaries; byEntry: Map<DictionaryEntry, Range[]> }>();

/**
 * The pre-filter of every set at once: per set, the paragraphs that contain at least two of its
 * distinct members, in paragraph order — one Aho–Corasick pass over the prose per document instead
 * of a substring search per member, set and paragraph.
 */
function candidateParagraphs(doc: LintDocument, dicts: CompiledDictionaries): Map<DictionaryEntry, Range[]> {
  const cached = candidateCache.get(doc);
  if (cached && cached.dicts === dicts) return cached.byEntry;
  const { memberBase, memberOwners } = literalIndex(dicts);
  const paras = doc.paragraphs();
  // Per paragraph index: per set, the distinct members seen.
  const seen = new Map<number, Map<DictionaryEntry, Set<number>>>();
  let p = 0;
  // Matches come ordered by end offset, so the paragraph pointer only moves forward. The
  // members are matched in the dictionary rules' automaton pass (one pass per document).
  for (const m of documentMatches(doc, dicts)) {
    if (m.needle < memberBase) continue;
    while (p < paras.length && paras[p].end < m.end) p++;
    if (p >= paras.length) break;
    if (paras[p].start > m.start) continue; // not inside one paragraph
    let perEntry = seen.get(p);
    if (!perEntry) seen.set(p, (perEntry = new Map()));
    for (const o of memberOwners[m.needle - memberBase]) {
      let set = perEntry.get(o.entry);
      if (!set) perEntry.set(o.entry, (set = new Set()));
      set.add(o.member);
    }
  }
  const byEntry = new Map<DictionaryEntry, Range[]>();
  for (const pi of [...seen.keys()].sort((a, b) => a - b)) {
    for (const [entry, members] of seen.get(pi) as Map<DictionaryEntry, Set<number>>) {
      if (members.size < 2) continue;
      let list = byEntry.get(entry);
      if (!list) byEntry.set(entry, (list = []));
      list.push(paras[pi]);
    }
  }
  candidateCache.set(doc, { dicts, byEntry });
  return byEntry;
}

function chainsIn(text: string, lineStart: number, line: string, re: RegExp, members: string[]): Chain[] {
  const occs: Occ[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(line); m; m = re.exec(line)) occs.push({ start: lineStart + m.index, end: lineStart + m.index + m[0].length, member: members.indexOf(m[0]) });
  const chains: Chain[] = [];
  let cur: Chain | undefined;
  for (const o of occs) {
    if (cur) {
      const last = cur.occs[cur.occs.length - 1];
      const gap = text.slice(last.end, o.start);
      if (SEP_ONLY.test(gap)) {
        cur.occs.push(o);
        continue;
      }
      const f = FOREIGN_INSIDE.exec(gap);
      if (f && !cur.foreign) {
        const fs = last.end + gap.indexOf(f[1]);
        cur.foreign = { start: fs, end: fs + f[1].length, text: f[1] };
        cur.occs.push(o);
        continue;
      }
      chains.push(cur);
    }
    cur = { occs: [o] };
  }
  if (cur) chains.push(cur);
  return chains;
}

function nameNear(text: string, lineStart: number, lineEnd: number, start: number, end: number, names: string[]): boolean {
  const around = text.slice(Math.max(lineStart, start - NAME_WINDOW), start) + '\u0000' + text.slice(end, Math.min(lineEnd, end + NAME_WINDOW));
  return names.some((n) => around.includes(n));
}

function checkEntry(ctx: RuleContext, entry: DictionaryEntry): void {
  const members = entry.members ?? [];
  const names = entry.names ?? [];
  const n = members.length;
  if (n < 3) return;
  const text = ctx.doc.prose;
  const re = memberRegex(ctx.dictionaries, entry);
  const canonical = members.join('、');
  const setName = `“${names[0]}”`;
  // Pre-filter: only paragraphs with at least two distinct members of this set.
  for (const para of candidateParagraphs(ctx.doc, ctx.dictionaries).get(entry) ?? []) {
    const line = text.slice(para.start, para.end);
    for (const chain of chainsIn(text, para.start, line, re, members)) {
      const seen = new Set(chain.occs.map((o) => o.member));
      if (seen.size !== chain.occs.length) continue; // a member repeated: not this set written out
      let foreign = chain.foreign;
      const last = chain.occs[chain.occs.length - 1];
      if (!foreign && seen.size === n - 1) {
        const after = FOREIGN_AFTER.exec(text.slice(last.end, para.end));
        if (after && after[1]) {
          const fs = last.end + after[0].indexOf(after[1]);
          foreign = { start: fs, end: fs + after[1].length, text: after[1] };
        }
      }
      const start = chain.occs[0].start;
      const end = Math.max(last.end, foreign?.end ?? 0);
      const order = chain.occs.map((o) => o.member);
      const inOrder = order.every((m, i) => i === 0 || order[i - 1] < m);
      const source = `（依据：${displaySource(entry.source)}）`;
      if (seen.size === n && !chain.foreign) {
        if (inOrder) continue;
        // Pure reordering: slot i gets the i-th member, separators stay.
        let fixed = '';
        let pos = start;
        chain.occs.forEach((o, i) => {
          fixed += text.slice(pos, o.start) + members[i];
          pos = o.end;
        });
        ctx.report({
          start,
          end: last.end,
          message: `${setName}的顺序是固定的，应为“${canonical}”，此处顺序有误。${source}`,
          fix: { start, end: last.end, text: fixed },
          severity: entry.severity,
        });
        continue;
      }
      if (entry.reportMissing === false || seen.size < n - 1 || seen.size < 2) continue;
      if (!nameNear(text, para.start, para.end, start, end, names)) continue;
      const missing = members.filter((_, i) => !seen.has(i));
      const orderNote = inOrder ? '' : '，且顺序有误';
      if (seen.size === n && foreign) {
        ctx.report({ start, end, message: `${setName}只有${n}项：${canonical}；此处多出了“${foreign.text}”${orderNote}。${source}`, severity: 'warn' });
      } else if (foreign && missing.length === 1) {
        ctx.report({
          start,
          end,
          message: `${setName}应为“${canonical}”；此处“${foreign.text}”不是其中一项，缺少“${missing[0]}”${orderNote}。${source}`,
          suggestions: [{ title: `把“${foreign.text}”改为“${missing[0]}”`, edit: { start: foreign.start, end: foreign.end, text: missing[0] } }],
          severity: 'warn',
        });
      } else if (!foreign && missing.length === 1) {
        ctx.report({ start, end: last.end, message: `${setName}应为“${canonical}”，此处缺少“${missing[0]}”${orderNote}。${source}`, severity: 'warn' });
      }
    }
  }
}

export const enumerationOrder: Rule = {
  meta: {
    id: 'enumeration-order',
    category: 'formulation',
    description: '固定顺序的提法（如“四个意识”“四个自信”“五位一体”“新发展理念”）顺序错误、缺项或混入他项',
    defaultSeverity: 'error',
    fixable: true,
    basis: '党的二十大报告、政府工作报告等权威文本中的固定顺序（每个词条注明出处）',
    basisLevel: '规范表述',
    docs: 'rules/docs/enumeration-order.md',
  },
  check(ctx) {
    for (const entry of ctx.dictionaries.entries) {
      if (entry.kind !== 'enumeration') continue;
      // A set that changed (四个全面 in 2020) is checked in the version valid at the reference date.
      if (entry.validFrom && ctx.date.iso < entry.validFrom) continue;
      if (entry.validUntil && ctx.date.iso >= entry.validUntil) continue;
      checkEntry(ctx, entry);
    }
  },
};
