import type { DnrRule } from './dnr-types';
import { isInRange, type RuleKind } from './priorities';

/**
 * What to pass to `declarativeNetRequest.updateDynamicRules` to go from the installed rules to the wanted
 * ones. Storage is the truth: the background rebuilds `wanted` from the stored policies and applies the
 * difference at startup, after an update and after every change. The browser removes `removeRuleIds` before
 * adding `addRules` in the same call (Chrome: updateDynamicRules; Firefox: same), so a changed rule is
 * removed and re-added under its id, atomically.
 *
 * `kinds` limits the diff to the id ranges the caller owns (priorities.ts), so rules another feature
 * installed (CNAME-cloak rules, say) are never removed by the policy sync.
 */
export interface RuleUpdate {
  removeRuleIds: number[];
  addRules: DnrRule[];
}

export function diffRules(installed: readonly DnrRule[], wanted: readonly DnrRule[], kinds?: readonly RuleKind[]): RuleUpdate {
  const owned = (id: number) => !kinds || kinds.some((kind) => isInRange(kind, id));
  const wantedById = new Map(wanted.map((rule) => [rule.id, rule]));
  const installedById = new Map(installed.filter((rule) => owned(rule.id)).map((rule) => [rule.id, rule]));

  const removeRuleIds: number[] = [];
  for (const [id, rule] of installedById) {
    const next = wantedById.get(id);
    if (!next || canonicalRule(next) !== canonicalRule(rule)) removeRuleIds.push(id);
  }
  const addRules = wanted.filter((rule) => {
    const current = installedById.get(rule.id);
    return !current || canonicalRule(current) !== canonicalRule(rule);
  });
  return { removeRuleIds: removeRuleIds.sort((a, b) => a - b), addRules: [...addRules].sort((a, b) => a.id - b.id) };
}

/**
 * A rule as a string that ignores how a browser echoes it back: key order, absent vs null/undefined, empty
 * lists, the default priority (1) and the default `isUrlFilterCaseSensitive: false`.
 */
export function canonicalRule(rule: DnrRule): string {
  const withDefaults = { ...rule, priority: rule.priority ?? 1 };
  return JSON.stringify(normalize(withDefaults));
}

function normalize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalize);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const item = (value as Record<string, unknown>)[key];
    if (item === undefined || item === null) continue;
    if (Array.isArray(item) && item.length === 0) continue;
    if (key === 'isUrlFilterCaseSensitive' && item === false) continue;
    out[key] = normalize(item);
  }
  return out;
}
