import * as fs from 'fs';
import * as path from 'path';
import { createHash } from 'crypto';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Node as YamlNode } from 'yaml';
import type { ConfigProblem } from './config-types';
import type { CompiledDictionaries, DictionaryEntry, EntryOrigin } from './dictionary-types';
import { compileUserPattern, type SafePattern } from './safe-regex';
import { isRealDate } from './config';
import dictionarySchema from '../schema/dictionary.schema.json';

// ajv and yaml are required on first use: with the pre-validated artifact (below) and no user
// dictionary, a run never loads them (start-up time, issue 7).
let entryValidator: ValidateFunction | undefined;
function validateEntryFn(): ValidateFunction {
  if (!entryValidator) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { default: Ajv } = require('ajv') as typeof import('ajv');
    const ajv = new Ajv({ allErrors: true, strict: false });
    entryValidator = ajv.compile({ ...dictionarySchema.definitions.entry, definitions: dictionarySchema.definitions });
  }
  return entryValidator;
}

/** Compiled regular expressions of each entry (built-in: JS RegExp; user files: RE2). */
const entryPatterns = new WeakMap<DictionaryEntry, SafePattern[]>();

export function patternsOf(entry: DictionaryEntry): SafePattern[] {
  return entryPatterns.get(entry) ?? [];
}

/** Folder of the built-in YAML files, found from the compiled file (out/…) or the bundle (dist/). */
export function builtInDataDir(): string {
  const candidates = [
    process.env.GONGWEN_DATA_DIR,
    path.resolve(__dirname, '..', 'data'),
    path.resolve(__dirname, '..', '..', '..', 'rules', 'data'),
    path.resolve(__dirname, '..', 'rules', 'data'),
  ].filter((p): p is string => !!p);
  for (const c of candidates) {
    if (fs.existsSync(path.join(c, 'formulation-political.yaml'))) return c;
  }
  return candidates[candidates.length - 1];
}

export function builtInFiles(dir = builtInDataDir()): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  return names.filter((n) => n.endsWith('.yaml')).sort().map((n) => path.join(dir, n));
}

export interface ParsedDictionary {
  entries: DictionaryEntry[];
  origins: EntryOrigin[];
  problems: ConfigProblem[];
}

/**
 * Parses and validates one dictionary file. Never throws: an invalid entry is reported with file,
 * line, column and the field at fault, and left out; the other entries are kept.
 */
export function parseDictionary(text: string, file: string, builtIn: boolean): ParsedDictionary {
  const problems: ConfigProblem[] = [];
  const entries: DictionaryEntry[] = [];
  const origins: EntryOrigin[] = [];
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { LineCounter, parseDocument, isNode, isSeq } = require('yaml') as typeof import('yaml');
  const validateEntry = validateEntryFn();
  const lineCounter = new LineCounter();
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const doc = parseDocument(body, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number | undefined): { line: number; column: number } => {
    if (offset === undefined) return { line: 1, column: 1 };
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  const nodeAt = (keys: Array<string | number>): YamlNode | undefined => {
    const n = doc.getIn(keys, true);
    return isNode(n) ? n : undefined;
  };
  if (doc.errors.length > 0) {
    for (const e of doc.errors) problems.push({ file, ...at(e.pos[0]), message: `词典文件格式错误：${e.message.split('\n')[0]}` });
    return { entries, origins, problems };
  }
  const raw = doc.toJS() as unknown;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || !Array.isArray((raw as { entries?: unknown }).entries)) {
    problems.push({ file, line: 1, column: 1, message: '词典文件应为对象，并含有 entries 列表（每项一个词条）' });
    return { entries, origins, problems };
  }
  for (const key of Object.keys(raw)) {
    if (!['$schema', 'description', 'entries'].includes(key)) {
      const n = doc.contents && 'items' in doc.contents ? nodeAt([key]) : undefined;
      problems.push({ file, ...at(n?.range?.[0]), message: `不认识的顶层字段“${key}”（只允许 entries、description、$schema）` });
    }
  }
  const list = (raw as { entries: unknown[] }).entries;
  const seq = doc.get('entries', true);
  const ids = new Set<string>();
  list.forEach((item, i) => {
    const itemNode = isSeq(seq) ? (seq.items[i] as YamlNode | undefined) : undefined;
    const pos = at(itemNode?.range?.[0]);
    const label = typeof item === 'object' && item !== null && typeof (item as { id?: unknown }).id === 'string' ? `词条“${(item as { id: string }).id}”` : `第 ${i + 1} 个词条`;
    if (!validateEntry(item)) {
      for (const err of relevantErrors(validateEntry.errors ?? [])) {
        const keys = err.instancePath.split('/').slice(1).map((k) => (/^\d+$/.test(k) ? Number(k) : k));
        const n = nodeAt(['entries', i, ...keys]);
        problems.push({ file, ...at(n?.range?.[0] ?? itemNode?.range?.[0]), message: `${label}：${describe(err).replace(/^词条：/, '')}` });
      }
      return;
    }
    const entry = item as unknown as DictionaryEntry;
    const semantic = checkEntry(entry, builtIn);
    if (semantic.length > 0) {
      for (const s of semantic) {
        const n = nodeAt(['entries', i, ...s.field]);
        problems.push({ file, ...at(n?.range?.[0] ?? itemNode?.range?.[0]), message: `${label}：${s.message}` });
      }
      return;
    }
    if (ids.has(entry.id)) {
      const n = nodeAt(['entries', i, 'id']);
      problems.push({ file, ...at(n?.range?.[0] ?? itemNode?.range?.[0]), message: `${label}：id 重复（同一文件中已有该 id）` });
      return;
    }
    ids.add(entry.id);
    entries.push(entry);
    origins.push({ file, line: pos.line, builtIn });
  });
  return { entries, origins, problems };
}

