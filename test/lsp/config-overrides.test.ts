import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TestClient, assertBundleBuilt, byRule, fileUri } from './helpers/client';

/**
 * The language server (bundle) with a config file whose overrides give two documents in the same
 * folder different rules; a mistake inside an override is shown on the config file.
 */
describe('LSP: config overrides', function () {
  this.timeout(60000);
  let client: TestClient;
  let dir: string;

  before(async () => {
    assertBundleBuilt();
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'gongwen-lsp-overrides-')));
    fs.writeFileSync(
      path.join(dir, '.gongwenrc.yaml'),
      'root: true\nrules:\n  comma-width: warn\noverrides:\n  - files: "*.speech.md"\n    rules:\n      comma-width: off\n  - files: "通知*"\n    rules:\n      comma-width: error\n      coma-width: off\n',
    );
    client = await TestClient.start({ rootPath: dir, settings: { '*': {} } });
  });
  after(async () => {
    await client?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const commaSeverities = async (name: string): Promise<Array<number | undefined>> => {
    const uri = fileUri(path.join(dir, name));
    await client.open(uri, '甲方,乙方。\n丙方,丁方。\n');
    const p = await client.waitForDiagnostics(uri);
    return byRule(p.diagnostics, 'comma-width').map((d) => d.severity);
  };

  it('each document gets the overrides its name matches', async () => {
    assert.deepStrictEqual(await commaSeverities('报告.md'), [2, 2]);
    assert.deepStrictEqual(await commaSeverities('讲话.speech.md'), []);
    assert.deepStrictEqual(await commaSeverities('通知.txt'), [1, 1]);
  });

  it('a typo inside an override is a diagnostic on the config file, at its line', async () => {
    const rcUri = fileUri(path.join(dir, '.gongwenrc.yaml'));
    const p = await client.waitForDiagnostics(rcUri, (x) => x.diagnostics.length > 0, 20000, 0);
    assert.strictEqual(p.diagnostics.length, 1);
    assert.match(String(p.diagnostics[0].message), /overrides\[1\].*coma-width.*comma-width/);
    assert.strictEqual(p.diagnostics[0].range.start.line, 10);
  });
});
