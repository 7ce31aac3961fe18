#!/usr/bin/env node
'use strict';
// Thin launcher: the CLI itself is bundled by esbuild (npm run build / prepare).
const path = require('path');
const fs = require('fs');
// `gongwen-lint --stdio` is the language server, for editors that start it by this name.
const bundle = path.join(__dirname, '..', 'dist', process.argv.includes('--stdio') ? 'server.js' : 'cli.js');
if (!fs.existsSync(bundle)) {
  process.stderr.write('gongwen-lint: 未找到 dist/ 下的构建产物，请先运行 npm run build（build output missing; run npm run build）\n');
  process.exit(2);
}
require(bundle);
