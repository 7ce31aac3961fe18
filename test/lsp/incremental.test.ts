import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { lintIncremental, type IncrementalState } from '../../server/lsp/incremental';
import { lint } from '../../rules/engine/runner';
import { commaWidth } from '../../rules/checks/punctuation/comma-width';
import type { Format, Rule } from '../../rules/engine/types';

const SPEECH = fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'speech.txt'), 'utf8');

const meta = (id: string, scope?: 'paragraph'): Rule['meta'] => ({
  id,
  category: 'internal',
  description: id,
  defaultSeverity: 'warn',
  fixable: true,
  basis: '测试',
  basisLevel: '实务',
  docs: `rules/docs/${id}.md`,
  ...(scope ? { scope } : {}),
});

/** Paragraph-local by construction: each 的, with how many the paragraph has (still local). */
const localChar: Rule = {
  meta: meta('t-de', 'paragraph'),
  check(ctx) {
    for (const p of ctx.doc.paragraphs()) {
      const s = ctx.doc.prose.slice(p.start, p.end);
      const n = s.split('的').length - 1;
      for (let i = s.indexOf('的'); i !== -1; i = s.indexOf('的', i + 1)) {
        ctx.report({ start: p.start + i, end: p.start + i + 1, message: `本段第 ${n} 个“的”之一`, fix: { start: p.start + i, end: p.start + i + 1, text: '地' } });
      }
    }
  },
};

/** Paragraph-local: a zero-width finding at the end of each sentence without 。 (tests the boundary offset). */
const localSentenceEnd: Rule = {
  meta: meta('t-end', 'paragraph'),
  check(ctx) {
    for (const p of ctx.doc.paragraphs()) {
      for (const sen of ctx.doc.sentences(p)) {
        const last = ctx.doc.prose[sen.end - 1];
        if (last !== '。' && last !== '\u0000') ctx.report({ start: sen.end, end: sen.end, message: '句末无句号', fix: { start: sen.end, end: sen.end, text: '。' } });
      }
    }
  },
};

/** Paragraph-local, scanning the whole prose string (not paragraphs()). */
const localScan: Rule = {
  meta: meta('t-scan', 'paragraph'),
  check(ctx) {
    const re = /甲乙/g;
    for (let m = re.exec(ctx.doc.prose); m; m = re.exec(ctx.doc.prose)) ctx.report({ start: m.index, end: m.index + 2, message: '甲乙', suggestions: [{ title: '改', edit: { start: m.index, end: m.index + 2, text: '乙甲' } }] });
  },
};

/** Document scope: its message depends on the whole document. */
const documentCount: Rule = {
  meta: meta('t-doc'),
  check(ctx) {
    const n = ctx.doc.paragraphs().length;
    const first = ctx.doc.paragraphs()[0];
    if (first) ctx.report({ start: first.start, end: first.start, message: `全文 ${n} 段` });
  },
};

const RULES = [commaWidth, localChar, localSentenceEnd, localScan, documentCount];
const SNIPPETS = ['的', '，', ',', '。', '\n', '\n\n', '\r\n', '  ', '甲乙', '甲', '乙', '𠮷', '<!-- gongwen-disable-next-line t-de -->\n', '<!-- gongwen-disable t-de -->', '`代码的`', '```\n', 'https://example.com/的', '# '];

interface Edit {
  at: number;
  del: number;
  ins: number;
}

function apply(text: string, e: Edit): string {
  const at = Math.floor(e.at * (text.length + 1));
  let start = Math.min(at, text.length);
  // Never split a surrogate pair (an editor would not either).
  if (start > 0 && start < text.length && /[\udc00-\udfff]/.test(text[start])) start--;
  let end = Math.min(text.length, start + e.del);
  if (end < text.length && /[\udc00-\udfff]/.test(text[end])) end++;
  return text.slice(0, start) + SNIPPETS[e.ins] + text.slice(end);
}

function check(format: Format, initial: string, edits: Edit[]): { reusedSteps: number } {
  const options = { rules: RULES, format, today: new Date('2026-11-27T00:00:00Z') };
  let state: IncrementalState | undefined;
  let text = initial;
  let reusedSteps = 0;
  for (let i = 0; i <= edits.length; i++) {
    if (i > 0) text = apply(text, edits[i - 1]);
    const r = lintIncremental(text, options, state, 'k');
    const full = lint(text, options).findings;
    assert.deepStrictEqual(r.findings, full, `step ${i}, text ${JSON.stringify(text.slice(0, 200))}`);
    if (r.reused > 0) reusedSteps++;
    state = r.state;
  }
  return { reusedSteps };
}

describe('LSP: paragraph-level reuse gives exactly the findings of a full run', function () {
  this.timeout(120000);
  const editArb = fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), del: fc.nat(6), ins: fc.nat(SNIPPETS.length - 1) }), { minLength: 1, maxLength: 12 });
  const base = SPEECH.slice(0, 1500);

  for (const format of ['text', 'markdown'] as const) {
    it(`${format}: random edit sequences on the seed speech`, () => {
      let reused = 0;
      fc.assert(
        fc.property(editArb, (edits) => {
          // In Markdown a paragraph is a block of lines: separate the speech's lines by blank lines.
          reused += check(format, format === 'markdown' ? base.replace(/\n/g, '\n\n') : base, edits).reusedSteps;
        }),
        { numRuns: 60, seed: format === 'text' ? 4242 : 2424 },
      );
      assert.ok(reused > 50, `reuse must actually happen (it did in ${reused} steps)`);
    });
  }

  it('typing in one paragraph of a long document re-checks only that paragraph', () => {
    const options = { rules: RULES, format: 'text' as const };
    const text = SPEECH.repeat(3);
    const first = lintIncremental(text, options, undefined, 'k');
    const at = text.indexOf('\n', 5000) + 3;
    const edited = text.slice(0, at) + '的' + text.slice(at);
    const second = lintIncremental(edited, options, first.state, 'k');
    assert.strictEqual(second.checked, 1);
    assert.ok(second.reused > 20, String(second.reused));
    assert.deepStrictEqual(second.findings, lint(edited, options).findings);
  });

  it('falls back to a full run when the configuration key changes', () => {
    const options = { rules: RULES, format: 'text' as const };
    const first = lintIncremental(SPEECH, options, undefined, 'k1');
    const second = lintIncremental(SPEECH + '的', options, first.state, 'k2');
    assert.strictEqual(second.checked, -1);
  });

  it('without paragraph-scope rules it is a plain lint', () => {
    const r = lintIncremental(SPEECH, { rules: [commaWidth] }, undefined, 'k');
    assert.strictEqual(r.state, undefined);
    assert.deepStrictEqual(r.findings, lint(SPEECH, { rules: [commaWidth] }).findings);
  });
});