/** Checks the schema cannot express: dates, patterns that compile, variants that are not a correct form. */
function checkEntry(entry: DictionaryEntry, builtIn: boolean): Array<{ field: Array<string | number>; message: string }> {
  const out: Array<{ field: Array<string | number>; message: string }> = [];
  for (const f of ['validFrom', 'validUntil'] as const) {
    const v = entry[f];
    if (v !== undefined && !isRealDate(v)) out.push({ field: [f], message: `字段 ${f}：“${v}”不是有效日期（YYYY-MM-DD）` });
  }
  const corrects = correctForms(entry);
  (entry.variants ?? []).forEach((v, j) => {
    if (corrects.includes(v)) out.push({ field: ['variants', j], message: `字段 variants[${j}]：错误写法“${v}”与正确写法相同` });
  });
  if (entry.swap) {
    const hasFrom = (entry.variants ?? []).every((v) => v.includes(entry.swap!.from));
    if (!hasFrom) out.push({ field: ['swap', 'from'], message: `字段 swap.from：每个错误写法都应包含“${entry.swap.from}”` });
  }
  const compiled: SafePattern[] = [];
  (entry.patterns ?? []).forEach((p, j) => {
    try {
      compiled.push(builtIn ? jsPattern(p) : compileUserPattern(p));
    } catch (e) {
      out.push({ field: ['patterns', j], message: `字段 patterns[${j}]：${(e as Error).message}` });
    }
  });
  if (entry.kind === 'enumeration' && new Set(entry.members).size !== entry.members?.length) {
    out.push({ field: ['members'], message: '字段 members：成员有重复' });
  }
  if (out.length === 0 && compiled.length > 0) entryPatterns.set(entry, compiled);
  return out;
}

export function correctForms(entry: DictionaryEntry): string[] {
  if (entry.correct === undefined) return [];
  return Array.isArray(entry.correct) ? entry.correct : [entry.correct];
}

/** Built-in patterns are reviewed code: plain JS RegExp (lookahead allowed). */
function jsPattern(source: string): SafePattern {
  const re = new RegExp(source, 'gu');
  return {
    source,
    matchAll(text: string) {
      const out: Array<{ index: number; text: string; groups: Array<string | undefined> }> = [];
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        out.push({ index: m.index, text: m[0], groups: m.slice(1) });
        if (m[0].length === 0) re.lastIndex++;
      }
      return out;
    },
  };
}

function relevantErrors(errors: ErrorObject[]): ErrorObject[] {
  const byPath = new Map<string, ErrorObject>();
  for (const e of errors) {
    // if/then and the branches of an anyOf are summed up by the anyOf error itself.
    if (e.keyword === 'if' || e.schemaPath.includes('/anyOf/')) continue;
    const key = `${e.instancePath}|${e.keyword === 'required' ? (e.params as { missingProperty: string }).missingProperty : e.keyword}`;
    if (!byPath.has(key)) byPath.set(key, e);
  }
  return [...byPath.values()];
}

