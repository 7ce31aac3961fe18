#!/usr/bin/env node
'use strict';
// The language server under its own name, for editor configs that expect one. Without a transport
// flag it speaks LSP over stdio, the transport every LSP client supports.
const path = require('path');
const fs = require('fs');
const bundle = path.join(__dirname, '..', 'dist', 'server.js');
if (!fs.existsSync(bundle)) {
  process.stderr.write('gongwen-language-server: 未找到 dist/ 下的构建产物，请先运行 npm run build（build output missing; run npm run build）\n');
  process.exit(2);
}
const transports = ['--stdio', '--node-ipc', '--socket', '--pipe'];
if (!process.argv.slice(2).some((a) => transports.some((t) => a === t || a.startsWith(`${t}=`)))) process.argv.push('--stdio');
require(bundle);
