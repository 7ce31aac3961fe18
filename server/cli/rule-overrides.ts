/**
 * `--rule id:level` (or `id:[level, {options}]`): rule settings from the command line, as one
 * config layer that wins over the config files. Checked with the same code as config files, so
 * a typo gets the same "did you mean" answer.
 */
import { normalizeRuleSettings } from '../../rules/engine/config';
import type { ConfigLayer } from '../../rules/engine/config-types';
import type { Rule } from '../../rules/engine/types';

export class RuleOverrideError extends Error {}

/** Splits one `--rule` value; the level part may be a bare word or JSON. */
function splitSpec(spec: string): [string, unknown] {
  const m = /^\s*([A-Za-z0-9-]+)\s*[:=]\s*(.+?)\s*$/s.exec(spec);
  if (!m) throw new RuleOverrideError(`--rule 应写作“规则:级别”，如 --rule comma-width:off，实际为“${spec}”（expected id:level）`);
  const [, id, value] = m;
  if (/^[A-Za-z]+$/.test(value)) return [id, value];
  try {
    return [id, JSON.parse(value) as unknown];
  } catch {
    throw new RuleOverrideError(`--rule ${id} 的值应为级别（off、info、warn、error）或 JSON 数组 [级别, 选项]，实际为“${value}”（expected a level or JSON）`);
  }
}

export function ruleOverrideLayer(specs: readonly string[], rules: readonly Rule[]): ConfigLayer | undefined {
  if (specs.length === 0) return undefined;
  const raw: Record<string, unknown> = {};
  for (const spec of specs) {
    const [id, value] = splitSpec(spec);
    raw[id] = value; // the last --rule for an id wins, as later config layers do
  }
  const { settings, problems } = normalizeRuleSettings(raw, rules);
  if (problems.length > 0) throw new RuleOverrideError(`--rule：${problems.map((p) => p.message).join('；')}`);
  return { rules: settings };
}
