import * as fs from 'fs';
import * as path from 'path';
import { docsUrl } from '../../rules/engine/project';
import type { Rule } from '../../rules/engine/types';
import type { RuleInfo } from './protocol';
import { pathToUri } from './uri';

/**
 * Rule docs ship as rules/docs/<id>.md beside the bundle's folder (dist/ → ../rules/docs), in the
 * repository and in the .vsix alike. Found relative to the running server, never the workspace.
 */
export function docsRoot(): string {
  return path.join(__dirname, '..');
}

export function docFilePath(rule: Rule): string | undefined {
  const candidates = [path.join(docsRoot(), rule.meta.docs), path.join(docsRoot(), 'rules', 'docs', `${rule.meta.id}.md`)];
  return candidates.find((p) => isFile(p));
}

const linkCache = new Map<string, string>();

/**
 * Where a diagnostic's rule link and the hover's "完整说明" point: the doc shipped with the server
 * when it is there (it always is in the .vsix and the npm package), so the link works offline —
 * many government networks have no internet access — and shows the doc of the installed version;
 * the project's web page otherwise.
 */
export function docLink(rule: Rule): string {
  let href = linkCache.get(rule.meta.id);
  if (href === undefined) {
    const file = docFilePath(rule);
    href = file ? pathToUri(file) : docsUrl(rule.meta.docs);
    linkCache.set(rule.meta.id, href);
  }
  return href;
}

const docCache = new Map<string, string | undefined>();

export function readDoc(rule: Rule): string | undefined {
  if (docCache.has(rule.meta.id)) return docCache.get(rule.meta.id);
  const file = docFilePath(rule);
  let text: string | undefined;
  try {
    text = file ? fs.readFileSync(file, 'utf8') : undefined;
  } catch {
    text = undefined;
  }
  docCache.set(rule.meta.id, text);
  return text;
}

/** Hover budget: docs longer than this are cut at a section boundary, with a link to the rest. */
const HOVER_DOC_LIMIT = 1800;

/** The doc for a hover: whole when short, else its first sections, then a link. */
export function docForHover(rule: Rule): string {
  const href = docLink(rule);
  const doc = readDoc(rule);
  if (!doc) return `**${rule.meta.id}**：${rule.meta.description}\n\n依据：${rule.meta.basis}\n\n[规则说明](${href})`;
  let body = doc.trim();
  if (body.length > HOVER_DOC_LIMIT) {
    const sections = body.split(/\n(?=#{2,3} )/);
    let out = sections[0];
    for (const s of sections.slice(1)) {
      if (out.length + s.length + 1 > HOVER_DOC_LIMIT) break;
      out += `\n${s}`;
    }
    if (out.length > HOVER_DOC_LIMIT) out = out.slice(0, HOVER_DOC_LIMIT) + '…';
    body = `${out}\n\n[完整说明](${href})`;
  }
  return body;
}

export function ruleInfo(rule: Rule): RuleInfo {
  return {
    id: rule.meta.id,
    description: rule.meta.description,
    category: rule.meta.category,
    defaultSeverity: rule.meta.defaultSeverity,
    fixable: rule.meta.fixable,
    basis: rule.meta.basis,
    docsPath: docFilePath(rule) ?? rule.meta.docs,
    docsUrl: docsUrl(rule.meta.docs),
  };
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}
