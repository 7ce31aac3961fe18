// Bundles the three faces. The jieba segmenter's native .node binary and its dictionary cannot be
// bundled: they stay in node_modules (and are copied into the .vsix) and are required at run time.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  external: ['@node-rs/jieba', '@node-rs/jieba/dict', '@node-rs/jieba/package.json'],
};

const builds = [
  { ...common, entryPoints: ['server/cli/index.ts'], outfile: 'dist/cli.js' },
  { ...common, entryPoints: ['server/lsp/index.ts'], outfile: 'dist/server.js' },
  { ...common, entryPoints: ['client/extension.ts'], outfile: 'dist/extension.js', external: [...common.external, 'vscode'] },
].filter((b) => fs.existsSync(b.entryPoints[0]));

// re2-wasm (user dictionary patterns) is bundled, but loads re2.wasm from the bundle's own folder.
fs.mkdirSync('dist', { recursive: true });
fs.copyFileSync('node_modules/re2-wasm/build/wasm/re2.wasm', 'dist/re2.wasm');

// Built-in dictionaries: parsed and schema-validated here, once, by the engine's own loader
// (rules/engine/dictionaries.ts, bundled to a temporary file), and written as
// dist/builtin-dictionaries.json, which the bundles load instead of YAML + ajv. An invalid or
// missing dictionary fails the build. The artifact records the hash of every YAML source: a
// source edited after the build (e.g. in --watch mode) makes the bundles fall back to the YAML.
async function buildDictionaryArtifact() {
  const tmp = path.resolve('dist', '.build-dictionaries.cjs');
  await esbuild.build({
    ...common,
    sourcemap: false,
    minify: false,
    stdin: {
      contents: "export { buildBuiltInArtifact, BUILT_IN_ARTIFACT } from './rules/engine/dictionaries';",
      resolveDir: process.cwd(),
      loader: 'ts',
    },
    outfile: tmp,
  });
  try {
    const { buildBuiltInArtifact, BUILT_IN_ARTIFACT } = createRequire(import.meta.url)(tmp);
    const artifact = buildBuiltInArtifact(path.resolve('rules', 'data'));
    const out = path.join('dist', BUILT_IN_ARTIFACT);
    fs.writeFileSync(out + '.tmp', JSON.stringify(artifact));
    fs.renameSync(out + '.tmp', out);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}
await buildDictionaryArtifact();

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