function describe(e: ErrorObject): string {
  const field = e.instancePath ? `字段 ${e.instancePath.slice(1).replace(/\/(\d+)/g, '[$1]').replace(/\//g, '.')}` : '词条';
  switch (e.keyword) {
    case 'additionalProperties':
      return `${field}：不认识的字段“${(e.params as { additionalProperty: string }).additionalProperty}”`;
    case 'required':
      return `${field}：缺少字段“${(e.params as { missingProperty: string }).missingProperty}”`;
    case 'type':
      return `${field}：应为 ${(e.params as { type: string }).type}`;
    case 'enum':
      return `${field}：应为 ${(e.params as { allowedValues: unknown[] }).allowedValues.map(String).join('、')} 之一`;
    case 'pattern':
      return `${field}：格式不符（${(e.params as { pattern: string }).pattern}）`;
    case 'minLength':
      return `${field}：不能为空或过短`;
    case 'minItems':
      return `${field}：至少要有 ${(e.params as { limit: number }).limit} 项`;
    case 'anyOf':
      return e.instancePath === '' ? '词条：应写 variants 或 patterns（至少一项）' : `${field}：应为非空字符串或字符串列表`;
    default:
      return `${field}：${e.message ?? '无效'}`;
  }
}

let builtInCache: ParsedDictionary | undefined;
let builtInFrom: 'artifact' | 'yaml' | undefined;

/**
 * The built-in dictionaries, parsed and schema-validated at build time (esbuild.mjs writes this
 * file next to the bundles), so a run loads JSON instead of YAML + ajv. It records a hash of every
 * YAML source and of the schema: when the sources beside it differ (edited after the build), it is
 * not used and the YAML is parsed and validated as before. Never the only copy of the data: the
 * YAML files ship too.
 */
export const BUILT_IN_ARTIFACT = 'builtin-dictionaries.json';
const ARTIFACT_FORMAT = 1;

