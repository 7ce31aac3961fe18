/**
 * Runs the second set of structure rules (document-number, document-title, attachment-note,
 * closing-formula) over the gov-docs corpus: counts per rule and kind, every finding on request,
 * how many titles the title heuristic finds, and recall on planted errors.
 *
 *   node out/test/corpus/structure-rules-2-scan.js              # counts + titles + planted errors
 *   node out/test/corpus/structure-rules-2-scan.js --list RULE  # every finding of RULE
 *   node out/test/corpus/structure-rules-2-scan.js --titles     # every title found, with its 文种
 *   node out/test/corpus/structure-rules-2-scan.js --odw        # the ECSpell odw sentences, one document each
 */
import * as fs from 'fs';
import * as path from 'path';
import { lint } from '../../rules/engine/runner';
import { LintDocument } from '../../rules/engine/document';
import type { Finding, Rule } from '../../rules/engine/types';
import { documentNumber } from '../../rules/checks/structure/document-number';
import { documentTitle } from '../../rules/checks/structure/document-title';
import { attachmentNote } from '../../rules/checks/structure/attachment-note';
import { closingFormula } from '../../rules/checks/structure/closing-formula';
import { findTitle } from '../../rules/checks/structure/title-line';
import { requireShared } from '../helpers/shared';

export const RULES_2: Rule[] = [documentNumber, documentTitle, attachmentNote, closingFormula];

export interface Finding2 extends Finding {
  file: string;
  kind: string;
  lineText: string;
}

export function kindOf2(f: Finding): string {
  const m = f.message;
  if (f.ruleId === 'document-number') {
    if (m.startsWith('引用公文')) return 'citation-order';
    if (m.includes('全称')) return 'short-year';
    if (m.includes('六角括号')) return 'brackets';
    if (m.includes('第')) return 'di';
    return 'zero-padding';
  }
  if (f.ruleId === 'document-title') {
    if (m.includes('末尾')) return 'trailing-punctuation';
    if (m.includes('并用')) return 'stacked-type';
    if (m.includes('不是法定文种')) return 'not-a-type';
    return 'redundant-word';
  }
  if (f.ruleId === 'attachment-note') {
    if (m.includes('冒号')) return 'colon';
    if (m.includes('分行')) return 'one-line';
    if (m.includes('不加标点')) return 'trailing-punctuation';
    if (m.includes('下脚点')) return 'number-mark';
    return 'numbering';
  }
  if (f.ruleId === 'closing-formula') return m.includes('夹带请示') ? 'request-in-report' : 'mismatch';
  return 'other';
}

const lintWith = (text: string, rules: Rule[]): Finding[] =>
  lint(text, { rules, config: { rules: {}, dictionaries: [], date: '2024-01-01' } }).findings;

export function corpusFiles(dir = requireShared('corpus', 'gov-docs')): Array<{ name: string; text: string }> {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, text: fs.readFileSync(path.join(dir, name), 'utf8') }));
}

export function scanCorpus2(): { files: number; findings: Finding2[]; titles: Record<string, number> } {
  const files = corpusFiles();
  const findings: Finding2[] = [];
  const titles: Record<string, number> = {};
  for (const { name, text } of files) {
    for (const x of lintWith(text, RULES_2)) findings.push({ ...x, file: name, kind: kindOf2(x), lineText: lineAround(text, x.start) });
    const t = findTitle(new LintDocument(text));
    const key = t ? t.docType ?? '(other ending)' : '(no title found)';
    titles[key] = (titles[key] ?? 0) + 1;
  }
  return { files: files.length, findings, titles: Object.fromEntries(Object.entries(titles).sort()) };
}

export function countsOf2(findings: readonly Finding2[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of findings) out[`${f.ruleId}/${f.kind}`] = (out[`${f.ruleId}/${f.kind}`] ?? 0) + 1;
  return Object.fromEntries(Object.entries(out).sort());
}

function lineAround(text: string, offset: number): string {
  let a = offset;
  while (a > 0 && text[a - 1] !== '\n' && text[a - 1] !== '\r') a--;
  let b = offset;
  while (b < text.length && text[b] !== '\n' && text[b] !== '\r') b++;
  return text.slice(a, b);
}

export interface Plant2 {
  kind: string;
  rule: Rule;
  mutate(text: string): string | undefined;
}

