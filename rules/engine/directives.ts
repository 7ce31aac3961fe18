import type { LintDocument } from './document';

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
  // Not one regex with a lazy `[\s\S]*?-->`: with many unclosed openings that rescans to the
  // end of the text from each one (quadratic). The first `-->` after an opening closes it; with
  // none left, no later opening can close either.
  DIRECTIVE_OPEN.lastIndex = 0;
  for (let m = DIRECTIVE_OPEN.exec(text); m; m = DIRECTIVE_OPEN.exec(text)) {
    const bodyStart = m.index + m[0].length;
    const close = text.indexOf('-->', bodyStart);
    if (close === -1) break;
    DIRECTIVE_OPEN.lastIndex = close + 3;
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

/**
 * Answers "is rule R disabled at line L?" from the directives, in document order so that a
 * block `disable` … `enable` works per rule and for all rules.
 */
export class Suppressions {
  private readonly fileWide = new Set<string>();
  private fileWideAll = false;
  private readonly lineRules = new Map<number, Set<string> | 'all'>();
  /** Block directives in order: [line, kind, ids]. */
  private readonly blocks: Directive[] = [];

  constructor(directives: Directive[], private readonly doc: LintDocument) {
    for (const d of directives) {
      switch (d.kind) {
        case 'disable-file':
          if (d.ruleIds.length === 0) this.fileWideAll = true;
          else d.ruleIds.forEach((id) => this.fileWide.add(id));
          break;
        case 'disable-line':
          this.addLine(this.doc.positionAt(d.end).line, d.ruleIds);
          break;
        case 'disable-next-line':
          this.addLine(this.doc.positionAt(d.end).line + 1, d.ruleIds);
          break;
        default:
          this.blocks.push(d);
      }
    }
  }

  private addLine(line: number, ids: string[]): void {
    if (ids.length === 0) {
      this.lineRules.set(line, 'all');
      return;
    }
    const existing = this.lineRules.get(line);
    if (existing === 'all') return;
    const set = existing ?? new Set<string>();
    ids.forEach((id) => set.add(id));
    this.lineRules.set(line, set);
  }

  isSuppressed(ruleId: string, offset: number): boolean {
    if (this.fileWideAll || this.fileWide.has(ruleId)) return true;
    const line = this.doc.positionAt(offset).line;
    const forLine = this.lineRules.get(line);
    if (forLine === 'all' || forLine?.has(ruleId)) return true;
    if (this.blocks.length === 0) return false;
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
    return lo > 0 && list.disabled[lo - 1];
  }

  private readonly blockLists = new Map<string, { starts: number[]; disabled: boolean[] }>();

  private blockListFor(ruleId: string): { starts: number[]; disabled: boolean[] } {
    let list = this.blockLists.get(ruleId);
    if (!list) {
      list = { starts: [], disabled: [] };
      for (const b of this.blocks) {
        if (b.ruleIds.length === 0 || b.ruleIds.includes(ruleId)) {
          list.starts.push(b.start);
          list.disabled.push(b.kind === 'disable');
        }
      }
      this.blockLists.set(ruleId, list);
    }
    return list;
  }

  get isEmpty(): boolean {
    return !this.fileWideAll && this.fileWide.size === 0 && this.lineRules.size === 0 && this.blocks.length === 0;
  }
}