export interface BuiltInArtifact {
  format: number;
  /** sha256 of the dictionary schema the entries were validated against. */
  schema: string;
  files: Array<{ name: string; sha256: string; entries: DictionaryEntry[]; lines: number[] }>;
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

let schemaHashCache: string | undefined;
function schemaHash(): string {
  return (schemaHashCache ??= sha256(JSON.stringify(dictionarySchema)));
}

/** Where the artifact is looked for: GONGWEN_DICTIONARY_ARTIFACT, else beside the bundle (dist/). */
export function builtInArtifactPath(): string {
  return process.env.GONGWEN_DICTIONARY_ARTIFACT || path.join(__dirname, BUILT_IN_ARTIFACT);
}

/** How this process got its built-in entries ('artifact' or 'yaml'); undefined before the first load. */
export function builtInSource(): 'artifact' | 'yaml' | undefined {
  return builtInFrom;
}

function loadBuiltInFromYaml(files: readonly string[], texts: ReadonlyMap<string, string> = new Map()): ParsedDictionary {
  const all: ParsedDictionary = { entries: [], origins: [], problems: [] };
  const seen = new Set<string>();
  for (const file of files) {
    const parsed = parseDictionary(texts.get(file) ?? fs.readFileSync(file, 'utf8'), file, true);
    all.problems.push(...parsed.problems);
    parsed.entries.forEach((e, i) => {
      if (seen.has(e.id)) {
        all.problems.push({ file, line: parsed.origins[i].line, column: 1, message: `词条“${e.id}”：id 与其他内置词典文件重复` });
        return;
      }
      seen.add(e.id);
      all.entries.push(e);
      all.origins.push(parsed.origins[i]);
    });
  }
  return all;
}

/**
 * Build step: parses and validates the YAML sources once. Throws on any problem or on an empty
 * folder, so a broken or missing dictionary fails the build instead of shipping without it.
 */
export function buildBuiltInArtifact(dir = builtInDataDir()): BuiltInArtifact {
  const files = builtInFiles(dir);
  if (files.length === 0) throw new Error(`no built-in dictionaries (*.yaml) in ${dir}`);
  const texts = new Map(files.map((f) => [f, fs.readFileSync(f, 'utf8')]));
  const parsed = loadBuiltInFromYaml(files, texts);
  if (parsed.problems.length > 0) {
    throw new Error(`built-in dictionaries are invalid:\n${parsed.problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`).join('\n')}`);
  }
  return {
    format: ARTIFACT_FORMAT,
    schema: schemaHash(),
    files: files.map((file) => {
      const idx = parsed.origins.map((o, i) => (o.file === file ? i : -1)).filter((i) => i >= 0);
      return { name: path.basename(file), sha256: sha256(texts.get(file)!), entries: idx.map((i) => parsed.entries[i]), lines: idx.map((i) => parsed.origins[i].line) };
    }),
  };
}

function readArtifact(): BuiltInArtifact | undefined {
  let raw: string;
  try {
    raw = fs.readFileSync(builtInArtifactPath(), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const a = JSON.parse(raw) as BuiltInArtifact;
    if (a.format !== ARTIFACT_FORMAT || a.schema !== schemaHash() || !Array.isArray(a.files) || a.files.length === 0) return undefined;
    if (a.files.some((f) => !Array.isArray(f.entries) || !Array.isArray(f.lines) || f.entries.length !== f.lines.length)) return undefined;
    return a;
  } catch {
    return undefined;
  }
}

function loadBuiltInFromArtifact(a: BuiltInArtifact, dir: string): ParsedDictionary {
  const all: ParsedDictionary = { entries: [], origins: [], problems: [] };
  for (const f of a.files) {
    const file = path.join(dir, f.name);
    f.entries.forEach((e, i) => {
      // Validated at build time; only the RegExp objects are made here (as checkEntry does).
      if (e.patterns && e.patterns.length > 0) entryPatterns.set(e, e.patterns.map(jsPattern));
      all.entries.push(e);
      all.origins.push({ file, line: f.lines[i], builtIn: true });
    });
  }
  return all;
}

/** The shipped entries, loaded once per process: from the artifact when it matches the sources, else from the YAML. */
export function loadBuiltIn(): ParsedDictionary {
  if (builtInCache) return builtInCache;
  const dir = builtInDataDir();
  const files = builtInFiles(dir);
  const artifact = readArtifact();
  const texts = new Map<string, string>();
  if (artifact) {
    // Fresh iff the same files with the same bytes (or no YAML beside it at all).
    let fresh = files.length === 0 || (files.length === artifact.files.length && files.every((f, i) => path.basename(f) === artifact.files[i].name));
    for (let i = 0; fresh && i < files.length; i++) {
      const text = fs.readFileSync(files[i], 'utf8');
      texts.set(files[i], text);
      fresh = sha256(text) === artifact.files[i].sha256;
    }
    if (fresh) {
      builtInFrom = 'artifact';
      builtInCache = loadBuiltInFromArtifact(artifact, dir);
      return builtInCache;
    }
  }
  builtInFrom = 'yaml';
  const all = loadBuiltInFromYaml(files, texts);
  if (files.length === 0) {
    all.problems.push({ file: dir, line: 0, column: 0, message: '找不到内置规范表述词典（rules/data/*.yaml），规范表述类规则不会报告任何问题' });
  }
  builtInCache = all;
  return all;
}

/** Tests only: forget the loaded built-in entries so the next load reads them again. */
export function resetBuiltInForTests(): void {
  builtInCache = undefined;
  builtInFrom = undefined;
}

/**
 * Loads the built-in formulation dictionaries plus the user's (config `dictionaries`, same schema).
 * A user entry whose id equals a built-in one replaces it; invalid user entries are reported and
 * skipped, everything else keeps working.
 */
export function loadDictionaries(userFiles: readonly string[]): CompiledDictionaries {
  const builtIn = loadBuiltIn();
  const entries = [...builtIn.entries];
  const origins = [...builtIn.origins];
  const problems: ConfigProblem[] = [];
  const index = new Map(entries.map((e, i) => [e.id, i]));
  const userIds = new Set<string>();
  for (const file of userFiles) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      problems.push({ file, line: 0, column: 0, message: `无法读取词典文件：${(e as Error).message}` });
      continue;
    }
    const parsed = parseDictionary(text, file, false);
    problems.push(...parsed.problems);
    parsed.entries.forEach((e, i) => {
      if (userIds.has(e.id)) {
        problems.push({ file, line: parsed.origins[i].line, column: 1, message: `词条“${e.id}”：id 与前面的用户词典重复，以前面的为准` });
        return;
      }
      userIds.add(e.id);
      const existing = index.get(e.id);
      if (existing !== undefined) {
        entries[existing] = e;
        origins[existing] = parsed.origins[i];
      } else {
        index.set(e.id, entries.length);
        entries.push(e);
        origins.push(parsed.origins[i]);
      }
    });
  }
  return { entries, origins, problems: [...builtIn.problems, ...problems], cache: new Map() };
}
