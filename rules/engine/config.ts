import * as fs from 'fs';
import * as path from 'path';
import Ajv, { type ErrorObject } from 'ajv';
import { LineCounter, parseDocument, isNode, type Node as YamlNode } from 'yaml';
import type { Level, Rule, RuleOptions } from './types';
import type { ConfigLayer, ConfigProblem, ResolvedConfig, RuleSetting } from './config-types';
import configSchema from '../schema/gongwenrc.schema.json';

export const CONFIG_FILE_NAMES = ['.gongwenrc.json', '.gongwenrc.yaml', '.gongwenrc.yml', '.gongwenrc'];

const LEVELS: readonly Level[] = ['off', 'info', 'warn', 'error'];

const ajv = new Ajv({ allErrors: true, strict: false });
const validateConfigShape = ajv.compile(configSchema);
const optionValidators = new WeakMap<object, ReturnType<typeof ajv.compile>>();

/**
 * Parses and validates one config text. Never throws: every problem is returned with its line
 * and column so the CLI can print it and the editor can underline it in the config file.
 */
export function parseConfig(text: string, file: string, rules: readonly Rule[]): { layer: ConfigLayer; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const lineCounter = new LineCounter();
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const doc = parseDocument(body, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number | undefined): { line: number; column: number } => {
    if (offset === undefined) return { line: 1, column: 1 };
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  for (const e of doc.errors) {
    problems.push({ file, ...at(e.pos[0]), message: `配置文件格式错误：${e.message.split('\n')[0]}` });
  }
  if (problems.length > 0) return { layer: {}, problems };

  const raw: unknown = doc.toJS() ?? {};
  const nodeAt = (instancePath: string): YamlNode | undefined => {
    const keys = instancePath.split('/').slice(1).map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
    const node = doc.getIn(keys.map((k) => (/^\d+$/.test(k) ? Number(k) : k)), true);
    return isNode(node) ? node : undefined;
  };

  if (!validateConfigShape(raw)) {
    for (const err of dedupeAjvErrors(validateConfigShape.errors ?? [])) {
      const node = nodeAt(err.instancePath);
      problems.push({ file, ...at(node?.range?.[0]), message: describeAjvError(err) });
    }
    // Keep the parts that are valid so that one typo does not switch every rule back to default.
  }
  const obj = (typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? raw : {}) as Record<string, unknown>;
  const layer: ConfigLayer = {};
  const baseDir = path.dirname(file);

  if (typeof obj.root === 'boolean') layer.root = obj.root;
  if (typeof obj.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(obj.date) && isRealDate(obj.date)) layer.date = obj.date;
  else if (typeof obj.date === 'string') {
    const node = nodeAt('/date');
    problems.push({ file, ...at(node?.range?.[0]), message: `date 应为有效日期 YYYY-MM-DD，实际为“${obj.date}”` });
  }
  if (Array.isArray(obj.dictionaries)) {
    layer.dictionaries = obj.dictionaries.filter((d): d is string => typeof d === 'string' && d.length > 0).map((d) => path.resolve(baseDir, d));
  }
  if (Array.isArray(obj.ignore)) {
    layer.ignore = obj.ignore.filter((g): g is string => typeof g === 'string' && g.length > 0).map((pattern) => ({ pattern, base: baseDir }));
  }
  if (obj.rules && typeof obj.rules === 'object' && !Array.isArray(obj.rules)) {
    const { settings, problems: ruleProblems } = normalizeRuleSettings(obj.rules as Record<string, unknown>, rules);
    layer.rules = settings;
    for (const p of ruleProblems) {
      const node = nodeAt(`/rules/${p.ruleId.replace(/~/g, '~0').replace(/\//g, '~1')}`);
      problems.push({ file, ...at(node?.range?.[0]), message: p.message });
    }
  }
  return { layer, problems };
}

/**
 * Turns `{id: level | [level, options]}` into settings, checking ids, levels and options against
 * the rules' own schemas. Shared by config files and editor settings.
 */
export function normalizeRuleSettings(
  input: Record<string, unknown>,
  rules: readonly Rule[],
): { settings: Record<string, RuleSetting>; problems: Array<{ ruleId: string; message: string }> } {
  const settings: Record<string, RuleSetting> = {};
  const problems: Array<{ ruleId: string; message: string }> = [];
  const byId = new Map(rules.map((r) => [r.meta.id, r]));
  for (const [id, value] of Object.entries(input)) {
    const rule = byId.get(id);
    if (!rule) {
      const near = closest(id, [...byId.keys()]);
      problems.push({ ruleId: id, message: `未知规则“${id}”${near ? `，是否要写“${near}”？` : ''}` });
      continue;
    }
    let level: unknown = value;
    let options: unknown = {};
    if (Array.isArray(value)) {
      level = value[0];
      options = value[1] ?? {};
    }
    if (typeof level !== 'string' || !LEVELS.includes(level as Level)) {
      problems.push({ ruleId: id, message: `规则“${id}”的级别应为 off、info、warn 或 error，实际为 ${JSON.stringify(level)}` });
      continue;
    }
    if (typeof options !== 'object' || options === null || Array.isArray(options)) {
      problems.push({ ruleId: id, message: `规则“${id}”的选项应为对象` });
      continue;
    }
    if (rule.optionsSchema) {
      let validate = optionValidators.get(rule.optionsSchema);
      if (!validate) {
        validate = ajv.compile(rule.optionsSchema);
        optionValidators.set(rule.optionsSchema, validate);
      }
      if (!validate(options)) {
        const detail = dedupeAjvErrors(validate.errors ?? []).map(describeAjvError).join('；');
        problems.push({ ruleId: id, message: `规则“${id}”的选项无效：${detail}` });
        continue;
      }
    } else if (Object.keys(options as object).length > 0) {
      problems.push({ ruleId: id, message: `规则“${id}”不接受选项` });
      continue;
    }
    settings[id] = { level: level as Level, options: options as RuleOptions };
  }
  return { settings, problems };
}

/** Later layers win, rule by rule; dictionaries and ignore globs accumulate. */
export function mergeLayers(layers: ConfigLayer[]): Omit<ResolvedConfig, 'files' | 'problems'> {
  const out: Omit<ResolvedConfig, 'files' | 'problems'> = { rules: {}, dictionaries: [], ignore: [] };
  for (const l of layers) {
    if (l.rules) Object.assign(out.rules, l.rules);
    if (l.dictionaries) for (const d of l.dictionaries) if (!out.dictionaries.includes(d)) out.dictionaries.push(d);
    if (l.ignore) out.ignore.push(...l.ignore);
    if (l.date) out.date = l.date;
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

  resolve(filePath: string | undefined, extraLayers: ConfigLayer[] = []): ResolvedConfig {
    const dir = filePath ? path.dirname(path.resolve(filePath)) : process.cwd();
    const files = this.configFilesFor(dir);
    const loaded = files.map((f) => this.loadFile(f));
    const merged = mergeLayers([...loaded.map((l) => l.layer), ...extraLayers]);
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
    const { layer, problems } = parseConfig(text, file, this.rules);
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
  // anyOf produces one error per branch; the most specific one (deepest path) says most.
  const byPath = new Map<string, ErrorObject>();
  for (const e of errors) {
    if (e.keyword === 'anyOf') continue;
    if (!byPath.has(e.instancePath)) byPath.set(e.instancePath, e);
  }
  return [...byPath.values()];
}

function describeAjvError(e: ErrorObject): string {
  const where = e.instancePath ? e.instancePath.slice(1).replace(/\//g, '.') : '顶层';
  switch (e.keyword) {
    case 'additionalProperties':
      return `${where}：不认识的字段“${(e.params as { additionalProperty: string }).additionalProperty}”`;
    case 'type':
      return `${where}：应为 ${(e.params as { type: string }).type}`;
    case 'enum':
      return `${where}：应为 ${((e.params as { allowedValues: unknown[] }).allowedValues).map(String).join('、')} 之一`;
    case 'pattern':
      return `${where}：格式不符（${(e.params as { pattern: string }).pattern}）`;
    case 'required':
      return `${where}：缺少字段“${(e.params as { missingProperty: string }).missingProperty}”`;
    default:
      return `${where}：${e.message ?? '无效'}`;
  }
}

/** Suggest the nearest known id for a typo (edit distance ≤ 3). */
function closest(word: string, candidates: string[]): string | undefined {
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
