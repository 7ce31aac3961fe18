import type { LintDocument } from './document';
import { markdownMarkupRanges } from './exclusions';

/**
 * Inline directives, in HTML comments so they are invisible in rendered Markdown and harmless in
 * plain text:
 *
 *   <!-- gongwen-disable-next-line comma-width, placeholder -- 引用原文 -->
 *   <!-- gongwen-disable-line -->
 *   <!-- gongwen-disable placeholder -->  …  <!-- gongwen-enable placeholder -->
 *   <!-- gongwen-disable-file -->
 *
 * No rule ids means every rule. Text after `--` is a free-form reason.
 */
export type DirectiveKind = 'disable' | 'enable' | 'disable-line' | 'disable-next-line' | 'disable-file';

export interface Directive {
  kind: DirectiveKind;
  /** Empty: all rules. */
  ruleIds: string[];
  /** 0-based line the comment starts on. */
  line: number;
  start: number;
  end: number;
}

/** The opening of a directive; its comment ends at the first `-->` after it. */
const DIRECTIVE_OPEN = /<!--\s*gongwen-(disable-next-line|disable-line|disable-file|disable|enable)\b/g;

/**
 * The rule ids of a directive's body (what follows `gongwen-disable…` up to `-->`), and how long
 * the ids part is: a free-form reason after ` -- ` is not part of it.
 */
export function directiveRuleIds(body: string): { ruleIds: string[]; idsLength: number } {
  const ids = body.split(/\s--\s|\s--$/)[0];
  return { ruleIds: ids.split(/[\s,，、]+/).filter((s) => s.length > 0), idsLength: ids.trimEnd().length };
}

export function parseDirectives(doc: LintDocument): Directive[] {
  const out: Directive[] = [];
  const text = doc.text;
  if (!text.includes('gongwen-')) return out;
  // In Markdown a comment inside code (or another markup region that starts before it) is shown,
  // not meant: a style guide quoting `<!-- gongwen-disable-file -->` must not switch itself off.
  const markup = doc.format === 'markdown' ? markdownMarkupRanges(text) : [];
  const shown = (start: number, end: number) => markup.some((r) => r.start < start && r.end >= end);
  // Not one regex with a lazy `[\s\S]*?-->`: with many unclosed openings that rescans to the
  // end of the text from each one (quadratic). The first `-->` after an opening closes it; with
  // none left, no later opening can close either.
  DIRECTIVE_OPEN.lastIndex = 0;
  for (let m = DIRECTIVE_OPEN.exec(text); m; m = DIRECTIVE_OPEN.exec(text)) {
    const bodyStart = m.index + m[0].length;
    const close = text.indexOf('-->', bodyStart);
    if (close === -1) break;
    DIRECTIVE_OPEN.lastIndex = close + 3;
    if (shown(m.index, close + 3)) continue;
    out.push({
      kind: m[1] as DirectiveKind,
      ruleIds: directiveRuleIds(text.slice(bodyStart, close)).ruleIds,
      line: doc.positionAt(m.index).line,
      start: m.index,
      end: close + 3,
    });
  }
  return out;
}

/** A directive without ids is for every rule. */
function appliesTo(d: Directive, ruleId: string): boolean {
  return d.ruleIds.length === 0 || d.ruleIds.includes(ruleId);
}

/**
 * Answers "is rule R disabled at line L?" from the directives, in document order so that a
 * block `disable` … `enable` works per rule and for all rules.
 */
export class Suppressions {
  private readonly disablingList: Directive[] = [];
  /** Per entry of `disabling`: the rule ids it suppressed a finding of (for unused-directive reports). */
  private readonly usedBy: Set<string>[] = [];
  private readonly fileWide: number[] = [];
  private readonly lineRules = new Map<number, number[]>();
  /** Block directives in document order; `index` into `disabling` for a `disable`, none for an `enable`. */
  private readonly blocks: Array<{ directive: Directive; index?: number }> = [];

  constructor(directives: Directive[], private readonly doc: LintDocument) {
    for (const d of directives) {
      if (d.kind === 'enable') {
        this.blocks.push({ directive: d });
        continue;
      }
      const i = this.disablingList.push(d) - 1;
      this.usedBy.push(new Set<string>());
      switch (d.kind) {
        case 'disable-file':
          this.fileWide.push(i);
          break;
        case 'disable-line':
          this.addLine(this.doc.positionAt(d.end).line, i);
          break;
        case 'disable-next-line':
          this.addLine(this.doc.positionAt(d.end).line + 1, i);
          break;
        default:
          this.blocks.push({ directive: d, index: i });
      }
    }
  }

  /** Every directive that disables, in document order; `enable` only ends a block. */
  get disabling(): readonly Directive[] {
    return this.disablingList;
  }

  private addLine(line: number, index: number): void {
    const list = this.lineRules.get(line);
    if (list) list.push(index);
    else this.lineRules.set(line, [index]);
  }

  /** Whether a finding of `ruleId` at `offset` is disabled; the directives that disable it are marked used. */
  isSuppressed(ruleId: string, offset: number): boolean {
    let suppressed = false;
    const mark = (index: number) => {
      if (!appliesTo(this.disablingList[index], ruleId)) return;
      this.usedBy[index].add(ruleId);
      suppressed = true;
    };
    this.fileWide.forEach(mark);
    this.lineRules.get(this.doc.positionAt(offset).line)?.forEach(mark);
    if (this.blocks.length === 0) return suppressed;
    // The last block directive for this rule before the offset decides (binary search over the
    // rule's own list: a scan of every block per finding was quadratic on long documents).
    const list = this.blockListFor(ruleId);
    let lo = 0;
    let hi = list.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list.starts[mid] <= offset) lo = mid + 1;
      else hi = mid;
    }
    const decisive = lo > 0 ? list.disabling[lo - 1] : undefined;
    if (decisive !== undefined) mark(decisive);
    return suppressed;
  }

  /** The rule ids a disabling directive (index into `disabling`) has suppressed findings of. */
  usedIds(index: number): ReadonlySet<string> {
    return this.usedBy[index];
  }

  private readonly blockLists = new Map<string, { starts: number[]; disabling: Array<number | undefined> }>();

  private blockListFor(ruleId: string): { starts: number[]; disabling: Array<number | undefined> } {
    let list = this.blockLists.get(ruleId);
    if (!list) {
      list = { starts: [], disabling: [] };
      for (const { directive: b, index } of this.blocks) {
        if (appliesTo(b, ruleId)) {
          list.starts.push(b.start);
          list.disabling.push(index);
        }
      }
      this.blockLists.set(ruleId, list);
    }
    return list;
  }

  get isEmpty(): boolean {
    return this.disabling.length === 0;
  }
}
