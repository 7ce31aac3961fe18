import { AhoCorasick, type AcMatch } from './aho-corasick';
import { correctForms, patternsOf } from '../../engine/dictionaries';
import type { CompiledDictionaries, DictionaryEntry, DictionaryKind } from '../../engine/dictionary-types';
import type { LintDocument } from '../../engine/document';
import type { RuleContext, Severity, Suggestion, TextEdit } from '../../engine/types';

/** A wrong form found in the text. */
export interface Hit {
  entry: DictionaryEntry;
  start: number;
  end: number;
  /** The matched text. */
  text: string;
  /** Replace this inside the match (collocation verbs, swap entries); else the whole match. */
  swap?: { from: string; to: string };
}

interface Needle {
  entry: number;
  /** variant: a wrong form; shield: a right form that hides variants inside it. */
  role: 'variant' | 'shield';
  /** -1: shields variants of every entry (correct forms); else only that entry's (exceptions). */
  owner: number;
  swap?: { from: string; to: string };
}

interface LiteralIndex {
  ac: AhoCorasick;
  needles: Needle[];
  entries: readonly DictionaryEntry[];
  /**
   * Needle ids from here on are the members of the enumeration sets, matched in the same pass
   * for enumeration-order: memberOwners[id - memberBase] says which member of which set(s).
   */
  memberBase: number;
  memberOwners: Array<Array<{ entry: DictionaryEntry; member: number }>>;
}

const LITERAL_KINDS: ReadonlySet<DictionaryKind> = new Set(['formulation', 'outdated', 'banned', 'confusable', 'collocation']);

/** “四个意识” is also typed with ASCII quotes or none; all are the same formulation. */
export function quoteForms(s: string): string[] {
  if (!/[“”]/.test(s)) return [s];
  return [...new Set([s, s.replace(/[“”]/g, '"'), s.replace(/[“”]/g, '')])];
}

export function collocationForms(entry: DictionaryEntry): { wrong: Array<{ text: string; verb: string }>; right: string[] } {
  const objects = quoteForms(entry.object?.includes('“') ? entry.object : `“${entry.object ?? ''}”`);
  const wrong: Array<{ text: string; verb: string }> = [];
  for (const verb of entry.wrongVerbs ?? []) for (const o of objects) wrong.push({ text: verb + o, verb });
  const right: string[] = [];
  for (const verb of entry.verbs ?? []) for (const o of objects) right.push(verb + o);
  return { wrong, right };
}

function buildIndex(dicts: CompiledDictionaries): LiteralIndex {
  const ac = new AhoCorasick();
  const needles: Needle[] = [];
  const add = (text: string, n: Needle): void => {
    ac.add(text);
    needles.push(n);
  };
  dicts.entries.forEach((entry, i) => {
    if (!LITERAL_KINDS.has(entry.kind)) return;
    if (entry.kind === 'collocation') {
      const { wrong, right } = collocationForms(entry);
      const to = entry.verbs?.[0];
      for (const w of wrong) add(w.text, { entry: i, role: 'variant', owner: i, swap: to && entry.fix !== false ? { from: w.verb, to } : undefined });
      for (const r of right) add(r, { entry: i, role: 'shield', owner: -1 });
    } else {
      for (const v of entry.variants ?? []) for (const form of quoteForms(v)) add(form, { entry: i, role: 'variant', owner: i, swap: entry.swap });
      for (const c of correctForms(entry)) for (const form of quoteForms(c)) add(form, { entry: i, role: 'shield', owner: -1 });
    }
    for (const x of entry.exceptions ?? []) add(x, { entry: i, role: 'shield', owner: i });
  });
  const memberBase = needles.length;
  const memberOwners: LiteralIndex['memberOwners'] = [];
  const memberIds = new Map<string, number>();
  for (const entry of dicts.entries) {
    if (entry.kind !== 'enumeration') continue;
    (entry.members ?? []).forEach((m, member) => {
      if (m.length === 0) return;
      let id = memberIds.get(m);
      if (id === undefined) {
        id = ac.add(m) - memberBase;
        memberIds.set(m, id);
        memberOwners[id] = [];
      }
      memberOwners[id].push({ entry, member });
    });
  }
  ac.build();
  return { ac, needles, entries: dicts.entries, memberBase, memberOwners };
}

export function literalIndex(dicts: CompiledDictionaries): LiteralIndex {
  let idx = dicts.cache.get('formulation:literal') as LiteralIndex | undefined;
  if (!idx) {
    idx = buildIndex(dicts);
    dicts.cache.set('formulation:literal', idx);
  }
  return idx;
}

const scans = new WeakMap<LintDocument, { dicts: CompiledDictionaries; hits: Map<DictionaryKind, Hit[]> }>();
const searches = new WeakMap<LintDocument, { dicts: CompiledDictionaries; matches: AcMatch[] }>();

/**
 * Every match of the literal index (wrong and right forms, enumeration members) in the document's
 * prose: one automaton pass per document, shared by the dictionary rules and enumeration-order.
 */
export function documentMatches(doc: LintDocument, dicts: CompiledDictionaries): AcMatch[] {
  const cached = searches.get(doc);
  if (cached && cached.dicts === dicts) return cached.matches;
  const matches = literalIndex(dicts).ac.search(doc.prose);
  searches.set(doc, { dicts, matches });
  return matches;
}

/**
 * All wrong forms of the literal kinds in the document's prose, computed once per document and
 * shared by the rules: a variant inside a longer right form (of any entry) or inside an exception
 * of its own entry is dropped; among overlapping variants of one kind the longest (then leftmost)
 * wins.
 */
