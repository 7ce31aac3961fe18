import { LintDocument } from './document';
import { parseDirectives, Suppressions } from './directives';
import { resolveReferenceDate } from './reference-date';
import { segmenter as defaultSegmenter } from './segmenter';
import { loadDictionaries } from './dictionaries';
import { applyEdits, fixUntilStable } from './fixes';
import { UNUSED_DIRECTIVE_RULE_ID, unusedDirectiveReports } from './unused-directives';
import type { CompiledDictionaries } from './dictionary-types';
import type { ResolvedConfig, RuleSetting } from './config-types';
import type { SegmenterHandle } from './segmenter-types';
import type { Finding, Format, ReferenceDate, Report, Rule, Severity, TextEdit } from './types';

export const INTERNAL_ERROR_RULE_ID = 'internal-error';

export interface LintOptions {
  format?: Format;
  /** Effective configuration; defaults to every rule at its default level. */
  config?: Pick<ResolvedConfig, 'rules' | 'dictionaries' | 'date'>;
  /** The rules to run; defaults to the full registry (passed in by the faces, injected in tests). */
  rules: readonly Rule[];
  dictionaries?: CompiledDictionaries;
  segmenter?: SegmenterHandle;
  /** "Today" for reference-date resolution; tests pin it. */
  today?: Date;
  /**
   * Only part of the rules run (the editor's first publish before the segmenter loads, or a
   * re-check of edited paragraphs): disable comments are then not judged by
   * unused-disable-directive, since the rules they name may simply not have run.
   */
  partial?: boolean;
}

export interface LintResult {
  findings: Finding[];
  date: ReferenceDate;
}

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warn: 1, error: 2 };

const dictionaryCache = new Map<string, CompiledDictionaries>();

/** Dictionaries compiled once per distinct list of user files (faces may pass their own). */
export function dictionariesFor(files: readonly string[]): CompiledDictionaries {
  const key = files.join('\n');
  let d = dictionaryCache.get(key);
  if (!d) {
    d = loadDictionaries(files);
    dictionaryCache.set(key, d);
  }
  return d;
}

/** Drops cached dictionaries, e.g. when the editor sees a dictionary file change. */
export function clearDictionaryCache(): void {
  dictionaryCache.clear();
}

export function effectiveSetting(rule: Rule, config: LintOptions['config']): RuleSetting {
  return config?.rules[rule.meta.id] ?? { level: rule.meta.defaultSeverity, options: {} };
}

/** Whether a rule that may need the word segmenter is on: only then is loading it worth starting. */
export function segmenterRuleOn(rules: readonly Rule[], config: LintOptions['config']): boolean {
  return rules.some((r) => r.meta.needsSegmenter && effectiveSetting(r, config).level !== 'off');
}

/**
 * Runs every enabled rule over one text. A rule that throws is reported as one internal-error
 * finding and the others still run; findings inside excluded regions (code, URLs) or disabled by
 * inline directives are dropped; results are sorted by position.
 */
