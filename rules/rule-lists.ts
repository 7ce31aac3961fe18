/**
 * The rule ids listed by name where editors read them: the VS Code setting `gongwen.rules`
 * (package.json) and the config-file schema (rules/schema/gongwenrc.schema.json). Listing them
 * gives completion and a description for each id; unknown ids stay allowed by the schemas, because
 * the engine reports them itself with a "did you mean".
 *
 * Both files are source files a person may read, so they are generated here and checked by a test
 * rather than built at packaging time.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Rule } from './engine/types';
import { docsUrl } from './engine/project';

const LEVELS = ['off', 'info', 'warn', 'error'];
const LEVEL_NAMES: Record<string, string> = { info: '提示', warn: '警告', error: '错误' };

function describe(rule: Rule): string {
  const m = rule.meta;
  return `${m.description}（默认：${LEVEL_NAMES[m.defaultSeverity]}${m.fixable ? '，可自动修复' : ''}）`;
}

/** For package.json: self-contained (VS Code settings do not resolve $ref). */
export function settingsRuleProperties(rules: readonly Rule[]): Record<string, unknown> {
  const level = { type: 'string', enum: LEVELS };
  return Object.fromEntries(
    rules.map((r) => [
      r.meta.id,
      {
        markdownDescription: `${describe(r)} [规则说明](${docsUrl(r.meta.docs)})`,
        anyOf: [level, { type: 'array', minItems: 1, maxItems: 2, items: [level, { type: 'object' }] }],
      },
    ]),
  );
}

/** For the config-file schema, which has a `level` definition. */
export function schemaRuleProperties(rules: readonly Rule[]): Record<string, unknown> {
  const level = { $ref: '#/definitions/level' };
  return Object.fromEntries(
    rules.map((r) => [
      r.meta.id,
      {
        description: describe(r),
        anyOf: [level, { type: 'array', minItems: 1, maxItems: 2, items: [level, { type: 'object' }] }],
      },
    ]),
  );
}

interface Target {
  file: string;
  /** Returns the object whose `properties` lists the rules. */
  holder(json: Record<string, unknown>): Record<string, unknown>;
  properties(rules: readonly Rule[]): Record<string, unknown>;
}

const TARGETS: Target[] = [
  {
    file: 'package.json',
    holder: (j) => (((j.contributes as Record<string, unknown>).configuration as Record<string, unknown>).properties as Record<string, Record<string, unknown>>)['gongwen.rules'],
    properties: settingsRuleProperties,
  },
  {
    file: path.join('rules', 'schema', 'gongwenrc.schema.json'),
    holder: (j) => (j.properties as Record<string, Record<string, unknown>>).rules,
    properties: schemaRuleProperties,
  },
];

/**
 * Brings both files in line with the registry. Returns the files that were (write) or would be
 * (check only) changed.
 */
export function syncRuleLists(root: string, rules: readonly Rule[], write: boolean): string[] {
  const stale: string[] = [];
  for (const t of TARGETS) {
    const file = path.join(root, t.file);
    const before = fs.readFileSync(file, 'utf8');
    const json = JSON.parse(before) as Record<string, unknown>;
    t.holder(json).properties = t.properties(rules);
    const after = `${JSON.stringify(json, null, 2)}\n`;
    if (after === before) continue;
    stale.push(t.file);
    if (write) fs.writeFileSync(file, after);
  }
  return stale;
}