export function scanDocument(doc: LintDocument, dicts: CompiledDictionaries): Map<DictionaryKind, Hit[]> {
  const cached = scans.get(doc);
  if (cached && cached.dicts === dicts) return cached.hits;
  const idx = literalIndex(dicts);
  const text = doc.prose;
  const raw: Hit[] = [];
  const owners: number[] = [];
  const shields: Array<{ start: number; end: number; owner: number }> = [];
  for (const m of documentMatches(doc, dicts)) {
    if (m.needle >= idx.memberBase) continue;
    const n = idx.needles[m.needle];
    if (n.role === 'shield') shields.push({ start: m.start, end: m.end, owner: n.owner });
    else {
      raw.push({ entry: idx.entries[n.entry], start: m.start, end: m.end, text: text.slice(m.start, m.end), swap: n.swap });
      owners.push(n.entry);
    }
  }
  idx.entries.forEach((entry, i) => {
    if (!LITERAL_KINDS.has(entry.kind)) return;
    for (const p of patternsOf(entry)) {
      for (const m of p.matchAll(text)) {
        if (m.text.length === 0) continue;
        raw.push({ entry, start: m.index, end: m.index + m.text.length, text: m.text, swap: entry.swap && m.text.includes(entry.swap.from) ? entry.swap : undefined });
        owners.push(i);
      }
    }
  });
  const kept = raw.filter((h, k) => !shields.some((s) => (s.owner === -1 || s.owner === owners[k]) && s.start <= h.start && h.end <= s.end && s.end - s.start > h.end - h.start));
  const byKind = new Map<DictionaryKind, Hit[]>();
  for (const h of kept) {
    const list = byKind.get(h.entry.kind) ?? [];
    list.push(h);
    byKind.set(h.entry.kind, list);
  }
  for (const [kind, list] of byKind) {
    list.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
    const chosen: Hit[] = [];
    for (const h of list) if (!chosen.some((c) => c.start < h.end && h.start < c.end)) chosen.push(h);
    chosen.sort((a, b) => a.start - b.start);
    byKind.set(kind, chosen);
  }
  scans.set(doc, { dicts, hits: byKind });
  return byKind;
}

/** Fills {found} and {correct}; prefixes the found text when the message does not name it. */
export function composeMessage(hit: Hit, extra = ''): string {
  const corrects = correctForms(hit.entry);
  const correctText = corrects.map((c) => `“${c}”`).join('或');
  let msg = hit.entry.message.replace(/\{found\}/g, hit.text).replace(/\{correct\}/g, correctText);
  if (!hit.entry.message.includes('{found}')) msg = `“${hit.text}”：${msg}`;
  return `${msg}${extra}（依据：${displaySource(hit.entry.source)}）`;
}

/** The source as shown to writers: without the [语料 file:line] markers meant for the corpus tests. */
export function displaySource(source: string): string {
  return source.replace(/\s*\[语料 [^\]]+\]/g, '').trim();
}

/** The finding's range, fix and suggestions for a hit. */
export function editsFor(hit: Hit, allowFix = true): { start: number; end: number; fix?: TextEdit; suggestions?: Suggestion[] } {
  if (hit.swap) {
    const at = hit.start + hit.text.indexOf(hit.swap.from);
    const edit = { start: at, end: at + hit.swap.from.length, text: hit.swap.to };
    if (hit.entry.fix === false || !allowFix) return { start: hit.start, end: hit.end, suggestions: [{ title: `改为“${hit.swap.to}”`, edit }] };
    return { start: edit.start, end: edit.end, fix: edit };
  }
  const corrects = correctForms(hit.entry);
  if (corrects.length === 1 && hit.entry.fix !== false && allowFix) {
    return { start: hit.start, end: hit.end, fix: { start: hit.start, end: hit.end, text: corrects[0] } };
  }
  const suggestions = corrects.map((c) => ({ title: `改为“${c}”`, edit: { start: hit.start, end: hit.end, text: c } }));
  return { start: hit.start, end: hit.end, suggestions: suggestions.length > 0 ? suggestions : undefined };
}

const ORDER: Record<Severity, number> = { info: 0, warn: 1, error: 2 };

export function lowerOf(a: Severity, b: Severity): Severity {
  return ORDER[a] <= ORDER[b] ? a : b;
}

/**
 * Whether [start,end) stands inside “…” or 《…》: an unclosed opening mark within the 300 code
 * units before it and a closing mark after it. The window crosses line breaks because scraped
 * texts break lines inside quotations.
 */
export function isQuoted(doc: LintDocument, start: number, end: number): boolean {
  const before = doc.prose.slice(Math.max(0, start - 300), start);
  const after = doc.prose.slice(end, end + 300);
  const open = (s: string, o: string, c: string): number => [...s].reduce((n, ch) => (ch === o ? n + 1 : ch === c ? Math.max(0, n - 1) : n), 0);
  if (open(before, '“', '”') > 0 && after.includes('”')) return true;
  if (open(before, '《', '》') > 0 && after.includes('》')) return true;
  return false;
}

/** Reports every hit of one kind: the shared body of the literal dictionary rules. */
export function reportHits(ctx: RuleContext, kind: DictionaryKind, decide?: (hit: Hit) => { skip?: boolean; severity?: Severity; extra?: string; noFix?: boolean } | undefined): void {
  const hits = scanDocument(ctx.doc, ctx.dictionaries).get(kind) ?? [];
  for (const hit of hits) {
    const d = decide?.(hit) ?? {};
    if (d.skip) continue;
    const e = editsFor(hit, !d.noFix);
    ctx.report({ ...e, message: composeMessage(hit, d.extra ?? ''), severity: d.severity ?? hit.entry.severity });
  }
}
