/**
 * The custom part of the protocol between this server and its clients (the VS Code extension or
 * any other editor). Plain types and method names only, so a client may import this file.
 */

/** Settings section read through workspace/configuration. */
export const SETTINGS_SECTION = 'gongwen';

/** Languages the server checks; markdown is checked as Markdown, the others as plain text. */
export const LANGUAGE_IDS = ['plaintext', 'markdown', 'gongwen'] as const;

/** Code action kind of "fix all auto-fixable problems", for `editor.codeActionsOnSave`. */
export const FIX_ALL_KIND = 'source.fixAll.gongwen';

export const Commands = {
  /** Arguments: [ruleId]. Opens rules/docs/<id>.md through window/showDocument. */
  showRuleDoc: 'gongwen.showRuleDoc',
  /** Arguments: [uri]. Applies every automatic fix of the document through workspace/applyEdit. */
  fixAll: 'gongwen.fixAll',
} as const;

export type StatusState = 'idle' | 'checking' | 'loadingSegmenter';

/** Notification server → client. */
export const STATUS_NOTIFICATION = 'gongwen/status';
export interface StatusParams {
  state: StatusState;
  uri?: string;
  /** Number of problems in `uri` (sent with `idle`). */
  problems?: number;
}

/** Request client → server. */
export const LIST_RULES_REQUEST = 'gongwen/listRules';
export interface RuleInfo {
  id: string;
  description: string;
  category: string;
  defaultSeverity: 'info' | 'warn' | 'error';
  fixable: boolean;
  basis: string;
  /** Absolute path of the rule's Markdown doc when shipped next to the server, else the repository-relative path. */
  docsPath: string;
  /** Web address of the doc. */
  docsUrl: string;
}

/** Request client → server; accepts a workDoneToken for $/progress. */
export const CHECK_WORKSPACE_REQUEST = 'gongwen/checkWorkspace';
export interface CheckWorkspaceParams {
  /** Folder paths or file: URIs. */
  folders: string[];
  workDoneToken?: string | number;
}
export interface CheckWorkspaceResult {
  files: number;
  problems: number;
}

/** Initialization options the client may send. */
export interface InitializationOptions {
  /** Workspace trust (VS Code). Clients that do not send it are treated as trusted. */
  trusted?: boolean;
  /**
   * Whether a hover on a diagnostic repeats its message above the rule doc (default true). VS Code
   * already shows the diagnostic in the same hover, so its client sends false; editors whose
   * hover shows only what the server returns (Neovim, Emacs) keep the message.
   */
  hoverMessage?: boolean;
}
