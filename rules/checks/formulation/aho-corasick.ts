/** Needles up to this long may be searched from their first two code units (see firstPairs). */
const BIGRAM_MAX_LENGTH = 64;
const PAIR_BITS = 1 << 20;

function pairHash(c1: number, c2: number): number {
  return (Math.imul(c1 * 31 + c2, 0x9e3779b1) >>> 12) & (PAIR_BITS - 1);
}

/** Largest complete transition table built (states × (distinct needle code units + 1)): 4M cells, 8 MB at most. */
const DFA_MAX_CELLS = 4_000_000;

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

/**
 * Which search to use: 'auto' picks the fastest that applies (first pairs, else the complete
 * table, else the sparse automaton); the others exist so that tests can compare every path.
 */
export type AcStrategy = 'auto' | 'table' | 'sparse';

export class AhoCorasick {
  constructor(private readonly strategy: AcStrategy = 'auto') {}

  private readonly goto: Array<Map<number, number>> = [new Map()];
  private readonly fail: number[] = [0];
  /** Needles ending at this state (own output only; dictionary links give the rest). */
  private readonly out: number[][] = [[]];
  /** Nearest state on the failure chain that has an own output, or -1. */
  private dictLink: number[] = [];
  /** Transitions out of the root as a dense table over all code units (0: stay at the root). Most
   * characters of a text leave the automaton at the root, so this is the hot lookup. */
  private rootNext = new Int32Array(0);
  /** Every other state's transitions, flattened and sorted by code unit: state s owns
   * [edgeStart[s], edgeStart[s + 1]) of edgeChar/edgeNext (typed arrays instead of a Map lookup). */
  private edgeStart = new Int32Array(0);
  private edgeChar = new Uint16Array(0);
  private edgeNext = new Int32Array(0);
  /** The first state with an own output on s's dictionary chain (s itself included), or 0. */
  private firstOut = new Int32Array(0);
  private readonly lengths: number[] = [];
  private built = false;
  /**
   * The complete transition function (failure links folded in) when it fits DFA_MAX_CELLS:
   * `dfa[s * width + symbol[c]]`, where symbol[c] numbers the code units that occur in some
   * needle from 1 and is 0 for every other one (which leads every state back to the root). One
   * lookup per code unit instead of edge scans along the failure chain; the states visited, and so
   * the matches, are the same.
   */
  private dfa: Uint16Array | Int32Array | undefined;
  /**
   * When every needle has 2 to BIGRAM_MAX_LENGTH code units: a bit per hashed pair of code units
   * that starts some needle. The search then walks the trie only from positions whose next two
   * code units pass (about 7 % of the text with the built-in dictionaries) and sorts what it
   * found into the automaton's order.
   */
  private firstPairs: Uint8Array | undefined;
  private symbol = new Uint16Array(0);
  private width = 0;

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
    const n = this.goto.length;
    this.edgeStart = new Int32Array(n + 1);
    let edges = 0;
    for (let st = 0; st < n; st++) edges += this.goto[st].size;
    this.edgeChar = new Uint16Array(edges);
    this.edgeNext = new Int32Array(edges);
    let k = 0;
    for (let st = 0; st < n; st++) {
      this.edgeStart[st] = k;
      for (const [c, next] of [...this.goto[st]].sort((x, y) => x[0] - y[0])) {
        this.edgeChar[k] = c;
        this.edgeNext[k] = next;
        k++;
      }
    }
    this.edgeStart[n] = k;
    this.firstOut = new Int32Array(n);
    for (let st = 1; st < n; st++) this.firstOut[st] = this.out[st].length > 0 ? st : Math.max(0, this.dictLink[st]);
    if (this.strategy === 'auto') this.buildFirstPairs();
    // The complete table only where the first-pair search does not apply (it would go unused).
    if (this.strategy !== 'sparse' && !this.firstPairs) this.buildDfa(queue);
    this.built = true;
    return this;
  }

  private buildFirstPairs(): void {
    if (this.lengths.length === 0) return;
    for (const len of this.lengths) if (len < 2 || len > BIGRAM_MAX_LENGTH) return;
    const bits = new Uint8Array(PAIR_BITS >>> 3);
    for (const [c1, s1] of this.goto[0]) {
      for (const c2 of this.goto[s1].keys()) {
        const k = pairHash(c1, c2);
        bits[k >>> 3] |= 1 << (k & 7);
      }
    }
    this.firstPairs = bits;
  }

  private buildDfa(bfs: readonly number[]): void {
    const n = this.goto.length;
    const symbol = new Uint16Array(0x10000);
    const chars: number[] = [];
    for (let e = 0; e < this.edgeChar.length; e++) {
      const c = this.edgeChar[e];
      if (symbol[c] === 0) {
        chars.push(c);
        symbol[c] = chars.length;
      }
    }
    const width = chars.length + 1;
    if (n * width > DFA_MAX_CELLS) return;
    const dfa = n <= 0xffff ? new Uint16Array(n * width) : new Int32Array(n * width);
    // Root row: its own transitions, else the root. Other rows in BFS order: own transitions,
    // else the row of the failure state (already complete, being shallower).
    for (const [c, next] of this.goto[0]) dfa[symbol[c]] = next;
    for (const st of bfs) {
      const row = st * width;
      const failRow = this.fail[st] * width;
      for (let a = 1; a < width; a++) dfa[row + a] = dfa[failRow + a];
      for (const [c, next] of this.goto[st]) dfa[row + symbol[c]] = next;
    }
    this.dfa = dfa;
    this.symbol = symbol;
    this.width = width;
  }

  /** The transition of a non-root state on code unit c, or 0 when there is none. */
  private step(s: number, c: number): number {
    let lo = this.edgeStart[s];
    let hi = this.edgeStart[s + 1];
    if (hi - lo <= 8) {
      for (; lo < hi; lo++) if (this.edgeChar[lo] === c) return this.edgeNext[lo];
      return 0;
    }
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const m = this.edgeChar[mid];
      if (m === c) return this.edgeNext[mid];
      if (m < c) lo = mid + 1;
      else hi = mid;
    }
    return 0;
  }

  /** Every occurrence of every needle, ordered by end offset. */
  search(text: string): AcMatch[] {
    if (!this.built) this.build();
    if (this.firstPairs) return this.searchFromPairs(text, this.firstPairs);
    if (this.dfa) return this.searchDfa(text, this.dfa);
    const found: AcMatch[] = [];
    const rootNext = this.rootNext;
    const firstOut = this.firstOut;
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      let next = 0;
      while (s !== 0) {
        next = this.step(s, c);
        if (next !== 0) break;
        s = this.fail[s];
      }
      s = next !== 0 ? next : rootNext[c];
      if (s === 0) continue;
      for (let t = firstOut[s]; t > 0; t = this.dictLink[t]) {
        for (const needle of this.out[t]) found.push({ needle, start: i + 1 - this.lengths[needle], end: i + 1 });
      }
    }
    return found;
  }

  private searchDfa(text: string, dfa: Uint16Array | Int32Array): AcMatch[] {
    const found: AcMatch[] = [];
    const symbol = this.symbol;
    const width = this.width;
    const firstOut = this.firstOut;
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      s = dfa[s * width + symbol[text.charCodeAt(i)]];
      if (s === 0) continue;
      for (let t = firstOut[s]; t > 0; t = this.dictLink[t]) {
        for (const needle of this.out[t]) found.push({ needle, start: i + 1 - this.lengths[needle], end: i + 1 });
      }
    }
    return found;
  }

  /**
   * Every occurrence, found by walking the trie from each position whose first two code units
   * start some needle, then put in the automaton's order: by end, longer (earlier start) first,
   * needles of the same text in the order they were added.
   */
  private searchFromPairs(text: string, pairs: Uint8Array): AcMatch[] {
    const found: AcMatch[] = [];
    const n = text.length;
    const rootNext = this.rootNext;
    let c2 = n > 0 ? text.charCodeAt(0) : 0;
    for (let i = 0; i + 1 < n; i++) {
      const c1 = c2;
      c2 = text.charCodeAt(i + 1);
      const k = pairHash(c1, c2);
      if ((pairs[k >>> 3] & (1 << (k & 7))) === 0) continue;
      let s = rootNext[c1];
      for (let j = i + 1; s !== 0 && j < n; j++) {
        s = this.step(s, text.charCodeAt(j));
        if (s === 0) break;
        const own = this.out[s];
        for (let q = 0; q < own.length; q++) found.push({ needle: own[q], start: i, end: j + 1 });
      }
    }
    if (found.length > 1) found.sort((a, b) => a.end - b.end || a.start - b.start || a.needle - b.needle);
    return found;
  }
}
