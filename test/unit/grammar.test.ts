/**
 * Runs the TextMate grammar tests (test/grammar/*.test.*, vscode-tmgrammar-test) as part of
 * `npm test`. The grammar CLI reads the grammars from package.json `contributes.grammars`
 * (including the placeholder injection and its injectTo), plus stand-ins for VS Code's Markdown
 * and plain-text grammars that are not available outside VS Code.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

// out/test/unit/grammar.test.js → repository root
const root = path.resolve(__dirname, '..', '..', '..');

describe('TextMate grammars (vscode-tmgrammar-test)', () => {
  it('every grammar test case passes', function () {
    this.timeout(60000);
    const cli = require.resolve('vscode-tmgrammar-test/dist/unit.js', { paths: [root] });
    const cases = fs.readdirSync(path.join(root, 'test', 'grammar')).filter((f) => /\.test\.[a-z]+$/.test(f));
    assert.ok(cases.length >= 3, `expected grammar test files in test/grammar, found ${cases.length}`);
    const run = spawnSync(
      process.execPath,
      [
        cli,
        '--compact',
        '-g', 'test/grammar/markdown-stub.tmLanguage.json',
        '-g', 'test/grammar/plain-stub.tmLanguage.json',
        'test/grammar/*.test.*',
      ],
      { cwd: root, encoding: 'utf8' },
    );
    const output = `${run.stdout ?? ''}${run.stderr ?? ''}`;
    assert.equal(run.error, undefined, `could not start vscode-tmgrammar-test: ${run.error}`);
    assert.equal(run.status, 0, `vscode-tmgrammar-test failed:\n${output}`);
    // Every test file must have been run, not just found.
    for (const file of cases) assert.match(output, new RegExp(file.replace(/\./g, '\\.')), `${file} was not run`);
  });
});
