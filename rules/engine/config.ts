import * as fs from 'fs';
import * as path from 'path';
import type { default as AjvClass, ErrorObject, ValidateFunction } from 'ajv';
import type { Node as YamlNode } from 'yaml';
import type { Level, Rule, RuleOptions } from './types';
import type { ConfigLayer, ConfigOverride, ConfigProblem, ResolvedConfig, RuleSetting } from './config-types';
import { compileGlobs, type GlobTest, type PathApi } from './globs';
import configSchema from '../schema/gongwenrc.schema.json';

export const CONFIG_FILE_NAMES = ['.gongwenrc.json', '.gongwenrc.yaml', '.gongwenrc.yml', '.gongwenrc'];

const LEVELS: readonly Level[] = ['off', 'info', 'warn', 'error'];

// ajv and yaml are required on first use, not at load: a run without a config file (and without
// user dictionaries or rule options) never loads them (start-up time, issue 7).
let ajvInstance: AjvClass | undefined;
function ajv(): AjvClass {
  if (!ajvInstance) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { default: Ajv } = require('ajv') as typeof import('ajv');
    ajvInstance = new Ajv({ allErrors: true, strict: false });
  }
  return ajvInstance;
}
let configShapeValidator: ValidateFunction | undefined;
function validateConfigShape(): ValidateFunction {
  return (configShapeValidator ??= ajv().compile(configSchema));
}
const optionValidators = new WeakMap<object, ValidateFunction>();

/**
 * Parses and validates one config text. Never throws: every problem is returned with its line
 * and column so the CLI can print it and the editor can underline it in the config file.
 *
 * One mistake gives one problem: only the first syntax error is reported (later ones are mostly
 * its echoes), and the rules and date are checked by rule-aware code only, not a second time by
 * the schema. The valid parts of a file still apply, so one typo does not switch every rule back
 * to its default.
 *
 * `.gongwenrc.json` is JSON with comments and trailing commas allowed (as VS Code's settings and
 * ESLint's .eslintrc.json); it is read through the YAML parser, of which JSON is a subset.
 */
