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
    new (re2())(source, 'gu');
    // Matching runs without capture groups: RE2 then finds match bounds with its DFA. With groups
    // it must track submatches over the whole match (NFA): `(.*a){12}` on 100 KB took 11 s with
    // groups and 47 ms without. Groups are worked out on demand, on the matched text only.
    re = new (re2())(withoutCaptures(source), 'gu');
  } catch (e) {
    const detail = (e as Error).message;
    const hint = /\(\?<?[=!]|\\[1-9]/.test(source) ? '（不支持前后环视和反向引用）' : '';
    throw new UnsafePatternError(`正则表达式无效${hint}：${detail}`);
  }
  const hasGroups = withoutCaptures(source) !== source;
  let anchored: Re2Instance | undefined;
  const groupsOf = (matched: string): Array<string | undefined> => {
    if (!hasGroups) return [];
    anchored ??= new (re2())(`^(?:${source})$`, 'u');
    const m = anchored.exec(matched);
    return m ? [...m].slice(1) : [];
  };
  return {
    source,
    matchAll(text: string) {
      const out: Array<{ index: number; text: string; groups: Array<string | undefined> }> = [];
      // re2-wasm reports indexes in code points; the rest of the linter speaks UTF-16.
      const toUtf16 = /[\uD800-\uDFFF]/.test(text) ? codePointToUtf16(text) : undefined;
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        const matched = m[0];
        let groups: Array<string | undefined> | undefined;
        out.push({
          index: toUtf16 ? toUtf16[m.index] : m.index,
          text: matched,
          // Context-free: `^`, `$` and `\b` inside a group see the matched text alone.
          get groups() {
            groups ??= groupsOf(matched);
            return groups;
          },
        });
        if (matched.length === 0) re.lastIndex++;
      }
      return out;
    },
  };
}

/**
 * The same pattern with every capturing group made non-capturing: `(`, `(?P<n>` and `(?<n>` become
 * `(?:`; escapes, character classes and other `(?…` groups are left alone.
 */
export function withoutCaptures(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      out += source.slice(i, i + 2);
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      out += c;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      // `[]…]` and `[^]…]`: a `]` right after the opening is a literal.
      if (source[i + 1] === '^') out += source[++i];
      if (source[i + 1] === ']') out += source[++i];
      continue;
    }
    if (c === '(') {
      if (source[i + 1] !== '?') {
        out += '(?:';
        continue;
      }
      const named = /^\(\?P?<([A-Za-z_][A-Za-z0-9_]*)>/.exec(source.slice(i));
      if (named) {
        out += '(?:';
        i += named[0].length - 1;
        continue;
      }
    }
    out += c;
  }
  return out;
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