/** Damage a correct element of each document the way writers do; the rule must then report it. */
export const PLANTS_2: Plant2[] = [
  {
    kind: 'number: 〔2019〕28号 → (2019)28号',
    rule: documentNumber,
    mutate: (t) => t.replace(/(\p{Script=Han})〔([0-9]{4})〕([0-9]+号)/u, '$1($2)$3'),
  },
  {
    kind: 'number: 〔2019〕28号 → 〔2019〕第28号',
    rule: documentNumber,
    mutate: (t) => t.replace(/(\p{Script=Han})〔([0-9]{4})〕([0-9]+号)/u, '$1〔$2〕第$3'),
  },
  {
    kind: 'title: 文种 → 请示报告',
    rule: documentTitle,
    mutate: (t) => {
      const title = findTitle(new LintDocument(t));
      if (!title || !title.docType) return undefined;
      const last = title.offsets[title.text.length - 1] + 1;
      return t.slice(0, last - title.docType.length) + '请示报告' + t.slice(last);
    },
  },
  {
    kind: 'title: 。 at the end',
    rule: documentTitle,
    mutate: (t) => {
      const title = findTitle(new LintDocument(t));
      if (!title || title.trailing) return undefined;
      const last = title.offsets[title.text.length - 1] + 1;
      return t.slice(0, last) + '。' + t.slice(last);
    },
  },
  {
    kind: 'attachment: 。 after the last name',
    rule: attachmentNote,
    mutate: (t) => {
      const m = /(^|\n)([ \u3000]*附件：[^\r\n]*?)([ \u3000]*)(\r?\n)/.exec(t);
      if (!m || /[。；，、]$/.test(m[2])) return undefined;
      const at = m.index + m[1].length + m[2].length;
      return t.slice(0, at) + '。' + t.slice(at);
    },
  },
  {
    kind: 'closing: 特此报告。 at the end of a 通知',
    rule: closingFormula,
    mutate: (t) => {
      const title = findTitle(new LintDocument(t));
      if (!title || title.docType !== '通知' || /转发|批转|印发|发布/.test(title.text)) return undefined;
      const m = /(^|\n)([ \u3000]*)(\S[^\r\n]*。)[ \u3000]*(\r?\n)/.exec(t.slice(title.lines[title.lines.length - 1].end));
      if (!m) return undefined;
      const at = title.lines[title.lines.length - 1].end + m.index + m[1].length + m[2].length + m[3].length;
      return t.slice(0, at) + '特此报告。' + t.slice(at);
    },
  },
];

export function plantErrors2(): Array<{ kind: string; planted: number; detected: number; missed: string[] }> {
  const files = corpusFiles();
  const results = PLANTS_2.map((p) => ({ kind: p.kind, planted: 0, detected: 0, missed: [] as string[] }));
  for (const { name, text } of files) {
    PLANTS_2.forEach((p, i) => {
      if (lintWith(text, [p.rule]).length > 0) return;
      const mutated = p.mutate(text);
      if (mutated === undefined || mutated === text) return;
      results[i].planted++;
      if (lintWith(mutated, [p.rule]).length > 0) results[i].detected++;
      else results[i].missed.push(name);
    });
  }
  return results;
}

if (require.main === module) {
  const args = process.argv.slice(2);
  if (args[0] === '--odw') {
    // Each sentence of the ECSpell official-document data (both the erroneous and the corrected
    // form) linted as a one-line document: a check for false positives outside gov-docs.
    let sentences = 0;
    let count = 0;
    for (const f of ['odw.train', 'odw.test']) {
      for (const line of fs.readFileSync(requireShared('corpus', 'ecspell-odw', f), 'utf8').split('\n')) {
        for (const sentence of line.split('\t').slice(1)) {
          sentences++;
          for (const x of lintWith(sentence, RULES_2)) {
            count++;
            console.log(`${x.ruleId}: ${sentence.slice(0, 80)}\n   → ${x.message}`);
          }
        }
      }
    }
    console.log(`${sentences} sentences, ${count} findings`);
  } else if (args[0] === '--titles') {
    for (const { name, text } of corpusFiles()) {
      const t = findTitle(new LintDocument(text));
      console.log(`${t ? t.docType ?? '?' : '-'}\t${name}\t${t ? t.text : ''}`);
    }
  } else {
    const { files, findings, titles } = scanCorpus2();
    if (args[0] === '--list') {
      findings
        .filter((f) => f.ruleId === args[1])
        .forEach((f, i) => console.log(`${i + 1}. [${f.kind},${f.severity}] ${f.file}:${f.line + 1}:${f.column + 1}\n   ${f.lineText.trim().slice(0, 90)}\n   → ${f.message}`));
    } else {
      console.log(`${files} files, ${findings.length} findings`);
      console.log(JSON.stringify(countsOf2(findings), null, 2));
      console.log('titles found, by 文种:', JSON.stringify(titles, null, 2));
      for (const r of plantErrors2()) {
        console.log(`${r.kind}: detected ${r.detected} / ${r.planted}`);
        for (const m of r.missed.slice(0, 10)) console.log(`   missed: ${m}`);
      }
    }
  }
}