export function lint(text: string, options: LintOptions): LintResult {
  const doc = new LintDocument(text, options.format ?? 'text');
  const date = resolveReferenceDate(text, options.config?.date, options.today);
  const dictionaries = options.dictionaries ?? dictionariesFor(options.config?.dictionaries ?? []);
  const segmenter = options.segmenter ?? defaultSegmenter;
  const directives = parseDirectives(doc);
  const suppressions = new Suppressions(directives, doc);
  const findings: Finding[] = [];

  for (const rule of options.rules) {
    const setting = effectiveSetting(rule, options.config);
    if (setting.level === 'off') continue;
    const level: Severity = setting.level;
    const reports: Report[] = [];
    try {
      rule.check({
        doc,
        options: setting.options,
        date,
        dictionaries,
        segmenter,
        report: (r) => reports.push(r),
      });
    } catch (e) {
      findings.push(internalError(doc, rule.meta.id, e));
      continue;
    }
    for (const r of reports) {
      const invalid = validateReport(r, doc);
      if (invalid) {
        findings.push(internalError(doc, rule.meta.id, new Error(invalid)));
        break;
      }
      if (doc.touchesExcluded(r.start, r.end)) continue;
      if (!suppressions.isEmpty && suppressions.isSuppressed(rule.meta.id, r.start)) continue;
      // A rule may lower one finding's level (never raise it above the configured level).
      const finding = toFinding(doc, rule.meta.id, r, r.severity && level !== 'info' && SEVERITY_RANK[r.severity] < SEVERITY_RANK[level] ? r.severity : level);
      // A fix or suggestion that would change code or markup is withdrawn, the finding stays.
      if (finding.fix && doc.touchesExcluded(finding.fix.start, finding.fix.end)) delete finding.fix;
      if (finding.suggestions) {
        finding.suggestions = finding.suggestions.filter((s) => !doc.touchesExcluded(s.edit.start, s.edit.end));
        if (finding.suggestions.length === 0) delete finding.suggestions;
      }
      findings.push(finding);
    }
  }
  const judge = suppressions.isEmpty || options.partial ? undefined : options.rules.find((r) => r.meta.id === UNUSED_DIRECTIVE_RULE_ID);
  const judgeLevel = judge ? effectiveSetting(judge, options.config).level : 'off';
  if (judgeLevel !== 'off') {
    const ran = new Set(options.rules.filter((r) => effectiveSetting(r, options.config).level !== 'off').map((r) => r.meta.id));
    const known = new Set(options.rules.map((r) => r.meta.id));
    // Only a comment that names this rule disables its reports: a comment for all rules would
    // otherwise hide the report that it disables nothing.
    const byName = new Suppressions(directives.filter((d) => d.ruleIds.includes(UNUSED_DIRECTIVE_RULE_ID)), doc);
    for (const r of unusedDirectiveReports(doc, suppressions, ran, known)) {
      if (byName.isEmpty || !byName.isSuppressed(UNUSED_DIRECTIVE_RULE_ID, r.start)) findings.push(toFinding(doc, UNUSED_DIRECTIVE_RULE_ID, r, judgeLevel));
    }
  }
  findings.sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
  return { findings, date };
}

function toFinding(doc: LintDocument, ruleId: string, r: Report, severity: Severity): Finding {
  const s = doc.positionAt(r.start);
  const e = doc.positionAt(r.end);
  const f: Finding = {
    ruleId,
    severity,
    start: r.start,
    end: r.end,
    message: r.message,
    line: s.line,
    column: s.character,
    endLine: e.line,
    endColumn: e.character,
  };
  if (r.fix) f.fix = r.fix;
  if (r.suggestions && r.suggestions.length > 0) f.suggestions = r.suggestions;
  return f;
}

/** Ranges must lie in the text and never split a surrogate pair: a broken rule must not corrupt text. */
function validateReport(r: Report, doc: LintDocument): string | undefined {
  const len = doc.text.length;
  const edits: TextEdit[] = [{ start: r.start, end: r.end, text: '' }];
  if (r.fix) edits.push(r.fix);
  for (const s of r.suggestions ?? []) edits.push(s.edit);
  for (const e of edits) {
    if (!Number.isInteger(e.start) || !Number.isInteger(e.end) || e.start < 0 || e.end > len || e.start > e.end) {
      return `范围无效 [${e.start}, ${e.end})`;
    }
    if (splitsSurrogate(doc.text, e.start) || splitsSurrogate(doc.text, e.end)) return `范围拆开了代理对 [${e.start}, ${e.end})`;
  }
  return undefined;
}

function splitsSurrogate(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

function internalError(doc: LintDocument, ruleId: string, e: unknown): Finding {
  const detail = e instanceof Error ? e.message : String(e);
  void doc;
  return {
    ruleId: INTERNAL_ERROR_RULE_ID,
    severity: 'error',
    start: 0,
    end: 0,
    line: 0,
    column: 0,
    endLine: 0,
    endColumn: 0,
    message: `规则 ${ruleId} 运行出错，已跳过该规则（其他规则照常检查）：${detail}。这是检查工具的缺陷，请报告。`,
  };
}

/** The fixes of a lint result, ready for applyEdits. */
export function fixesOf(findings: readonly Finding[]): TextEdit[] {
  return findings.filter((f) => f.fix).map((f) => f.fix as TextEdit);
}

/** Lints and fixes until stable; `output` is the fixed text. */
export function fixText(text: string, options: LintOptions): { output: string; fixed: number; passes: number } {
  return fixUntilStable(text, (t) => fixesOf(lint(t, options).findings));
}

export { applyEdits };
