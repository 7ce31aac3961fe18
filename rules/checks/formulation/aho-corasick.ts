/**
 * Aho–Corasick automaton over UTF-16 code units: all occurrences of many literal strings in one
 * pass, in time linear in the text plus the number of matches, whatever the number of strings.
 * Chinese has no word boundaries, so matching is on characters only (no `\b`); the callers decide
 * between overlapping matches (longest first).
 *
 * Matching code units is exact for astral characters too: a needle is a whole string, so it can
 * only match where the same surrogate pair stands.
 */
export interface AcMatch {
  /** Index of the needle in the order it was added. */
  needle: number;
  start: number;
  end: number;
}

export class AhoCorasick {
  private readonly goto: Array<Map<number, number>> = [new Map()];
  private readonly fail: number[] = [0];
  /** Needles ending at this state (own output only; dictionary links give the rest). */
  private readonly out: number[][] = [[]];
  /** Nearest state on the failure chain that has an own output, or -1. */
  private dictLink: number[] = [];
  /** Transitions out of the root as a dense table over all code units (0: stay at the root). Most
   * characters of a text leave the automaton at the root, so this is the hot lookup. */
  private rootNext = new Int32Array(0);
  /** States with exactly one transition (most states below depth 1): its code unit, else -1, and
   * its target — an array compare instead of a Map lookup on the hot path. */
  private oneChar = new Int32Array(0);
  private oneNext = new Int32Array(0);
  private readonly lengths: number[] = [];
  private built = false;

  add(needle: string): number {
    if (this.built) throw new Error('AhoCorasick: add() after build()');
    if (needle.length === 0) throw new Error('AhoCorasick: empty needle');
    let s = 0;
    for (let i = 0; i < needle.length; i++) {
      const c = needle.charCodeAt(i);
      let next = this.goto[s].get(c);
      if (next === undefined) {
        next = this.goto.length;
        this.goto.push(new Map());
        this.fail.push(0);
        this.out.push([]);
        this.goto[s].set(c, next);
      }
      s = next;
    }
    const id = this.lengths.length;
    this.lengths.push(needle.length);
    this.out[s].push(id);
    return id;
  }

  get size(): number {
    return this.lengths.length;
  }

  build(): this {
    const queue: number[] = [];
    for (const next of this.goto[0].values()) {
      this.fail[next] = 0;
      queue.push(next);
    }
    for (let qi = 0; qi < queue.length; qi++) {
      const s = queue[qi];
      for (const [c, next] of this.goto[s]) {
        queue.push(next);
        let f = this.fail[s];
        while (f !== 0 && !this.goto[f].has(c)) f = this.fail[f];
        const target = this.goto[f].get(c);
        this.fail[next] = target !== undefined && target !== next ? target : 0;
      }
    }
    this.dictLink = new Array(this.goto.length).fill(-1);
    // BFS order guarantees a state's failure target is processed before it.
    for (const s of queue) {
      const f = this.fail[s];
      this.dictLink[s] = this.out[f].length > 0 ? f : this.dictLink[f];
    }
    this.rootNext = new Int32Array(0x10000);
    for (const [c, next] of this.goto[0]) this.rootNext[c] = next;
    this.oneChar = new Int32Array(this.goto.length).fill(-1);
    this.oneNext = new Int32Array(this.goto.length);
    this.goto.forEach((m, s) => {
      if (m.size !== 1) return;
      const [[c, next]] = m;
      this.oneChar[s] = c;
      this.oneNext[s] = next;
    });
    this.built = true;
    return this;
  }

  /** The transition of a non-root state on code unit c, if any. */
  private step(s: number, c: number): number | undefined {
    const one = this.oneChar[s];
    if (one !== -1) return one === c ? this.oneNext[s] : undefined;
    return this.goto[s].get(c);
  }

  /** Every occurrence of every needle, ordered by end offset. */
  search(text: string): AcMatch[] {
    if (!this.built) this.build();
    const found: AcMatch[] = [];
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      let next = s === 0 ? undefined : this.step(s, c);
      while (next === undefined && s !== 0) {
        s = this.fail[s];
        if (s !== 0) next = this.step(s, c);
      }
      s = next ?? this.rootNext[c];
      if (s === 0) continue;
      for (let t = this.out[s].length > 0 ? s : this.dictLink[s]; t > 0; t = this.dictLink[t]) {
        for (const needle of this.out[t]) found.push({ needle, start: i + 1 - this.lengths[needle], end: i + 1 });
      }
    }
    return found;
  }
}
