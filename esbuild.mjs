// Bundles the three faces. The jieba segmenter's native .node binary and its dictionary cannot be
// bundled: they stay in node_modules (and are copied into the .vsix) and are required at run time.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';

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
  external: ['@node-rs/jieba', '@node-rs/jieba/dict'],
};

const builds = [
  { ...common, entryPoints: ['server/cli/index.ts'], outfile: 'dist/cli.js' },
  { ...common, entryPoints: ['server/lsp/index.ts'], outfile: 'dist/server.js' },
  { ...common, entryPoints: ['client/extension.ts'], outfile: 'dist/extension.js', external: [...common.external, 'vscode'] },
].filter((b) => fs.existsSync(b.entryPoints[0]));

// re2-wasm (user dictionary patterns) is bundled, but loads re2.wasm from the bundle's own folder.
fs.mkdirSync('dist', { recursive: true });
fs.copyFileSync('node_modules/re2-wasm/build/wasm/re2.wasm', 'dist/re2.wasm');

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
