/**
 * How matching time grows with the size of the formulation dictionary.
 *
 *   node esbuild.mjs && npx tsc -p . && node out/bench/dictionary-scale.js [--chars N]
 *
 * Text: the gov-docs corpus (../shared/corpus/gov-docs, ~5.4 M characters; GONGWEN_SHARED_DIR
 * overrides), or the seed speech repeated when the corpus is absent. Dictionaries: the shipped
 * one, and 10× of it (each literal entry copied nine more times with a different Han prefix, so
 * the automaton holds ten times the strings while the real findings stay the same). For each it
 * reports the time to build the matcher, the literal scan (one Aho–Corasick pass plus the
 * shields) and a full run of the six dictionary rules, best of three, plus a naive baseline that
 * calls indexOf once per variant.
 */
import * as fs from 'fs';
import * as path from 'path';
import { loadDictionaries } from '../rules/engine/dictionaries';
import { LintDocument } from '../rules/engine/document';
import { lint } from '../rules/engine/runner';
import { formulationRules } from '../rules/checks/formulation';
import { literalIndex, scanDocument } from '../rules/checks/formulation/scanner';
import type { CompiledDictionaries, DictionaryEntry } from '../rules/engine/dictionary-types';

const SHARED = process.env.GONGWEN_SHARED_DIR ?? path.resolve(__dirname, '..', '..', '..', 'shared');

function corpus(): { name: string; texts: string[] } {
  const dir = path.join(SHARED, 'corpus', 'gov-docs');
  if (fs.existsSync(dir)) {
    return { name: 'gov-docs', texts: fs.readdirSync(dir).sort().map((f) => fs.readFileSync(path.join(dir, f), 'utf8')) };
  }
  const speech = fs.readFileSync(path.resolve(__dirname, '..', '..', 'test', 'fixtures', 'speech.txt'), 'utf8');
  return { name: 'seed speech ×200 (corpus not found)', texts: Array.from({ length: 200 }, () => speech) };
}

const PREFIXES = '甲乙丙丁戊己庚辛壬';

function scaled(base: CompiledDictionaries, factor: number): CompiledDictionaries {
  const entries: DictionaryEntry[] = [...base.entries];
  for (let k = 1; k < factor; k++) {
    const p = PREFIXES[k - 1];
    for (const e of base.entries) {
      if (e.kind === 'enumeration') continue;
      const copy: DictionaryEntry = { ...e, id: `${e.id}-x${k}`, patterns: undefined };
      if (e.variants) copy.variants = e.variants.map((v) => p + v);
      if (e.correct) copy.correct = Array.isArray(e.correct) ? e.correct.map((c) => p + c) : p + e.correct;
      if (e.exceptions) copy.exceptions = e.exceptions.map((x) => p + x);
      if (e.object) copy.object = p + e.object;
      if (e.swap) copy.swap = { from: p + e.swap.from, to: e.swap.to };
      if (!copy.variants && e.kind !== 'collocation') continue;
      entries.push(copy);
    }
  }
  return { entries, problems: [], cache: new Map() };
}

function best(n: number, f: () => void): number {
  let min = Infinity;
  for (let i = 0; i < n; i++) {
    const t = process.hrtime.bigint();
    f();
    min = Math.min(min, Number(process.hrtime.bigint() - t) / 1e6);
  }
  return min;
}

function literalCount(d: CompiledDictionaries): number {
  return literalIndex(d).ac.size;
}

function main(): void {
  const { name, texts } = corpus();
  const chars = texts.reduce((n, t) => n + t.length, 0);
  const base = loadDictionaries([]);
  console.log(`text: ${name}, ${texts.length} documents, ${chars} UTF-16 code units`);
  // Warm-up: let the JIT compile the matcher and the rules before anything is timed.
  for (const t of texts) lint(t, { rules: formulationRules, dictionaries: base, config: { rules: {}, dictionaries: [], date: '2024-01-01' } });
  for (const factor of [1, 10]) {
    const d = factor === 1 ? base : scaled(base, factor);
    const buildMs = best(1, () => {
      d.cache.clear();
      literalIndex(d);
    });
    const docs = texts.map((t) => new LintDocument(t));
    let hits = 0;
    const scanMs = best(3, () => {
      hits = 0;
      // A fresh LintDocument per round: scanDocument caches per document.
      for (const t of texts) for (const list of scanDocument(new LintDocument(t), d).values()) hits += list.length;
    });
    const docMs = best(3, () => {
      for (const t of texts) void new LintDocument(t);
    });
    let findings = 0;
    const lintMs = best(3, () => {
      findings = 0;
      for (const t of texts) findings += lint(t, { rules: formulationRules, dictionaries: d, config: { rules: {}, dictionaries: [], date: '2024-01-01' } }).findings.length;
    });
    const variants = d.entries.flatMap((e) => e.variants ?? []);
    const naiveMs = best(1, () => {
      for (const doc of docs) for (const v of variants) for (let i = doc.prose.indexOf(v); i !== -1; i = doc.prose.indexOf(v, i + 1));
    });
    console.log(
      [
        `dictionary ×${factor}: ${d.entries.length} entries, ${literalCount(d)} literal strings in the automaton`,
        `  build matcher        ${buildMs.toFixed(1)} ms`,
        `  literal scan         ${(scanMs - docMs).toFixed(0)} ms (${((chars / Math.max(1, scanMs - docMs)) / 1000).toFixed(2)} M chars/s), ${hits} raw hits`,
        `  six rules (lint)     ${lintMs.toFixed(0)} ms, ${findings} findings`,
        `  naive indexOf/variant ${naiveMs.toFixed(0)} ms (${variants.length} variants)`,
      ].join('\n'),
    );
  }
}

main();
