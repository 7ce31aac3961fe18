import { lint, type LintOptions } from '../../rules/engine/runner';
import { LintDocument, MASK, type Range } from '../../rules/engine/document';
import { parseDirectives, type Directive } from '../../rules/engine/directives';
import { resolveReferenceDate } from '../../rules/engine/reference-date';
import type { Finding, Rule, TextEdit } from '../../rules/engine/types';

/**
 * Paragraph-level reuse of findings while the writer types.
 *
 * Rules whose meta.scope is 'paragraph' promise that what they report in a paragraph depends only
 * on that paragraph's prose. After an edit, such a rule runs only on the paragraphs the edit
 * touched (on a view of the document whose other paragraphs are masked); its findings in the
 * untouched paragraphs are taken from the previous run, shifted by the edit's length change.
 * Document-scope rules always run on the whole text. The result is the same as a full lint:
 * the runner still applies exclusions, inline directives and severities to every new report, and
 * anything that could make reuse inexact falls back to a full run (configuration, format or
 * reference date changed; inline directives changed; line-based directives with a change in the
 * number of lines; a paragraph whose boundaries or prose differ; an internal error).
 */
export interface IncrementalState {
  text: string;
  prose: string;
  key: string;
  paragraphs: Range[];
  directives: string;
  hasLineDirectives: boolean;
  /** Findings of paragraph-scope rules from that run. */
  local: Finding[];
}

export interface IncrementalResult {
  findings: Finding[];
  /** Undefined when there is nothing worth keeping (no paragraph-scope rule, or an internal error). */
  state?: IncrementalState;
  /** Paragraphs whose paragraph-scope findings were reused / recomputed (-1: full run). */
  reused: number;
  checked: number;
}

export function lintIncremental(text: string, options: LintOptions, previous: IncrementalState | undefined, configKey: string): IncrementalResult {
  const localIds = new Set(options.rules.filter((r) => r.meta.scope === 'paragraph').map((r) => r.meta.id));
  if (localIds.size === 0) return { findings: lint(text, options).findings, reused: 0, checked: -1 };

  const format = options.format ?? 'text';
  const doc = new LintDocument(text, format);
  const date = resolveReferenceDate(text, options.config?.date, options.today);
  const key = `${configKey}\n${format}\n${date.iso}\n${date.origin}`;
  const paragraphs = doc.paragraphs();
  const directiveList = parseDirectives(doc);
  const plan = previous && previous.key === key ? planReuse(previous, doc, paragraphs, directiveList) : undefined;

  let findings: Finding[];
  if (!plan) {
    findings = lint(text, options).findings;
  } else {
    const dirty = plan.dirty;
    const views = new WeakMap<object, LintDocument>();
    const viewOf = (d: LintDocument): LintDocument => {
      let v = views.get(d);
      if (!v) {
        v = maskedView(d, dirty);
        views.set(d, v);
      }
      return v;
    };
    const rules: Rule[] = options.rules.map((r) => (localIds.has(r.meta.id) ? restricted(r, dirty, viewOf) : r));
    // Partial: the paragraph-scope rules see only the edited paragraphs, so disable comments
    // elsewhere are not judged here (the next full check does).
    const fresh = lint(text, { ...options, rules, partial: true }).findings;
    findings = [...fresh, ...plan.reused.map((f) => relocate(f, doc))];
    findings.sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
  }

  const broken = findings.some((f) => f.ruleId === 'internal-error');
  const state: IncrementalState | undefined = broken
    ? undefined
    : {
        text,
        prose: doc.prose,
        key,
        paragraphs,
        directives: directivesKey(directiveList, 0, 0),
        hasLineDirectives: directiveList.some((d) => d.kind === 'disable-line' || d.kind === 'disable-next-line'),
        local: findings.filter((f) => localIds.has(f.ruleId)),
      };
  return { findings, state, reused: plan ? plan.reusedCount : 0, checked: plan ? plan.dirty.length : -1 };
}

interface Plan {
  dirty: Range[];
  reused: Finding[];
  reusedCount: number;
}

