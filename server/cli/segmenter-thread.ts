/**
 * The word segmenter on a thread of its own, for the CLI over many files. Loading jieba's
 * dictionary takes 0.15–0.2 s of one core, synchronously; over gov-docs the rules then tag only
 * ~530 short clauses (~9k chars) in ~340 files. On a small worker thread (jieba and nothing else,
 * not the bundle) the dictionary loads on the second core while the main thread checks the first
 * files, and the clauses of each file are sent ahead in one batch (`prefetch`) when the file is
 * read, so by the time its 的/地/得 rule asks for them (after the punctuation and dictionary rules)
 * the answers are usually there: the main thread rarely waits, even on a busy machine.
 *
 * A file with clauses to tag while the dictionary is still loading is put aside and checked after
 * the other files (main.ts); results keep file order. The words are the same: jieba's module and
 * dictionary as the engine resolves them, tag(text, true) per clause, the same offsets. A clause
 * not sent ahead is tagged on demand (the main thread waits for that answer). If the thread cannot
 * load jieba, tagging falls back to the in-process segmenter, which fails (or works) exactly as
 * it did before.
 */
import { Worker, MessageChannel, receiveMessageOnPort, type MessagePort } from 'worker_threads';
import { jiebaFiles, segmenter as inProcess, withOffsets } from '../../rules/engine/segmenter';
import type { SegmenterHandle, TaggedWord } from '../../rules/engine/segmenter-types';

/** The thread's code: plain CommonJS, evaluated, so the thread never loads the CLI bundle. */
const THREAD_SOURCE = `
const { workerData } = require('worker_threads');
const { port, signal, module: jiebaModule, dictionary } = workerData;
const counter = new Int32Array(signal);
const answer = (message) => {
  port.postMessage(message);
  Atomics.add(counter, 0, 1);
  Atomics.notify(counter, 0);
};
let jieba;
try {
  const { Jieba } = require(jiebaModule);
  jieba = Jieba.withDict(require('fs').readFileSync(dictionary));
  answer({ ready: true });
} catch (e) {
  answer({ error: String((e && e.message) || e) });
}
port.on('message', (texts) => {
  try {
    const words = texts.map((text) => {
      const tagged = jieba.tag(text, true);
      const flat = new Array(tagged.length * 2);
      for (let i = 0; i < tagged.length; i++) {
        flat[2 * i] = tagged[i].word;
        flat[2 * i + 1] = tagged[i].tag;
      }
      return flat;
    });
    answer({ texts, words });
  } catch (e) {
    answer({ texts, error: String((e && e.message) || e) });
  }
});
`;

interface Answer {
  ready?: boolean;
  texts?: string[];
  /** Per text: word, tag, word, tag, … */
  words?: string[][];
  error?: string;
}

/** What the CLI did with the segmenter thread (for tests and benchmarks). */
export const segmenterThreadStats = { started: 0, deferred: 0, batches: 0, onDemand: 0, waits: 0 };

/** Longest the main thread waits for one answer before it tags in-process instead. */
const STALL_MS = 60_000;
/** Answers kept for clauses asked for again (a repeated clause in later files). */
const CACHE_LIMIT = 20_000;

export class SegmenterThread implements SegmenterHandle {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly counter = new Int32Array(new SharedArrayBuffer(4));
  private state: 'loading' | 'ready' | 'failed' = 'loading';
  /** Clause → flat words, as answered. */
  private readonly answers = new Map<string, string[]>();
  /** Clauses sent and not answered yet. */
  private readonly pending = new Set<string>();

  constructor() {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    const files = jiebaFiles();
    this.worker = new Worker(THREAD_SOURCE, {
      eval: true,
      workerData: { port: port2, signal: this.counter.buffer, module: files.module, dictionary: files.dictionary },
      transferList: [port2],
      // It keeps little: a small young generation saves ~6 MiB of the CLI's peak RSS.
      resourceLimits: { maxYoungGenerationSizeMb: 2 },
      stdout: false,
      stderr: false,
    });
    // Never keeps the process alive; errors surface as a failed load (tagging falls back).
    this.worker.unref();
    this.worker.on('error', () => undefined);
    segmenterThreadStats.started++;
  }

  /** Whether the dictionary is loaded (or failed to load): tagging then no longer waits for it. */
  get settled(): boolean {
    this.drain(false);
    return this.state !== 'loading';
  }

  get loaded(): boolean {
    return this.state === 'ready' || inProcess.loaded;
  }

  /** Sends clauses to be tagged ahead of the rule asking for them (answered in order, after the load). */
  prefetch(texts: readonly string[]): void {
    if (this.state === 'failed') return;
    const fresh = texts.filter((t) => !this.answers.has(t) && !this.pending.has(t));
    if (fresh.length === 0) return;
    for (const t of fresh) this.pending.add(t);
    this.port.postMessage(fresh);
    segmenterThreadStats.batches++;
  }

  tag(text: string): TaggedWord[] {
    let flat = this.answers.get(text);
    if (flat === undefined && this.state !== 'failed') {
      if (!this.pending.has(text)) {
        segmenterThreadStats.onDemand++;
        this.prefetch([text]);
      }
      // Answers arrive in the order the batches were sent; wait until this one is in.
      while (this.pending.has(text) && this.state !== 'failed') {
        if (!this.drain(false)) {
          segmenterThreadStats.waits++;
          if (!this.drain(true)) this.state = 'failed';
        }
      }
      flat = this.answers.get(text);
    }
    // Not loaded, a tag call that failed, or a thread that stopped answering: the in-process
    // segmenter gives the same words, or the same error.
    if (flat === undefined) return inProcess.tag(text);
    const words: Array<{ word: string; tag: string }> = [];
    for (let i = 0; i < flat.length; i += 2) words.push({ word: flat[i], tag: flat[i + 1] });
    return withOffsets(text, words);
  }

  /** Stops the thread (the process would not wait for it anyway). */
  close(): void {
    this.port.close();
    void this.worker.terminate();
  }

  /** Takes in every answer already posted; with `block`, waits for one first. False when none came. */
  private drain(block: boolean): boolean {
    let got = false;
    for (;;) {
      const m = this.receive(block && !got);
      if (!m) return got;
      got = true;
      this.take(m);
    }
  }

  private take(m: Answer): void {
    if (m.texts === undefined) {
      this.state = m.ready ? 'ready' : 'failed';
      return;
    }
    if (this.answers.size > CACHE_LIMIT) this.answers.clear();
    m.texts.forEach((t, k) => {
      this.pending.delete(t);
      if (m.words) this.answers.set(t, m.words[k]);
    });
  }

  /** The next answer; with `block`, waits for it (undefined after STALL_MS without one). */
  private receive(block: boolean): Answer | undefined {
    const until = Date.now() + STALL_MS;
    for (;;) {
      const seen = Atomics.load(this.counter, 0);
      const m = receiveMessageOnPort(this.port);
      if (m) return m.message as Answer;
      if (!block) return undefined;
      const left = until - Date.now();
      if (left <= 0) return undefined;
      // The thread posts its answer, then bumps the counter: no answer is missed between the
      // load of `seen` and this wait.
      Atomics.wait(this.counter, 0, seen, Math.min(left, 1000));
    }
  }
}