export function parseConfig(
  text: string,
  file: string,
  rules: readonly Rule[],
  /** The folder `ignore` and `overrides[].files` globs are relative to (default: the config file's). */
  globBase = path.dirname(file),
): { layer: ConfigLayer; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { LineCounter, parseDocument, isNode, isMap, isScalar } = require('yaml') as typeof import('yaml');
  const lineCounter = new LineCounter();
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let body = bom ? text.slice(1) : text;
  const isJson = /\.json$/i.test(file) || (!/\.ya?ml$/i.test(file) && /^\s*\{/.test(body));
  if (isJson) body = blankJsonComments(body);
  const doc = parseDocument(body, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number | undefined): { line: number; column: number } => {
    if (offset === undefined) return { line: 1, column: 1 };
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const kind = isJson ? 'JSON' : 'YAML';
    problems.push({ file, ...at(e.pos[0]), message: `配置文件 ${kind} 格式错误：${explainSyntaxError(e.code, e.message, isJson)}` });
    return { layer: {}, problems };
  }

  const raw: unknown = doc.toJS() ?? {};
  const nodeAt = (keys: ReadonlyArray<string | number>): YamlNode | undefined => {
    const node = doc.getIn(keys, true);
    return isNode(node) ? node : undefined;
  };
  const keyAt = (mapPath: ReadonlyArray<string | number>, key: string): YamlNode | undefined => {
    const map = mapPath.length === 0 ? doc.contents : doc.getIn(mapPath, true);
    if (!isMap(map)) return undefined;
    const pair = map.items.find((p) => (isScalar(p.key) ? String(p.key.value) : p.key) === key);
    return pair && isNode(pair.key) ? pair.key : undefined;
  };
  const pointer = (instancePath: string): Array<string | number> =>
    instancePath
      .split('/')
      .slice(1)
      .map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'))
      .map((k) => (/^\d+$/.test(k) ? Number(k) : k));

  const badOverrides = new Set<number>();
  const validateShape = validateConfigShape();
  if (!validateShape(raw)) {
    for (const err of dedupeAjvErrors(validateShape.errors ?? [])) {
      // rules.* and date, at the top and in overrides, have their own, more specific checks below.
      if (/^(\/overrides\/\d+)?(\/rules\/|\/date$)/.test(err.instancePath)) continue;
      const keys = pointer(err.instancePath);
      let node = nodeAt(keys);
      if (err.keyword === 'additionalProperties') node = keyAt(keys, (err.params as { additionalProperty: string }).additionalProperty) ?? node;
      // Any other mistake inside an override (no `files`, an unknown field, a glob that is not a
      // string) makes the whole override unusable: it is skipped, the rest of the file applies.
      const inOverride = typeof keys[0] === 'string' && keys[0] === 'overrides' && typeof keys[1] === 'number';
      if (inOverride) badOverrides.add(keys[1] as number);
      problems.push({ file, ...at(node?.range?.[0]), message: describeAjvError(err, valueAt(raw, keys)) + (inOverride ? '；该覆盖项（override）已忽略' : '') });
    }
  }
  const obj = (typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? raw : {}) as Record<string, unknown>;
  const layer: ConfigLayer = {};
  const baseDir = path.dirname(file);

  /** `date`, `dictionaries` and `rules` of the top level (prefix []) or of one override. */
  const readSettings = (o: Record<string, unknown>, prefix: Array<string | number>, into: { rules?: Record<string, RuleSetting>; dictionaries?: string[]; date?: string }): void => {
    const where = prefix.length === 0 ? '' : `overrides[${prefix[1]}] 中的 `;
    if ('date' in o) {
      if (typeof o.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(o.date) && isRealDate(o.date)) into.date = o.date;
      else {
        const shown = typeof o.date === 'string' ? `“${o.date}”` : JSON.stringify(o.date);
        problems.push({ file, ...at(nodeAt([...prefix, 'date'])?.range?.[0]), message: `${where}date 应为有效日期 YYYY-MM-DD（如 "2024-03-05"），实际为 ${shown}；已按未设置处理` });
      }
    }
    if (Array.isArray(o.dictionaries)) {
      into.dictionaries = o.dictionaries.filter((d): d is string => typeof d === 'string' && d.length > 0).map((d) => path.resolve(baseDir, d));
    }
    if (o.rules && typeof o.rules === 'object' && !Array.isArray(o.rules)) {
      const { settings, problems: ruleProblems } = normalizeRuleSettings(o.rules as Record<string, unknown>, rules);
      into.rules = settings;
      for (const p of ruleProblems) {
        const node = p.onKey ? keyAt([...prefix, 'rules'], p.ruleId) : (nodeAt([...prefix, 'rules', p.ruleId, ...(p.path ?? [])]) ?? nodeAt([...prefix, 'rules', p.ruleId]));
        problems.push({ file, ...at(node?.range?.[0]), message: prefix.length === 0 ? p.message : `overrides[${prefix[1]}]：${p.message.replace(/；该规则按默认级别运行$/, '；覆盖项中的这一设置已忽略')}` });
      }
    }
  };

  layer.source = file;
  if (typeof obj.root === 'boolean') layer.root = obj.root;
  readSettings(obj, [], layer);
  if (Array.isArray(obj.ignore)) {
    layer.ignore = obj.ignore.filter((g): g is string => typeof g === 'string' && g.length > 0).map((pattern) => ({ pattern, base: globBase }));
  }
  if (Array.isArray(obj.overrides)) {
    const overrides: ConfigOverride[] = [];
    obj.overrides.forEach((entry: unknown, i: number) => {
      if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return; // reported by the schema
      const o = entry as Record<string, unknown>;
      const override: ConfigOverride = { source: `${file}#overrides[${i}]`, base: globBase, files: globList(o.files) };
      const excluded = globList(o.excludedFiles);
      if (excluded.length > 0) override.excludedFiles = excluded;
      // Settings of a skipped override are still checked: their mistakes are mistakes all the same.
      readSettings(o, ['overrides', i], override);
      if (badOverrides.has(i)) return;
      if (override.files.length === 0) {
        problems.push({ file, ...at(nodeAt(['overrides', i, 'files'])?.range?.[0]), message: `overrides[${i}].files：没有有效的 glob（只有空白）；该覆盖项（override）已忽略` });
        return;
      }
      overrides.push(override);
    });
    if (overrides.length > 0) layer.overrides = overrides;
  }
  // Schema and rule-aware checks run one after the other; the writer reads the file top down.
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  return { layer, problems };
}

function globList(value: unknown): string[] {
  const list = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
  return list.filter((g): g is string => typeof g === 'string' && g.trim().length > 0);
}

export interface RuleSettingProblem {
  ruleId: string;
  message: string;
  /** The problem is the id itself (underline the key). */
  onKey?: boolean;
  /** Where inside the rule's value, e.g. [1, 'max'] for an option. */
  path?: Array<string | number>;
}

/**
 * Turns `{id: level | [level, options]}` into settings, checking ids, levels and options against
 * the rules' own schemas. Shared by config files and editor settings.
 */
export function normalizeRuleSettings(
  input: Record<string, unknown>,
  rules: readonly Rule[],
): { settings: Record<string, RuleSetting>; problems: RuleSettingProblem[] } {
  const settings: Record<string, RuleSetting> = {};
  const problems: RuleSettingProblem[] = [];
  const byId = new Map(rules.map((r) => [r.meta.id, r]));
  for (const [id, value] of Object.entries(input)) {
    const rule = byId.get(id);
    if (!rule) {
      const near = closest(id, [...byId.keys()]);
      problems.push({ ruleId: id, onKey: true, message: `未知规则“${id}”${near ? `，是否要写“${near}”？` : '；用 gongwen-lint --list-rules 查看全部规则'}（该项已忽略）` });
      continue;
    }
    let level: unknown = value;
    let options: unknown = {};
    const isArray = Array.isArray(value);
    if (isArray) {
      if (value.length === 0 || value.length > 2) {
        problems.push({ ruleId: id, message: `规则“${id}”应写作级别或 [级别, 选项]，实际为有 ${value.length} 项的数组；该规则按默认级别运行` });
        continue;
      }
      level = value[0];
      options = value[1] ?? {};
    }
    if (typeof level !== 'string' || !LEVELS.includes(level as Level)) {
      problems.push({ ruleId: id, path: isArray ? [0] : [], message: `规则“${id}”的级别应为 off、info、warn 或 error，实际为 ${JSON.stringify(level)}；该规则按默认级别运行` });
      continue;
    }
    if (typeof options !== 'object' || options === null || Array.isArray(options)) {
      problems.push({ ruleId: id, path: [1], message: `规则“${id}”的选项应为对象（如 {"键": 值}），实际为 ${JSON.stringify(options)}；该规则按默认级别运行` });
      continue;
    }
    if (rule.optionsSchema) {
      let validate = optionValidators.get(rule.optionsSchema);
      if (!validate) {
        validate = ajv().compile(rule.optionsSchema);
        optionValidators.set(rule.optionsSchema, validate);
      }
      if (!validate(options)) {
        const errors = dedupeAjvErrors(validate.errors ?? []);
        const first = errors[0];
        const inner = first ? first.instancePath.split('/').slice(1).map((k) => (/^\d+$/.test(k) ? Number(k) : k.replace(/~1/g, '/').replace(/~0/g, '~'))) : [];
        const detail = errors.map((e) => describeAjvError(e, valueAt(options, e.instancePath.split('/').slice(1)), `${id} 的选项`)).join('；');
        problems.push({ ruleId: id, path: [1, ...inner], message: `规则“${id}”的选项无效：${detail}；该规则按默认级别运行` });
        continue;
      }
    } else if (Object.keys(options as object).length > 0) {
      problems.push({ ruleId: id, path: [1], message: `规则“${id}”不接受选项（实际给了 ${Object.keys(options as object).join('、')}）；该规则按默认级别运行` });
      continue;
    }
    settings[id] = { level: level as Level, options: options as RuleOptions };
  }
  return { settings, problems };
}

/**
 * Replaces // and /* *\/ comments outside strings by spaces (line breaks kept), so that offsets,
 * and with them the reported lines and columns, stay those of the file.
 */
export function blankJsonComments(text: string): string {
  let out = '';
  let i = 0;
  let inString = false;
  while (i < text.length) {
    const c = text[i];
    if (inString) {
      out += c;
      if (c === '\\' && i + 1 < text.length) {
        out += text[i + 1];
        i += 2;
        continue;
      }
      if (c === '"') inString = false;
      i++;
    } else if (c === '"') {
      inString = true;
      out += c;
      i++;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n' && text[i] !== '\r') {
        out += ' ';
        i++;
      }
    } else if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      const stop = close === -1 ? text.length : close + 2;
      out += text.slice(i, stop).replace(/[^\r\n]/g, ' ');
      i = stop;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

const SYNTAX_HINTS: Record<string, string> = {
  MISSING_CHAR: '缺少字符（常见原因：JSON 中两项之间少了逗号，或括号、引号未闭合）',
  BAD_INDENT: '缩进不一致（YAML 用空格缩进，同一层级对齐）',
  TAB_AS_INDENT: 'YAML 不允许用制表符缩进，请改用空格',
  DUPLICATE_KEY: '同一层中键重复',
  BLOCK_AS_IMPLICIT_KEY: '键跨了多行或缩进不对',
  MULTILINE_IMPLICIT_KEY: '键跨了多行或缩进不对',
  UNEXPECTED_TOKEN: '出现了不该出现的符号',
  BAD_SCALAR_START: '值不能以此字符开头，请加引号',
};

const JSON_HINTS: Record<string, string> = {
  MISSING_CHAR: '缺少逗号、冒号、引号或右括号',
  BAD_INDENT: '括号未闭合（缺少 } 或 ]）',
  DUPLICATE_KEY: '同一层中键重复',
  UNEXPECTED_TOKEN: '出现了不该出现的符号',
};

function explainSyntaxError(code: string, message: string, isJson: boolean): string {
  const hint = (isJson ? JSON_HINTS : SYNTAX_HINTS)[code];
  const detail = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  return hint ? `${hint}（${detail}）` : detail;
}

function valueAt(root: unknown, keys: ReadonlyArray<string | number>): unknown {
  let v: unknown = root;
  for (const k of keys) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[String(k)];
  }
  return v;
}

/**
 * Later layers win, rule by rule; dictionaries and ignore globs accumulate. Overrides are not
 * looked at here: `layersFor` turns a config file's layer into the layers that apply to one file.
 */
export function mergeLayers(layers: ConfigLayer[]): Omit<ResolvedConfig, 'files' | 'problems'> {
  const out: Omit<ResolvedConfig, 'files' | 'problems'> = { rules: {}, dictionaries: [], ignore: [], overrides: [], ruleSources: {} };
  for (const l of layers) {
    if (l.rules) {
      Object.assign(out.rules, l.rules);
      for (const id of Object.keys(l.rules)) {
        if (l.source) out.ruleSources[id] = l.source;
        else delete out.ruleSources[id];
      }
    }
    if (l.dictionaries) for (const d of l.dictionaries) if (!out.dictionaries.includes(d)) out.dictionaries.push(d);
    if (l.ignore) out.ignore.push(...l.ignore);
    if (l.date) out.date = l.date;
    if (l.fromOverride && l.source) out.overrides.push(l.source);
  }
  return out;
}

const overrideTests = new WeakMap<ConfigOverride, GlobTest>();

/**
 * Whether an override applies to a file (absolute path): a `files` glob matches and no
 * `excludedFiles` glob does. Its globs are compiled once per loaded config file.
 */
export function overrideMatches(override: ConfigOverride, absPath: string, pathApi?: PathApi): boolean {
  let test = pathApi ? undefined : overrideTests.get(override);
  if (!test) {
    const files = compileGlobs(override.files, override.base, pathApi);
    const excluded = override.excludedFiles ? compileGlobs(override.excludedFiles, override.base, pathApi) : undefined;
    test = excluded ? (p) => files(p) && !excluded(p) : files;
    if (!pathApi) overrideTests.set(override, test);
  }
  return test(absPath);
}

/**
 * The layers a config file contributes for one file: its own settings, then each of its overrides
 * whose globs match the file, in file order (so a later override wins over an earlier one). Without
 * a file (an untitled editor buffer) no override applies.
 */
export function layersFor(layer: ConfigLayer, filePath: string | undefined, pathApi?: PathApi): ConfigLayer[] {
  if (!layer.overrides || layer.overrides.length === 0) return [layer];
  const own: ConfigLayer = { ...layer };
  delete own.overrides;
  const out = [own];
  if (filePath === undefined) return out;
  for (const o of layer.overrides) {
    if (!overrideMatches(o, filePath, pathApi)) continue;
    const l: ConfigLayer = { source: o.source, fromOverride: true };
    if (o.rules) l.rules = o.rules;
    if (o.dictionaries) l.dictionaries = o.dictionaries;
    if (o.date) l.date = o.date;
    out.push(l);
  }
  return out;
}

interface CachedFile {
  mtimeMs: number;
  size: number;
  layer: ConfigLayer;
  problems: ConfigProblem[];
}

/**
 * Finds and loads the configuration for files, walking up from each file's folder. The CLI and the
 * language server both use this, so a file is checked the same way in both.
 */
export class ConfigResolver {
  private readonly fileCache = new Map<string, CachedFile>();
  private readonly dirCache = new Map<string, string[]>();

  constructor(
    private readonly rules: readonly Rule[],
    /** An explicit config file (CLI --config): used instead of the search. */
    private readonly explicitFile?: string,
    /**
     * With an explicit config file, the folder its globs are relative to: the working folder, as
     * ESLint does for --config, since such a file often lives apart from the documents (ci/).
     */
    private readonly explicitGlobBase?: string,
  ) {}

  /** Forget cached files, e.g. after the editor reports a config file change. */
  invalidate(): void {
    this.fileCache.clear();
    this.dirCache.clear();
  }

  /** Config files that apply to a folder, outermost first. */
  configFilesFor(dir: string): string[] {
    if (this.explicitFile) return [path.resolve(this.explicitFile)];
    const cached = this.dirCache.get(dir);
    if (cached) return cached;
    const found: string[] = [];
    let current = path.resolve(dir);
    for (;;) {
      const file = CONFIG_FILE_NAMES.map((n) => path.join(current, n)).find((f) => isFile(f));
      if (file) {
        found.unshift(file);
        if (this.loadFile(file).layer.root) break;
      }
      const parent = path.dirname(current);
      if (parent === current) break;
      current = parent;
    }
    this.dirCache.set(dir, found);
    return found;
  }

  /**
   * The configuration of one file: from the farthest config file to the nearest, each file's own
   * settings and then its overrides that match the file; `extraLayers` (command-line or editor
   * settings) last. So a nearer config file's top level wins over a farther file's override.
   */
  resolve(filePath: string | undefined, extraLayers: ConfigLayer[] = []): ResolvedConfig {
    const abs = filePath ? path.resolve(filePath) : undefined;
    const dir = abs ? path.dirname(abs) : process.cwd();
    const files = this.configFilesFor(dir);
    const loaded = files.map((f) => this.loadFile(f));
    const merged = mergeLayers([...loaded.flatMap((l) => layersFor(l.layer, abs)), ...extraLayers]);
    return { ...merged, files, problems: loaded.flatMap((l) => l.problems) };
  }

  loadFile(file: string): CachedFile {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch (e) {
      return { mtimeMs: 0, size: 0, layer: {}, problems: [{ file, line: 0, column: 0, message: `无法读取配置文件：${(e as Error).message}` }] };
    }
    const cached = this.fileCache.get(file);
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached;
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      return { mtimeMs: 0, size: 0, layer: {}, problems: [{ file, line: 0, column: 0, message: `无法读取配置文件：${(e as Error).message}` }] };
    }
    const bad = text.indexOf('\uFFFD');
    if (bad !== -1) {
      const line = text.slice(0, bad).split(/\r\n|\r|\n/).length;
      const entry = { mtimeMs: stat.mtimeMs, size: stat.size, layer: {}, problems: [{ file, line, column: 1, message: '配置文件应为 UTF-8 编码（此处的字节不是有效的 UTF-8，可能是 GBK），请另存为 UTF-8；本文件的设置未生效' }] };
      this.fileCache.set(file, entry);
      return entry;
    }
    const explicit = this.explicitFile !== undefined && path.resolve(this.explicitFile) === file;
    const { layer, problems } = parseConfig(text, file, this.rules, explicit && this.explicitGlobBase ? this.explicitGlobBase : path.dirname(file));
    const entry = { mtimeMs: stat.mtimeMs, size: stat.size, layer, problems };
    this.fileCache.set(file, entry);
    return entry;
  }
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

export function isRealDate(iso: string): boolean {
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
}

function dedupeAjvErrors(errors: ErrorObject[]): ErrorObject[] {
  // anyOf produces one error per branch. A branch whose type did not match says only "wrong type";
  // when another branch's type matched, its error (deeper, or another keyword) says what is wrong.
  // When no branch's type matched, one error names every type allowed.
  const byPath = new Map<string, ErrorObject[]>();
  for (const e of errors) {
    if (e.keyword === 'anyOf') continue;
    const list = byPath.get(e.instancePath) ?? [];
    list.push(e);
    byPath.set(e.instancePath, list);
  }
  const paths = [...byPath.keys()];
  const out: ErrorObject[] = [];
  for (const [p, list] of byPath) {
    const other = list.find((e) => e.keyword !== 'type');
    if (other) {
      out.push(other);
      continue;
    }
    if (paths.some((q) => q.startsWith(`${p}/`))) continue;
    const types = [...new Set(list.map((e) => String((e.params as { type: string }).type)))].join(',');
    out.push({ ...list[0], params: { ...list[0].params, type: types } });
  }
  return out;
}

const TYPE_NAMES: Record<string, string> = { array: '数组（列表）', object: '对象（键: 值）', string: '字符串', boolean: '布尔值 true 或 false', number: '数字', integer: '整数', null: 'null' };

function describeAjvError(e: ErrorObject, actual?: unknown, top = '顶层'): string {
  const where = e.instancePath
    ? e.instancePath
        .slice(1)
        .split('/')
        .map((k, i) => (/^\d+$/.test(k) ? `[${k}]` : `${i > 0 ? '.' : ''}${k.replace(/~1/g, '/').replace(/~0/g, '~')}`))
        .join('')
    : top;
  const got = actual === undefined ? '' : `，实际为 ${JSON.stringify(actual)}`;
  switch (e.keyword) {
    case 'additionalProperties':
      return `${where}：不认识的字段“${(e.params as { additionalProperty: string }).additionalProperty}”（可用字段见配置文件的 JSON schema）`;
    case 'type': {
      const t = (e.params as { type: string }).type;
      return `${where}：应为${t.split(',').map((x) => TYPE_NAMES[x] ?? x).join('或')}${got}`;
    }
    case 'enum':
      return `${where}：应为 ${((e.params as { allowedValues: unknown[] }).allowedValues).map(String).join('、')} 之一${got}`;
    case 'pattern':
      return `${where}：格式不符（${(e.params as { pattern: string }).pattern}）${got}`;
    case 'required':
      return `${where}：缺少字段“${(e.params as { missingProperty: string }).missingProperty}”`;
    case 'minLength':
      return `${where}：不能为空`;
    case 'minItems':
      return `${where}：不能为空列表`;
    default:
      return `${where}：${e.message ?? '无效'}${got}`;
  }
}

/** Suggest the nearest known id for a typo (edit distance ≤ 3). */
export function closest(word: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestDist = 4;
  for (const c of candidates) {
    const d = editDistance(word, c);
    if (d < bestDist) {
      best = c;
      bestDist = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}
