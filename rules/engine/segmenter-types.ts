/** One segmented word with its jieba part-of-speech tag (ICTCLAS-style: n, v, d, a, uj, ud, uv …). */
export interface TaggedWord {
  word: string;
  tag: string;
  /** Offset of the word in the string that was tagged (UTF-16). */
  start: number;
}

/**
 * Lazy access to word segmentation. Rules call `tag` only on the short windows they care about;
 * the dictionary is loaded on the first call, once per process.
 */
export interface SegmenterHandle {
  tag(text: string): TaggedWord[];
  readonly loaded: boolean;
}
