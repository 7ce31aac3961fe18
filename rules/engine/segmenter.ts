import type { SegmenterHandle, TaggedWord } from './segmenter-types';

interface JiebaInstance {
  tag(sentence: string, hmm?: boolean): Array<{ word: string; tag: string }>;
}

let instance: JiebaInstance | undefined;
const loadListeners: Array<(phase: 'start' | 'end') => void> = [];

/** Lets a face show progress (e.g. the status bar spinner) while the dictionary loads. */
export function onSegmenterLoad(listener: (phase: 'start' | 'end') => void): void {
  loadListeners.push(listener);
}

function load(): JiebaInstance {
  if (instance) return instance;
  loadListeners.forEach((l) => l('start'));
  try {
    // Required here, not at the top, so a document that never needs segmentation never pays
    // for the native module or its ~0.14 s dictionary load.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { Jieba } = require('@node-rs/jieba') as { Jieba: { withDict(d: Uint8Array): JiebaInstance } };
    // The dictionary file is read here rather than through '@node-rs/jieba/dict', which also
    // reads idf.txt (6 MB, unused) and keeps both buffers alive in the require cache for the life
    // of the process. jieba copies what it needs; the 5 MB buffer is garbage after the call.
    instance = Jieba.withDict(readJiebaDictionary());
    return instance;
  } finally {
    loadListeners.forEach((l) => l('end'));
  }
}

function readJiebaDictionary(): Uint8Array {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fs = require('fs') as typeof import('fs');
  return fs.readFileSync(jiebaFiles().dictionary);
}

/**
 * Absolute paths of jieba's module and of the dictionary this segmenter loads, for a face that
 * loads the same segmenter elsewhere (the CLI's segmenter thread).
 */
export function jiebaFiles(): { module: string; dictionary: string } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const path = require('path') as typeof import('path');
  return { module: require.resolve('@node-rs/jieba'), dictionary: path.join(path.dirname(require.resolve('@node-rs/jieba/package.json')), 'dict.txt') };
}

/** jieba's words for `text` (tag(text, true)) with their offsets in it. */
export function withOffsets(text: string, words: ReadonlyArray<{ word: string; tag: string }>): TaggedWord[] {
  const out: TaggedWord[] = [];
  let pos = 0;
  for (const w of words) {
    const at = text.indexOf(w.word, pos);
    const start = at === -1 ? pos : at;
    out.push({ word: w.word, tag: w.tag, start });
    pos = start + w.word.length;
  }
  return out;
}

export const segmenter: SegmenterHandle = {
  tag(text: string): TaggedWord[] {
    return withOffsets(text, load().tag(text, true));
  },
  get loaded(): boolean {
    return instance !== undefined;
  },
};
