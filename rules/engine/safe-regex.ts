/**
 * Patterns written by users (dictionary entries, config) run on RE2, whose matching time is linear
 * in the input: a colleague's `(a+)+$` cannot hang the editor or a CI job. RE2 has no
 * backreferences or lookaround; such a pattern is rejected with a message saying so.
 * Built-in patterns are reviewed code and use JavaScript's RegExp.
 */
export interface SafePattern {
  readonly source: string;
  /** All matches in `text`, as UTF-16 offsets. */
  matchAll(text: string): Array<{ index: number; text: string; groups: Array<string | undefined> }>;
}

interface Re2Instance {
  exec(s: string): (RegExpExecArray & { index: number }) | null;
  lastIndex: number;
}
type Re2Constructor = new (pattern: string, flags: string) => Re2Instance;

let RE2: Re2Constructor | undefined;

function re2(): Re2Constructor {
  if (!RE2) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    RE2 = (require('re2-wasm') as { RE2: Re2Constructor }).RE2;
  }
  return RE2;
}

export class UnsafePatternError extends Error {}

export function compileUserPattern(source: string): SafePattern {
  let re: Re2Instance;
  try {
    re = new (re2())(source, 'gu');
  } catch (e) {
    const detail = (e as Error).message;
    const hint = /\(\?<?[=!]|\\[1-9]/.test(source) ? '（不支持前后环视和反向引用）' : '';
    throw new UnsafePatternError(`正则表达式无效${hint}：${detail}`);
  }
  return {
    source,
    matchAll(text: string) {
      const out: Array<{ index: number; text: string; groups: Array<string | undefined> }> = [];
      // re2-wasm reports indexes in code points; the rest of the linter speaks UTF-16.
      const toUtf16 = /[\uD800-\uDFFF]/.test(text) ? codePointToUtf16(text) : undefined;
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        out.push({ index: toUtf16 ? toUtf16[m.index] : m.index, text: m[0], groups: [...m].slice(1) });
        if (m[0].length === 0) re.lastIndex++;
      }
      return out;
    },
  };
}

function codePointToUtf16(text: string): number[] {
  const map: number[] = [];
  let i = 0;
  for (const ch of text) {
    map.push(i);
    i += ch.length;
  }
  map.push(i);
  return map;
}
