/**
 * The extension manifest (root package.json) against the rest of the repository: localized
 * strings, settings against the server's defaults, contributed files, activation events, commands.
 * Plain Node: no VS Code needed.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_SETTINGS } from '../../server/lsp/settings';
import { LANGUAGE_IDS } from '../../server/lsp/protocol';

const root = path.resolve(__dirname, '..', '..', '..');
const readJson = (rel: string) => JSON.parse(fs.readFileSync(path.join(root, rel), 'utf8'));
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const manifest: any = readJson('package.json');
const clientSources = fs
  .readdirSync(path.join(root, 'client'))
  .filter((f) => f.endsWith('.ts'))
  .map((f) => fs.readFileSync(path.join(root, 'client', f), 'utf8'))
  .join('\n');

describe('extension manifest', () => {
  it('every %key% has an English and a Chinese string, and no string is unused', () => {
    const en = readJson('package.nls.json');
    const zh = readJson('package.nls.zh-cn.json');
    const used = new Set([...JSON.stringify(manifest).matchAll(/"%([\w.-]+)%"/g)].map((m) => m[1]));
    assert.ok(used.size > 10, 'manifest should use nls keys');
    for (const key of used) {
      assert.ok(typeof en[key] === 'string' && en[key].length > 0, `package.nls.json lacks ${key}`);
      assert.ok(typeof zh[key] === 'string' && zh[key].length > 0, `package.nls.zh-cn.json lacks ${key}`);
    }
    assert.deepEqual(Object.keys(en).sort(), [...used].sort(), 'package.nls.json has keys the manifest does not use');
    assert.deepEqual(Object.keys(zh).sort(), [...used].sort(), 'package.nls.zh-cn.json has keys the manifest does not use');
  });

  it('every runtime UI string (vscode.l10n.t) has a Chinese translation, and the bundle has no stale entries', () => {
    const bundle = readJson('l10n/bundle.l10n.zh-cn.json');
    const strings = new Set([...clientSources.matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)].map((m) => m[1].replace(/\\(.)/g, '$1')));
    assert.ok(strings.size > 10);
    for (const s of strings) assert.ok(typeof bundle[s] === 'string', `l10n/bundle.l10n.zh-cn.json lacks "${s}"`);
    for (const key of Object.keys(bundle)) assert.ok(strings.has(key), `bundle entry "${key}" is not used by client/`);
    assert.equal(manifest.l10n, './l10n');
  });

  it('activates only on the served languages and on a config file', () => {
    assert.deepEqual(
      [...manifest.activationEvents].sort(),
      [...LANGUAGE_IDS.map((l) => `onLanguage:${l}`), 'workspaceContains:.gongwenrc*'].sort(),
    );
    const languages = manifest.contributes.languages.map((l: { id: string }) => l.id);
    assert.deepEqual(languages, ['gongwen']);
    assert.deepEqual(manifest.contributes.languages[0].extensions, ['.gw']);
  });

  it('declares every gongwen.* setting of the server contract, with the server defaults', () => {
    const props = manifest.contributes.configuration.properties;
    assert.deepEqual(Object.keys(props).sort(), [
      'gongwen.dictionaries',
      'gongwen.enable',
      'gongwen.maxFileSize',
      'gongwen.referenceDate',
      'gongwen.rules',
      'gongwen.run',
      'gongwen.trace.server',
    ]);
    assert.equal(props['gongwen.enable'].default, DEFAULT_SETTINGS.enable);
    assert.deepEqual(props['gongwen.rules'].default, DEFAULT_SETTINGS.rules);
    assert.deepEqual(props['gongwen.dictionaries'].default, DEFAULT_SETTINGS.dictionaries);
    assert.equal(props['gongwen.run'].default, DEFAULT_SETTINGS.run);
    assert.deepEqual(props['gongwen.run'].enum, ['onType', 'onSave']);
    assert.equal(props['gongwen.maxFileSize'].default, DEFAULT_SETTINGS.maxFileSize);
    assert.equal(props['gongwen.referenceDate'].default, '');
    const datePattern = new RegExp(props['gongwen.referenceDate'].pattern);
    assert.ok(datePattern.test('') && datePattern.test('2022-03-05') && !datePattern.test('2022/03/05'));
    assert.deepEqual(props['gongwen.trace.server'].enum, ['off', 'messages', 'verbose']);
    // Workspace dictionaries carry patterns: not taken from an untrusted workspace.
    assert.deepEqual(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations, ['gongwen.dictionaries']);
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
  });

  it('contributed files exist and parse', () => {
    for (const g of manifest.contributes.grammars) {
      const grammar = readJson(g.path);
      assert.equal(grammar.scopeName, g.scopeName, g.path);
    }
    readJson(manifest.contributes.languages[0].configuration);
    for (const v of [...manifest.contributes.jsonValidation, ...manifest.contributes.yamlValidation]) readJson(v.url);
    assert.equal(manifest.main, './dist/extension.js');
    assert.ok(fs.existsSync(path.join(root, 'LICENSE')), 'LICENSE');
  });

  it('every contributed command is registered by the client, and no client command clashes with a server command', () => {
    const contributed: string[] = manifest.contributes.commands.map((c: { command: string }) => c.command);
    const registered = new Set([...clientSources.matchAll(/registerCommand\(\s*'([\w.]+)'/g)].map((m) => m[1]));
    assert.deepEqual([...registered].sort(), [...contributed].sort());
    // The language client registers the server's executeCommand ids itself; registering them
    // again in the extension would throw "command already exists".
    for (const serverCommand of ['gongwen.fixAll', 'gongwen.showRuleDoc']) assert.ok(!registered.has(serverCommand), serverCommand);
  });
});