function planReuse(prev: IncrementalState, doc: LintDocument, paragraphs: Range[], directives: Directive[]): Plan | undefined {
  const old = prev.text;
  const text = doc.text;
  const max = Math.min(old.length, text.length);
  let p = 0;
  while (p < max && old.charCodeAt(p) === text.charCodeAt(p)) p++;
  let s = 0;
  while (s < max - p && old.charCodeAt(old.length - 1 - s) === text.charCodeAt(text.length - 1 - s)) s++;
  const oldEnd = old.length - s;
  const newEnd = text.length - s;
  const delta = text.length - old.length;

  // Directives: the same ones at the same (shifted) places, else a full run.
  if (directivesKey(directives, newEnd, delta) !== prev.directives) return undefined;
  // Line-based directives point at line numbers: those move when lines are added or removed.
  if (prev.hasLineDirectives && countBreaks(old, p, oldEnd) !== countBreaks(text, p, newEnd)) return undefined;

  const oldByBounds = new Map<string, Range>();
  for (const r of prev.paragraphs) oldByBounds.set(`${r.start}:${r.end}`, r);
  const dirty: Range[] = [];
  const cleanOld: Array<{ old: Range; shift: number }> = [];
  for (const r of paragraphs) {
    let oldRange: Range | undefined;
    let shift = 0;
    if (r.end < p) oldRange = oldByBounds.get(`${r.start}:${r.end}`);
    else if (r.start > newEnd) {
      shift = delta;
      oldRange = oldByBounds.get(`${r.start - delta}:${r.end - delta}`);
    }
    if (oldRange && prev.prose.slice(oldRange.start, oldRange.end) === doc.prose.slice(r.start, r.end)) cleanOld.push({ old: oldRange, shift });
    else dirty.push(r);
  }

  // Every old local finding must belong to an old paragraph; those of clean ones are reused.
  const reused: Finding[] = [];
  const sortedClean = cleanOld.sort((a, b) => a.old.start - b.old.start);
  const oldParas = prev.paragraphs;
  let ci = 0;
  let oi = 0;
  for (const f of prev.local) {
    while (oi < oldParas.length && oldParas[oi].end < f.start) oi++;
    if (oi >= oldParas.length || oldParas[oi].start > f.start || f.end > oldParas[oi].end) return undefined;
    while (ci < sortedClean.length && sortedClean[ci].old.end < f.start) ci++;
    const c = sortedClean[ci];
    if (c && c.old.start <= f.start && f.end <= c.old.end) reused.push(c.shift === 0 ? f : shifted(f, c.shift));
  }
  return { dirty, reused, reusedCount: cleanOld.length };
}

function directivesKey(ds: Directive[], newEnd: number, delta: number): string {
  return JSON.stringify(ds.map((d) => [d.kind, d.ruleIds, d.start >= newEnd ? d.start - delta : d.start, d.end >= newEnd ? d.end - delta : d.end]));
}

function countBreaks(t: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = t.charCodeAt(i);
    if (c === 10 || (c === 13 && t.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}

function shiftEdit(e: TextEdit, by: number): TextEdit {
  return { start: e.start + by, end: e.end + by, text: e.text };
}

function shifted(f: Finding, by: number): Finding {
  const out: Finding = { ...f, start: f.start + by, end: f.end + by };
  if (f.fix) out.fix = shiftEdit(f.fix, by);
  if (f.suggestions) out.suggestions = f.suggestions.map((s) => ({ title: s.title, edit: shiftEdit(s.edit, by) }));
  return out;
}

/** Line and column from the new text (lines move when an edit adds or removes line breaks). */
function relocate(f: Finding, doc: LintDocument): Finding {
  const a = doc.positionAt(f.start);
  const b = doc.positionAt(f.end);
  if (a.line === f.line && a.character === f.column && b.line === f.endLine && b.character === f.endColumn) return f;
  return { ...f, line: a.line, column: a.character, endLine: b.line, endColumn: b.character };
}

/** The rule run on the dirty paragraphs only; what it reports elsewhere comes from the cache. */
function restricted(rule: Rule, dirty: Range[], viewOf: (d: LintDocument) => LintDocument): Rule {
  const inDirty = (offset: number): boolean => {
    let lo = 0;
    let hi = dirty.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (dirty[mid].end < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo < dirty.length && dirty[lo].start <= offset;
  };
  return {
    meta: rule.meta,
    optionsSchema: rule.optionsSchema,
    check(ctx) {
      rule.check({
        ...ctx,
        doc: viewOf(ctx.doc),
        report: (r) => {
          if (inDirty(r.start)) ctx.report(r);
        },
      });
    },
  };
}

/** The document as rules see it, with every paragraph but the dirty ones masked like excluded text. */
function maskedView(doc: LintDocument, dirty: Range[]): LintDocument {
  const parts: string[] = [];
  let pos = 0;
  const mask = (s: string) => s.replace(/[^\r\n]/g, MASK);
  for (const r of dirty) {
    parts.push(mask(doc.prose.slice(pos, r.start)), doc.prose.slice(r.start, r.end));
    pos = r.end;
  }
  parts.push(mask(doc.prose.slice(pos)));
  // A plain LintDocument with the same own fields in the same order (so rule code keeps seeing one
  // object shape and stays fast), only `prose` masked and the paragraph cache empty.
  const view = Object.create(LintDocument.prototype) as Record<string, unknown>;
  const source = doc as unknown as Record<string, unknown>;
  for (const key of Object.keys(source)) view[key] = source[key];
  view.prose = parts.join('');
  view.paragraphCache = undefined;
  return view as unknown as LintDocument;
}
