import * as fs from 'fs';
import * as path from 'path';
import { parseArgs, HELP, UsageError, type CliArgs } from './args';
import { expandPatterns, makeIgnoreTest } from './files';
import { decode, encode, normalizeEncodingName, DecodeError, type DecodedFile, type EncodingName } from './encoding';
import { writeFileAtomic } from './write-file';
import { DEFAULT_MAX_FILE_SIZE, tooLargeMessage } from './limits';
import { formatters } from './formatters';
import { summarize, type FileResult } from './result';
import { ConfigResolver } from '../../rules/engine/config';
import { dictionariesFor, segmenterRuleOn } from '../../rules/engine/runner';
import { allRules } from '../../rules/registry';
import type { ConfigProblem, ResolvedConfig } from '../../rules/engine/config-types';
import { VERSION } from './version';
import { createProgress } from './progress';
import { ruleOverrideLayer, RuleOverrideError } from './rule-overrides';
import { printedConfig } from './print-config';
import { writeInitConfig } from './init-config';
import type { ConfigLayer } from '../../rules/engine/config-types';
import { checkText, threadCount, LintPool, type PoolAnswer } from './parallel';
import { deDiDeWindows } from '../../rules/checks/language/de-di-de';
import { SegmenterThread, segmenterThreadStats } from './segmenter-thread';

export interface CliIo {
  argv: string[];
  cwd: string;
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readStdin: () => Promise<Buffer>;
  stdinIsTTY: boolean;
  stdoutIsTTY: boolean;
  /** Whether stderr is a terminal: the progress line is drawn only then (and never with CI=true). */
  stderrIsTTY?: boolean;
  env: NodeJS.ProcessEnv;
}

export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_FAILURE = 2;

/** From this many files (and one lint thread) the segmenter loads on a thread of its own. */
export const SEGMENTER_THREAD_MIN_FILES = 16;

/** Files read ahead (and their 的/地/得 clauses sent to the segmenter thread) at a time. */
const READ_AHEAD = 32;

/** A file read and decoded, or why it could not be. */
interface ReadFile {
  bytes?: Buffer;
  decoded?: DecodedFile;
  fatal?: string;
}


