import { parseSize } from './limits';

export const FORMATS = ['stylish', 'json', 'sarif', 'github', 'gitlab', 'rdjson', 'junit'] as const;
export type OutputFormat = (typeof FORMATS)[number];

export interface CliArgs {
  patterns: string[];
  format: OutputFormat;
  fix: boolean;
  fixDryRun: boolean;
  config?: string;
  date?: string;
  maxWarnings?: number;
  quiet: boolean;
  stdin: boolean;
  stdinFilename?: string;
  outputFile?: string;
  color?: boolean;
  encoding?: string;
  /** Bytes; 0 = no limit. */
  maxFileSize?: number;
  noIgnore: boolean;
  listRules: boolean;
  help: boolean;
  version: boolean;
  stdio: boolean;
  /** -j/--threads: worker threads for many files; undefined or 0 = automatic, 1 = none. */
  threads?: number;
  /** --rule id:level, in the order given. */
  rules: string[];
  /** --print-config FILE. */
  printConfig?: string;
  init: boolean;
}

export class UsageError extends Error {}

/**
 * Hand-written so the CLI has no parser dependency and every message is ours (Chinese first,
 * English in brackets for CI logs read by non-Chinese tooling).
 */
export function parseArgs(argv: readonly string[]): CliArgs {
  const args: CliArgs = {
    patterns: [],
    format: 'stylish',
    fix: false,
    fixDryRun: false,
    quiet: false,
    stdin: false,
    noIgnore: false,
    listRules: false,
    help: false,
    version: false,
    stdio: false,
    rules: [],
    init: false,
  };
  const takeValue = (i: number, name: string, inline: string | undefined): [string, number] => {
    if (inline !== undefined) return [inline, i];
    const v = argv[i + 1];
    if (v === undefined || (v.startsWith('-') && v !== '-')) throw new UsageError(`选项 ${name} 需要一个值（${name} needs a value）`);
    return [v, i + 1];
  };
  let onlyFiles = false;
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i];
    if (onlyFiles || raw === '-' || !raw.startsWith('-')) {
      if (raw === '-') args.stdin = true;
      else args.patterns.push(raw);
      continue;
    }
    if (raw === '--') {
      onlyFiles = true;
      continue;
    }
    const eq = raw.indexOf('=');
    const name = raw.startsWith('--') && eq !== -1 ? raw.slice(0, eq) : raw;
    const inline = raw.startsWith('--') && eq !== -1 ? raw.slice(eq + 1) : undefined;
    let v: string;
    switch (name) {
      case '-f':
      case '--format':
        [v, i] = takeValue(i, name, inline);
        if (!(FORMATS as readonly string[]).includes(v)) throw new UsageError(`未知的输出格式“${v}”，可选：${FORMATS.join('、')}（unknown format）`);
        args.format = v as OutputFormat;
        break;
      case '--fix':
        args.fix = true;
        break;
      case '--fix-dry-run':
        args.fixDryRun = true;
        break;
      case '-c':
      case '--config':
        [v, i] = takeValue(i, name, inline);
        args.config = v;
        break;
      case '--date':
        [v, i] = takeValue(i, name, inline);
        if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`)) || new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) !== v) {
          throw new UsageError(`--date 应为有效日期 YYYY-MM-DD，实际为“${v}”（invalid date）`);
        }
        args.date = v;
        break;
      case '--max-warnings':
        [v, i] = takeValue(i, name, inline);
        if (!/^\d+$/.test(v)) throw new UsageError(`--max-warnings 应为非负整数，实际为“${v}”（not a number）`);
        args.maxWarnings = Number(v);
        break;
      case '-q':
      case '--quiet':
        args.quiet = true;
        break;
      case '--stdin':
        args.stdin = true;
        break;
      case '--stdin-filename':
        [v, i] = takeValue(i, name, inline);
        args.stdinFilename = v;
        break;
      case '-o':
      case '--output-file':
        [v, i] = takeValue(i, name, inline);
        args.outputFile = v;
        break;
      case '--encoding':
        [v, i] = takeValue(i, name, inline);
        args.encoding = v;
        break;
      case '--max-file-size': {
        [v, i] = takeValue(i, name, inline);
        const size = parseSize(v);
        if (size === undefined) throw new UsageError(`--max-file-size 应为大小，如 10m、500k、0（不限），实际为“${v}”（invalid size）`);
        args.maxFileSize = size;
        break;
      }
      case '--color':
        args.color = true;
        break;
      case '--no-color':
        args.color = false;
        break;
      case '--no-ignore':
        args.noIgnore = true;
        break;
      case '--list-rules':
        args.listRules = true;
        break;
      case '--rule':
        [v, i] = takeValue(i, name, inline);
        args.rules.push(v);
        break;
      case '--print-config':
        [v, i] = takeValue(i, name, inline);
        args.printConfig = v;
        break;
      case '--init':
        args.init = true;
        break;
      case '--stdio':
        args.stdio = true;
        break;
      case '-j':
      case '--threads':
        [v, i] = takeValue(i, name, inline);
        if (!/^\d+$/.test(v)) throw new UsageError(`--threads 应为非负整数（0 为自动），实际为“${v}”（not a number）`);
        args.threads = Number(v);
        break;
      case '-h':
      case '--help':
        args.help = true;
        break;
      case '-v':
      case '--version':
        args.version = true;
        break;
      default:
        throw new UsageError(`未知选项“${raw}”，用 --help 查看用法（unknown option）`);
    }
  }
  if (args.fix && args.fixDryRun) throw new UsageError('--fix 与 --fix-dry-run 不能同时使用（use one of --fix, --fix-dry-run）');
  return args;
}

export const HELP = `用法：gongwen-lint [选项] [文件|目录|通配符…]
检查公文（讲话稿、通知、意见、报告等）的规范表述、标点、数字与结构。
不给文件且标准输入是管道时，或给出 - 时，读取标准输入。

选项：
  -f, --format <格式>      输出格式：stylish（默认，中文）、json（ESLint 兼容）、sarif（2.1.0，
                            GitHub 代码扫描）、github（工作流注释）、gitlab（GitLab 代码质量报告）、
                            rdjson（reviewdog）、junit（JUnit XML）
      --fix                 自动修复并写回文件（原子写入，保留编码）
      --fix-dry-run         只在输出中给出修复后的文本（json 的 output 字段），不写文件
  -c, --config <文件>       使用指定的配置文件，不再向上查找 .gongwenrc.*
      --rule <规则:级别>    临时设置规则级别，优先于配置文件，可多次给出（如 --rule comma-width:off）
      --date <YYYY-MM-DD>   时效性表述的参考日期（默认：文中成文日期，否则今天）
      --max-warnings <N>    警告超过 N 个时以 1 退出
  -q, --quiet               只报告错误
      --stdin-filename <名> 标准输入的文件名（决定 .md/.txt 与配置查找）
  -o, --output-file <文件>  报告写入文件而不是标准输出
      --encoding <编码>     指定文件编码（utf8、utf16le、gb18030 …），不自动检测
      --max-file-size <大小> 超过此大小的文件跳过不查（默认 10m；0 为不限）
      --no-ignore           不使用 .gongwenignore 与配置中的 ignore
      --color, --no-color   强制或关闭颜色（默认只在终端中着色）
  -j, --threads <N>         检查用的工作线程数（默认 0 为自动，目前即单线程；文件多、内核和内存有富余时可设 2 或更多）
      --list-rules          列出全部规则
      --print-config <文件> 显示对该文件生效的配置（JSON：配置文件、每条规则的级别及来源）
      --init                在当前文件夹生成 .gongwenrc.yaml（列出全部规则及默认级别；已有配置时不覆盖）
      --stdio               作为语言服务器运行（LSP，标准输入输出）
  -h, --help                显示本帮助
  -v, --version             显示版本

在终端中一次检查较多文件时，标准错误上显示进度（已检查 N/M 个文件）；CI=true 或输出不是终端时不显示。

退出码：0 无问题或只有警告；1 有错误（或警告超过 --max-warnings）；2 用法、配置或读写错误。
`;
