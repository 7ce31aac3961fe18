/**
 * gongwen-lint language server. Runs over stdio (`--stdio`, also `gongwen-lint --stdio`),
 * Node IPC (`--node-ipc`) or a socket (`--socket=N`), as vscode-languageserver decides from argv.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

startServer(createConnection(ProposedFeatures.all));
