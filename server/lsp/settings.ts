import * as path from 'path';
import { normalizeRuleSettings } from '../../rules/engine/config';
import { isRealDate } from '../../rules/engine/config';
import type { ConfigLayer } from '../../rules/engine/config-types';
import type { Rule } from '../../rules/engine/types';

/**
 * The `gongwen.*` settings, typed and normalised in this one place. Everything else in the server
 * reads `Settings`, never the raw object the client sent.
 */
export type RunMode = 'onType' | 'onSave';

export interface Settings {
  enable: boolean;
  /** Exactly what the user set; only these override config files. */
  rules: Record<string, unknown>;
  dictionaries: string[];
  /** YYYY-MM-DD, or undefined for "from the document / config / today". */
  referenceDate?: string;
  run: RunMode;
  maxFileSize: number;
}

export const DEFAULT_MAX_FILE_SIZE = 2_000_000;

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  enable: true,
  rules: {},
  dictionaries: [],
  run: 'onType',
  maxFileSize: DEFAULT_MAX_FILE_SIZE,
}) as Settings;

/**
 * Turns whatever the client sent for the `gongwen` section (possibly null, partial or of the
 * wrong types) into Settings. Wrong values fall back to the default and are reported in Chinese.
 */
export function normalizeSettings(raw: unknown): { settings: Settings; problems: string[] } {
  const problems: string[] = [];
  const obj = isObject(raw) ? raw : {};
  const settings: Settings = { ...DEFAULT_SETTINGS, rules: {}, dictionaries: [] };

  if (obj.enable !== undefined && obj.enable !== null) {
    if (typeof obj.enable === 'boolean') settings.enable = obj.enable;
    else problems.push(`gongwen.enable 应为 true 或 false，实际为 ${JSON.stringify(obj.enable)}`);
  }
  if (obj.rules !== undefined && obj.rules !== null) {
    if (isObject(obj.rules)) settings.rules = { ...obj.rules };
    else problems.push('gongwen.rules 应为对象：{ "规则id": "off" | "info" | "warn" | "error" | [级别, 选项] }');
  }
  if (obj.dictionaries !== undefined && obj.dictionaries !== null) {
    if (Array.isArray(obj.dictionaries)) {
      for (const d of obj.dictionaries) {
        if (typeof d === 'string' && d.trim() !== '') settings.dictionaries.push(d.trim());
        else problems.push(`gongwen.dictionaries 的每一项应为文件路径，实际为 ${JSON.stringify(d)}`);
      }
    } else problems.push('gongwen.dictionaries 应为文件路径数组');
  }
  if (typeof obj.referenceDate === 'string' && obj.referenceDate.trim() !== '') {
    const d = obj.referenceDate.trim();
    if (/^\d{4}-\d{2}-\d{2}$/.test(d) && isRealDate(d)) settings.referenceDate = d;
    else problems.push(`gongwen.referenceDate 应为有效日期 YYYY-MM-DD 或留空，实际为“${obj.referenceDate}”`);
  } else if (obj.referenceDate !== undefined && obj.referenceDate !== null && typeof obj.referenceDate !== 'string') {
    problems.push('gongwen.referenceDate 应为字符串 YYYY-MM-DD 或留空');
  }
  if (obj.run !== undefined && obj.run !== null) {
    if (obj.run === 'onType' || obj.run === 'onSave') settings.run = obj.run;
    else problems.push(`gongwen.run 应为 onType 或 onSave，实际为 ${JSON.stringify(obj.run)}`);
  }
  if (obj.maxFileSize !== undefined && obj.maxFileSize !== null) {
    if (typeof obj.maxFileSize === 'number' && Number.isFinite(obj.maxFileSize) && obj.maxFileSize > 0) settings.maxFileSize = Math.floor(obj.maxFileSize);
    else problems.push(`gongwen.maxFileSize 应为正数（字符数），实际为 ${JSON.stringify(obj.maxFileSize)}`);
  }
  return { settings, problems };
}

/**
 * The settings as a config layer that goes on top of the config files: only rules the user set,
 * dictionaries resolved against the workspace folder, the reference date when set.
 */
export function settingsLayer(settings: Settings, rules: readonly Rule[], workspaceFolder: string | undefined): { layer: ConfigLayer; problems: string[] } {
  const layer: ConfigLayer = {};
  const { settings: ruleSettings, problems } = normalizeRuleSettings(settings.rules, rules);
  if (Object.keys(ruleSettings).length > 0) layer.rules = ruleSettings;
  if (settings.dictionaries.length > 0) {
    layer.dictionaries = settings.dictionaries.map((d) => (path.isAbsolute(d) || !workspaceFolder ? path.resolve(d) : path.resolve(workspaceFolder, d)));
  }
  if (settings.referenceDate) layer.date = settings.referenceDate;
  return { layer, problems: problems.map((p) => `gongwen.rules：${p.message}`) };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
