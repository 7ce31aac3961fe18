import * as assert from 'assert';
import * as fc from 'fast-check';
import * as fs from 'fs';
import { decode, encode, type EncodingName } from '../../server/cli/encoding';
import { fixText, dictionariesFor } from '../../rules/engine/runner';
import { allRules } from '../../rules/registry';
import { documentArb, dictionaryFragments, propertyParams, ruleIdsOf, ruleTestSnippets } from './arbitraries';
import { run, tempProject, type TempDir } from '../cli/helpers';

/**
 * End to end through the CLI: a random document saved in a random encoding, `--fix`, and the file
 * on disk is exactly the engine's fixed text in the same encoding and BOM state; a second --fix
 * changes no byte.
 */
const LONE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const ENCODINGS: Array<{ encoding: EncodingName; bom: boolean }> = [
  { encoding: 'utf8', bom: false },
  { encoding: 'utf8', bom: true },
  { encoding: 'utf16le', bom: true },
  { encoding: 'utf16be', bom: true },
  { encoding: 'gb18030', bom: false },
];

describe('property: --fix through the CLI keeps encoding and BOM, and is idempotent', function () {
  this.timeout(120_000);
  let t: TempDir;
  before(() => {
    t = tempProject({ root: true });
  });
  after(() => t.cleanup());

  it('random documents in random encodings', async () => {
    const extra = dictionaryFragments(dictionariesFor([]));
    const snippets = ruleTestSnippets();
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        documentArb({ ruleIds: ruleIdsOf(allRules), extraFragments: extra, snippets, maxBlocks: 8 }).filter((d) => !LONE.test(d.text) && !d.text.startsWith('\uFEFF')),
        fc.constantFrom(...ENCODINGS),
        async (d, enc) => {
          // Detection reads BOM-less text that is valid UTF-8 as UTF-8: GB18030 only when it is not.
          const bytes = encode(d.text, enc);
          const detected = decode(bytes);
          const name = `doc${n++}.${d.format === 'markdown' ? 'md' : 'txt'}`;
          const file = t.write(name, bytes);
          const r = await run(['--fix', '--format', 'json', name], { cwd: t.dir });
          assert.ok(r.code === 0 || r.code === 1, `exit ${r.code}: ${r.stderr}`);
          const after = fs.readFileSync(file);
          const expected = fixText(detected.text, { format: d.format, rules: allRules }).output;
          assert.ok(after.equals(encode(expected, detected)), `bytes after --fix differ for ${JSON.stringify(d.text)} in ${enc.encoding}${enc.bom ? '+BOM' : ''}`);
          const r2 = await run(['--fix', '--format', 'json', name], { cwd: t.dir });
          assert.ok(r2.code === 0 || r2.code === 1, r2.stderr);
          assert.ok(fs.readFileSync(file).equals(after), 'a second --fix changed the file');
          fs.unlinkSync(file);
        },
      ),
      propertyParams(40),
    );
  });
});
