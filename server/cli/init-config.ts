/**
 * `--init`: writes a starter `.gongwenrc.yaml` in the working folder listing every rule at its
 * default level, with the rule's description as a comment, so a writer turns rules off or up by
 * editing one word. Never overwrites an existing config.
 */
import * as fs from 'fs';
import * as path from 'path';
import { CONFIG_FILE_NAMES } from '../../rules/engine/config';
import type { Rule } from '../../rules/engine/types';

export const INIT_FILE_NAME = '.gongwenrc.yaml';

export function initConfigText(rules: readonly Rule[]): string {
  const width = Math.max(...rules.map((r) => r.meta.id.length)) + 1;
  const lines = [
    '# 公文规范检查（gongwen-lint）配置文件',
    '# 级别：off（关闭）、info（提示）、warn（警告）、error（错误）。下面是各规则的默认级别。',
    '# 规则说明见 rules/docs/<规则>.md，或运行 gongwen-lint --list-rules。',
    '',
    '# 写 root: true 则到此为止，不再向上级文件夹查找配置文件（默认会合并上级的配置）。',
    '# root: true',
    '',
    'rules:',
    ...rules.map((r) => `  ${`${r.meta.id}:`.padEnd(width)} ${r.meta.defaultSeverity.padEnd(5)} # ${r.meta.description}`),
    '',
    '# 自定义词典（本单位的规范简称等），路径相对于本文件：',
    '# dictionaries:',
    '#   - ./gongwen-terms.yaml',
    '',
    '# 不检查的文件（glob，相对于本文件）：',
    '# ignore:',
    '#   - "drafts/**"',
    '',
    '# 时效性表述的参考日期（不写则用文中成文日期，否则用今天）：',
    '# date: "2024-03-05"',
    '',
    '# 只对部分文件生效的设置（glob 相对于本文件，写法同 ignore）。按顺序在上面的设置之后生效，',
    '# 后写的优先；下级文件夹中的配置文件仍然优先于这里的一切设置。',
    '# overrides:',
    '#   - files: ["讲话稿/**", "*.speech.md"]',
    '#     rules:',
    '#       document-title: off',
    '#   - files: ["引文/**"]',
    '#     excludedFiles: ["引文/本单位/**"]',
    '#     rules:',
    '#       comma-width: off',
    '#     date: "2019-06-01"',
    '',
  ];
  return lines.join('\n');
}

/** Returns the path written, or throws with a message naming the config that is already there. */
export function writeInitConfig(cwd: string, rules: readonly Rule[]): string {
  const existing = CONFIG_FILE_NAMES.map((n) => path.join(cwd, n)).find((f) => fs.existsSync(f));
  if (existing) throw new Error(`已有配置文件 ${existing}，未覆盖（a config file already exists）`);
  const file = path.join(cwd, INIT_FILE_NAME);
  fs.writeFileSync(file, initConfigText(rules), { flag: 'wx' });
  return file;
}
