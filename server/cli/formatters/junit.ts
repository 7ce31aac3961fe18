import type { FileResult, FormatContext } from '../result';
import { repoPath } from './positions';

const LABEL = { error: '错误', warn: '警告', info: '提示' } as const;

/**
 * JUnit XML for CI dashboards (GitLab's `artifacts:reports:junit`, Jenkins, Azure): one
 * <testsuite> per checked file. Every error or warning is a failed <testcase>; info-level hints
 * are passing test cases that carry the hint in <system-out>, so a dashboard's red matches the
 * exit code's idea of a problem more closely; a clean file is one passing test case; a file that
 * could not be read is an <error>.
 */
export function formatJunit(results: readonly FileResult[], ctx: FormatContext): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let errors = 0;
  for (const r of results) {
    const file = repoPath(r.filePath, ctx.cwd);
    const cases: string[] = [];
    let suiteFailures = 0;
    let suiteErrors = 0;
    if (r.fatal) {
      suiteErrors++;
      cases.push(`    <testcase classname="${attr(file)}" name="${attr(`${file} 无法检查`)}" time="0">\n      <error type="file-error" message="${attr(r.fatal)}">${text(r.fatal)}</error>\n    </testcase>`);
    }
    for (const f of r.findings) {
      const where = `${f.line + 1}:${f.column + 1}`;
      const name = `${where} ${f.ruleId}`;
      const detail = `${file}:${where} ${LABEL[f.severity]} ${f.message} (${f.ruleId})`;
      if (f.severity === 'info') {
        cases.push(`    <testcase classname="${attr(file)}" name="${attr(name)}" time="0">\n      <system-out>${text(detail)}</system-out>\n    </testcase>`);
      } else {
        suiteFailures++;
        cases.push(`    <testcase classname="${attr(file)}" name="${attr(name)}" time="0">\n      <failure type="${attr(f.ruleId)}" message="${attr(f.message)}">${text(detail)}</failure>\n    </testcase>`);
      }
    }
    if (cases.length === 0) cases.push(`    <testcase classname="${attr(file)}" name="${attr(`${file} 无问题`)}" time="0"/>`);
    tests += cases.length;
    failures += suiteFailures;
    errors += suiteErrors;
    suites.push(`  <testsuite name="${attr(file)}" tests="${cases.length}" failures="${suiteFailures}" errors="${suiteErrors}" skipped="0" time="0">\n${cases.join('\n')}\n  </testsuite>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="gongwen-lint" tests="${tests}" failures="${failures}" errors="${errors}" time="0">\n${suites.join('\n')}${suites.length > 0 ? '\n' : ''}</testsuites>\n`;
}

/** Characters XML 1.0 cannot carry at all (controls other than tab/LF/CR, lone surrogates, U+FFFE/F). */
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function text(s: string): string {
  return s.replace(INVALID_XML, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attr(s: string): string {
  return text(s).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}