/** The whole CLI as a function of its inputs, so tests run it in-process as well as as a process. */
export async function runCli(io: CliIo): Promise<number> {
  let args: CliArgs;
  try {
    args = parseArgs(io.argv);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`gongwen-lint: ${e.message}\n`);
      return EXIT_FAILURE;
    }
    throw e;
  }
  if (args.help) {
    io.stdout(HELP);
    return EXIT_OK;
  }
  if (args.version) {
    io.stdout(`${VERSION}\n`);
    return EXIT_OK;
  }
  if (args.listRules) {
    for (const r of allRules) io.stdout(`${r.meta.id.padEnd(28)} ${r.meta.defaultSeverity.padEnd(5)} ${r.meta.fixable ? '可修复' : '      '} ${r.meta.description}\n`);
    return EXIT_OK;
  }
  if (args.init) {
    try {
      io.stdout(`已生成配置文件 ${writeInitConfig(io.cwd, allRules)}\n`);
      return EXIT_OK;
    } catch (e) {
      io.stderr(`gongwen-lint: ${(e as Error).message}\n`);
      return EXIT_FAILURE;
    }
  }
  let cliLayers: ConfigLayer[] = [];
  try {
    const layer = ruleOverrideLayer(args.rules, allRules);
    if (layer) cliLayers = [layer];
  } catch (e) {
    if (!(e instanceof RuleOverrideError)) throw e;
    io.stderr(`gongwen-lint: ${e.message}\n`);
    return EXIT_FAILURE;
  }

  let forcedEncoding: EncodingName | undefined;
  if (args.encoding) {
    forcedEncoding = normalizeEncodingName(args.encoding);
    if (!forcedEncoding) {
      io.stderr(`gongwen-lint: 不支持的编码“${args.encoding}”，可选 utf8、utf16le、utf16be、gb18030（unsupported encoding）\n`);
      return EXIT_FAILURE;
    }
  }
  if (args.config && !fs.existsSync(path.resolve(io.cwd, args.config))) {
    io.stderr(`gongwen-lint: 找不到配置文件 ${args.config}（config file not found）\n`);
    return EXIT_FAILURE;
  }

  const configFiles = new ConfigResolver(allRules, args.config ? path.resolve(io.cwd, args.config) : undefined, io.cwd);
  // --rule settings win over every config file.
  const resolver = { resolve: (file: string): ResolvedConfig => configFiles.resolve(file, cliLayers) };
  if (args.printConfig !== undefined) {
    const file = path.resolve(io.cwd, args.printConfig);
    const config = resolver.resolve(file);
    io.stdout(`${JSON.stringify(printedConfig(file, config, cliLayers[0], allRules), null, 2)}\n`);
    const problems = [...config.problems, ...dictionariesFor(config.dictionaries).problems];
    for (const p of problems) io.stderr(`gongwen-lint: 配置错误 ${p.line > 0 ? `${p.file}:${p.line}:${p.column}` : p.file}：${p.message}\n`);
    return problems.length > 0 ? EXIT_FAILURE : EXIT_OK;
  }
  const useStdin = args.stdin || (args.patterns.length === 0 && !io.stdinIsTTY);
  if (!useStdin && args.patterns.length === 0) {
    io.stderr(`gongwen-lint: 没有要检查的文件（no files given）\n\n${HELP}`);
    return EXIT_FAILURE;
  }
  if (useStdin && args.fix) {
    io.stderr('gongwen-lint: --fix 不能用于标准输入，请用 --fix-dry-run（--fix cannot write to stdin）\n');
    return EXIT_FAILURE;
  }
  const problems = new Map<string, ConfigProblem>();
  const addProblems = (ps: readonly ConfigProblem[]): void => {
    for (const p of ps) problems.set(`${p.file}:${p.line}:${p.column}:${p.message}`, p);
  };
  let failed = false;
  const results: FileResult[] = [];

  const flags = { fix: args.fix, fixDryRun: args.fixDryRun, quiet: args.quiet, date: args.date };
  /** The word segmenter on its own thread (many files, one lint thread), else in-process. */
  let segmenterThread: SegmenterThread | undefined;
  const check = (text: string, filePath: string | undefined, config: ResolvedConfig): FileResult => {
    addProblems(config.problems);
    addProblems(dictionariesFor(config.dictionaries).problems);
    return checkText(text, filePath, config, flags, segmenterThread);
  };

  /**
   * --fix: writes the fixed text back. ESLint's JSON keeps `output` for dry runs only. When the
   * write fails the file stays as it was, so what is reported is the findings of that text.
   */
  const writeBack = (result: FileResult, decoded: DecodedFile, bytes: Buffer, config: ResolvedConfig): FileResult => {
    if (!args.fix || result.output === undefined) return result;
    try {
      writeFileAtomic(result.filePath, encode(result.output, decoded), { expected: bytes });
      delete result.output;
      return result;
    } catch (e) {
      failed = true;
      const unchanged = checkText(decoded.text, result.filePath, config, { ...flags, fix: false, fixDryRun: false }, segmenterThread);
      return { ...unchanged, fatal: `修复未能写回，原文件未改动：${(e as Error).message}` };
    }
  };

  if (useStdin) {
    const bytes = await io.readStdin();
    const stdinLimit = args.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
    if (stdinLimit > 0 && bytes.length > stdinLimit) {
      io.stderr(`gongwen-lint: 标准输入${tooLargeMessage(bytes.length, stdinLimit)}\n`);
      return EXIT_FAILURE;
    }
    const name = args.stdinFilename ? path.resolve(io.cwd, args.stdinFilename) : undefined;
    try {
      const decoded = decode(bytes, forcedEncoding);
      results.push(check(decoded.text, name, resolver.resolve(name ?? path.join(io.cwd, 'stdin.txt'))));
    } catch (e) {
      if (!(e instanceof DecodeError)) throw e;
      results.push({ filePath: name ?? '<text>', findings: [], fatal: e.message });
      failed = true;
    }
  } else {
    const isIgnored = args.noIgnore ? () => false : makeIgnoreTest(io.cwd, (abs) => resolver.resolve(abs).ignore);
    const { files, unmatched, ignoredExplicit } = expandPatterns(args.patterns, io.cwd, isIgnored);
    for (const u of unmatched) {
      io.stderr(`gongwen-lint: 找不到匹配“${u}”的文件（no files match）\n`);
      failed = true;
    }
    for (const f of ignoredExplicit) io.stderr(`gongwen-lint: 已按忽略规则跳过 ${f}（ignored; use --no-ignore to check it）\n`);
    const progress = createProgress(io, files.length);
    // Many files: the rules run on worker threads (-j/--threads); results keep file order.
    const threads = threadCount(files.length, args.threads);
    const pool = threads > 1 ? new LintPool(threads) : undefined;
    const queued: Array<{ slot: number; answer: Promise<PoolAnswer>; config: ResolvedConfig; decoded: ReturnType<typeof decode>; bytes: Buffer }> = [];
    // One lint thread over many files: jieba's dictionary loads on a thread of its own while the
    // first files are checked; a file that needs it before then is checked after the others.
    // GONGWEN_SEGMENTER_THREAD=0 keeps it in-process.
    if (!pool && files.length >= SEGMENTER_THREAD_MIN_FILES && io.env.GONGWEN_SEGMENTER_THREAD !== '0' && segmenterRuleOn(allRules, resolver.resolve(files[0]))) {
      segmenterThread = new SegmenterThread();
    }
    const deferred: Array<{ slot: number; file: string; config: ResolvedConfig; decoded: DecodedFile; bytes: Buffer }> = [];
    const limit = args.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
    const readOne = (file: string): ReadFile => {
      let bytes: Buffer;
      try {
        const size = fs.statSync(file).size;
        if (limit > 0 && size > limit) return { fatal: tooLargeMessage(size, limit) };
        bytes = fs.readFileSync(file);
      } catch (e) {
        return { fatal: `无法读取文件：${(e as Error).message}` };
      }
      try {
        return { bytes, decoded: decode(bytes, forcedEncoding) };
      } catch (e) {
        if (!(e instanceof DecodeError)) throw e;
        return { fatal: e.message };
      }
    };
    // With the segmenter thread, files are read READ_AHEAD at a time and the clauses of the whole
    // group go to the thread in one message: one wake-up of the thread per group, not per file
    // (on a busy machine each wake-up may cost the main thread its core for a while).
    const ahead = new Map<number, ReadFile & { config?: ResolvedConfig; windows?: number }>();
    let readUpTo = 0;
    const readAhead = (thread: SegmenterThread): void => {
      const batch: string[] = [];
      for (const end = Math.min(files.length, readUpTo + READ_AHEAD); readUpTo < end; readUpTo++) {
        const file = files[readUpTo];
        const r: ReadFile & { config?: ResolvedConfig; windows?: number } = readOne(file);
        if (r.decoded) {
          r.config = resolver.resolve(file);
          const windows = segmenterRuleOn(allRules, r.config) ? deDiDeWindows(r.decoded.text) : [];
          r.windows = windows.length;
          batch.push(...windows);
        }
        ahead.set(readUpTo, r);
      }
      thread.prefetch(batch);
    };
    for (const [done, file] of files.entries()) {
      progress.update(done);
      let r: ReadFile & { config?: ResolvedConfig; windows?: number };
      if (segmenterThread) {
        if (done >= readUpTo) readAhead(segmenterThread);
        r = ahead.get(done) as ReadFile;
        ahead.delete(done);
      } else r = readOne(file);
      if (!r.decoded || !r.bytes) {
        results.push({ filePath: file, findings: [], fatal: r.fatal });
        failed = true;
        continue;
      }
      const { bytes, decoded } = r;
      if (pool) {
        const config = resolver.resolve(file);
        const answer = pool.run(decoded.text, file, config, flags);
        answer.catch(() => undefined); // awaited below, in order; no unhandled rejection meanwhile
        queued.push({ slot: results.length, answer, config, decoded, bytes });
        results.push({ filePath: file, findings: [] });
        // Bounded read-ahead: a few jobs per worker in flight at most.
        await pool.below(pool.size * 4);
        continue;
      }
      const config = r.config ?? resolver.resolve(file);
      // Until the thread has loaded jieba, a file with clauses to tag is checked at the end of the run.
      if (segmenterThread && (r.windows ?? 0) > 0 && !segmenterThread.settled) {
        addProblems(config.problems);
        addProblems(dictionariesFor(config.dictionaries).problems);
        deferred.push({ slot: results.length, file, config, decoded, bytes });
        segmenterThreadStats.deferred++;
        results.push({ filePath: file, findings: [] });
        continue;
      }
      results.push(writeBack(check(decoded.text, file, config), decoded, bytes, config));
    }
    for (const d of deferred) results[d.slot] = writeBack(check(d.decoded.text, d.file, d.config), d.decoded, d.bytes, d.config);
    segmenterThread?.close();
    segmenterThread = undefined;
    if (pool) {
      try {
        // In file order, exactly as the single-thread loop would have done it.
        for (const q of queued) {
          const { result, dictProblems } = await q.answer;
          addProblems(q.config.problems);
          addProblems(dictProblems);
          results[q.slot] = writeBack(result, q.decoded, q.bytes, q.config);
        }
      } finally {
        await pool.close();
      }
    }
    progress.finish();
  }

  for (const p of problems.values()) {
    const where = p.line > 0 ? `${p.file}:${p.line}:${p.column}` : p.file;
    io.stderr(`gongwen-lint: 配置错误 ${where}：${p.message}\n`);
    failed = true;
  }

  const color = args.color ?? (io.stdoutIsTTY && !args.outputFile && !io.env.NO_COLOR && io.env.TERM !== 'dumb');
  const report = formatters[args.format](results, { cwd: io.cwd, color, version: VERSION });
  if (args.outputFile) {
    try {
      fs.writeFileSync(path.resolve(io.cwd, args.outputFile), report);
    } catch (e) {
      io.stderr(`gongwen-lint: 无法写入报告文件：${(e as Error).message}\n`);
      return EXIT_FAILURE;
    }
  } else if (report) {
    io.stdout(report);
  }

  if (failed) return EXIT_FAILURE;
  const s = summarize(results);
  if (s.errorCount > 0) return EXIT_PROBLEMS;
  if (args.maxWarnings !== undefined && s.warningCount > args.maxWarnings) {
    io.stderr(`gongwen-lint: 警告 ${s.warningCount} 个，超过 --max-warnings ${args.maxWarnings}（too many warnings）\n`);
    return EXIT_PROBLEMS;
  }
  return EXIT_OK;
}

