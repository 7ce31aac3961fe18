import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { readShared, requireShared } from '../helpers/shared';
import { lint } from '../../rules/engine/runner';
import { formulationRules } from '../../rules/checks/formulation';
import { loadBuiltIn, correctForms, patternsOf } from '../../rules/engine/dictionaries';
import { collocationForms } from '../../rules/checks/formulation/scanner';

/**
 * The formulation rules on real official texts. The counts below are the ones judged in
 * docs/reports/formulation-corpus.md; when the data changes, re-run, re-judge and update both.
 */
const TODAY = new Date('2026-01-01T00:00:00Z');
const run = (text: string, date?: string) =>
  lint(text, { rules: formulationRules, config: { rules: {}, dictionaries: [], date }, today: TODAY });

describe('formulation rules on the clean official texts', () => {
  const clean: Array<[string, string]> = [
    ['gov_work_report_2022.txt', '2022-03-05'],
    ['guofa_2019_28_wending_jiuye.txt', '2019-12-13'],
    ['guobanfa_2020_52_yanglao_tuoyu.txt', '2020-12-14'],
  ];
  for (const [file, date] of clean) {
    it(`${file}: dated ${date} from the text itself, nothing reported`, () => {
      const text = readShared('corpus', file);
      const r = run(text);
      assert.strictEqual(r.date.iso, date, r.date.origin);
      assert.deepStrictEqual(r.findings.map((f) => `${f.ruleId} ${f.line + 1}: ${text.slice(f.start, f.end)}`), []);
    });
  }
  it('gov_work_report_2022.txt judged after the 20th congress: its 迎接 and 十九届 references are stale', () => {
    const text = readShared('corpus', 'gov_work_report_2022.txt');
    const f = run(text, '2023-06-01').findings;
    assert.deepStrictEqual(
      f.map((x) => `${x.ruleId} ${x.severity} ${x.line + 1} ${text.slice(x.start, x.end)}`),
      [
        'outdated-formulation warn 58 党的十九大和十九届历次全会精神',
        'outdated-formulation warn 58 迎接党的二十大胜利召开',
        'outdated-formulation warn 172 党的十九大和十九届历次全会精神',
        'outdated-formulation warn 196 迎接党的二十大胜利召开',
      ],
    );
  });
  it('the seed speech (../shared/seed/speech.txt): silent at 2022-03-01, three stale references at 2023-06-01', () => {
    const text = readShared('seed', 'speech.txt');
    assert.deepStrictEqual(run(text, '2022-03-01').findings.filter((f) => f.ruleId !== 'confusable-word').map((f) => f.message), []);
    const late = run(text, '2023-06-01').findings.filter((f) => f.ruleId !== 'confusable-word');
    assert.deepStrictEqual(late.map((f) => `${f.severity} ${text.slice(f.start, f.end)}`), [
      'warn 党的十九大和十九届历次全会精神',
      'warn 迎接党的二十大胜利召开',
      'warn 迎接党的二十大胜利召开',
    ]);
  });
});

describe('formulation rules over gov-docs (1,193 real documents)', () => {
  const dir = requireShared('corpus', 'gov-docs');
  const counts = new Map<string, number>();
  let documents = 0;
  const warnOutdatedInDated: string[] = [];
  before(() => {
    for (const f of fs.readdirSync(dir).sort()) {
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      const r = run(text);
      documents++;
      const dated = !r.date.origin.startsWith('今天');
      for (const x of r.findings) {
        const key = `${x.ruleId} ${x.severity} ${dated ? 'dated' : 'undated'}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
        if (x.ruleId === 'outdated-formulation' && x.severity !== 'info' && dated) warnOutdatedInDated.push(`${f}:${x.line + 1} ${text.slice(x.start, x.end)}`);
      }
    }
  });
  it('reads all documents', () => {
    assert.strictEqual(documents, 1193);
  });
  it('reports no error-level finding (these are published official texts)', () => {
    assert.deepStrictEqual([...counts.keys()].filter((k) => k.includes(' error ')), []);
  });
  it('reports outdated forms at warning level only in documents that carry no date (judged at “today”)', () => {
    assert.deepStrictEqual(warnOutdatedInDated, []);
  });
  it('matches the judged counts of docs/reports/formulation-corpus.md', () => {
    assert.deepStrictEqual(Object.fromEntries([...counts].sort()), {
      'banned-term info dated': 2,
      'confusable-word info dated': 20,
      'confusable-word info undated': 4,
      'formulation warn undated': 1,
      'outdated-formulation info dated': 4,
      'outdated-formulation info undated': 4,
      'outdated-formulation warn undated': 363,
    });
  });
});

describe('dictionary sources that cite a corpus line', () => {
  it('each cited [语料 FILE:LINE] line contains a form of its entry', () => {
    const bad: string[] = [];
    let checked = 0;
    for (const e of loadBuiltIn().entries) {
      for (const m of e.source.matchAll(/\[语料 ([^\]]+):(\d+)\]/g)) {
        const file = m[1];
        const lineNo = Number(m[2]);
        const lines = readShared('corpus', ...file.split('/')).split(/\r\n|\r|\n/);
        const line = (lines[lineNo - 1] ?? '').replace(/^\ufeff/, '');
        const forms = [
          ...correctForms(e),
          ...(e.variants ?? []),
          ...(e.swap ? [e.swap.to] : []),
          ...(e.kind === 'collocation' ? collocationForms(e).right : []),
        ];
        const ok =
          e.kind === 'enumeration'
            ? (e.members ?? []).every((x) => line.includes(x))
            : forms.some((x) => line.includes(x)) || patternsOf(e).some((p) => p.matchAll(line).length > 0);
        checked++;
        if (!ok) bad.push(`${e.id}: ${file}:${lineNo}`);
      }
    }
    assert.ok(checked >= 100, `only ${checked} citations checked`);
    assert.deepStrictEqual(bad, []);
  });
});
