/**
 * gongwen-lint language server. Runs over stdio (`--stdio`, also `gongwen-lint --stdio`),
 * Node IPC (`--node-ipc`) or a socket (`--socket=N`), as vscode-languageserver decides from argv.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';
import { limitServerHeap } from './document-linter';

limitServerHeap();

const connection = createConnection(ProposedFeatures.all);

// One bad request or a rule bug must not take the editor's checking down with it: log and go on.
// (The process still ends when the client closes the connection or sends exit.)
process.on('unhandledRejection', (e) => connection.console.error(`[gongwen] 未处理的异步错误：${describe(e)}`));
process.on('uncaughtException', (e) => connection.console.error(`[gongwen] 未捕获的异常：${describe(e)}`));

function describe(e: unknown): string {
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}

startServer(connection);
