/**
 * npm run bench:rules — the tracker rule compiler: compile time, rules per ruleset against each browser's
 * limits (measured limits from ../shared/notes/browser-testing.md), and the size the rulesets add to the zips.
 * Baseline in the same run: the attribution table, the other data file compiled from the same database.
 */
import { statSync, existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { compileAttributionTable } from '../utils/attribution/compile-table';
import { ENABLED_RULESET_LIMIT, STATIC_RULE_LIMIT, compileRules } from '../utils/rules/tracker-compiler';
import type { TrackerDb } from '../utils/rules/trackerdb-types';
import { loadThirdPartyWeb, loadTrackerDb, trackingParamList } from '../scripts/data/datasets';

const LIMITS = {
  chromium: { staticGuaranteed: 30_000, enabledRulesets: 50, regex: 1_000 },
  firefox: { staticGuaranteed: 30_000, enabledRulesets: 20, regex: 1_000 },
};

function timed<T>(run: () => T, repeats = 5): { value: T; ms: number } {
  let value = run();
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    value = run();
    times.push(performance.now() - t0);
  }
  return { value, ms: times.sort((a, b) => a - b)[Math.floor(repeats / 2)]! };
}

const db = loadTrackerDb();
const tpw = loadThirdPartyWeb();
const params = trackingParamList();
const rules = timed(() => compileRules(db as unknown as TrackerDb, params));
const table = timed(() => compileAttributionTable(db, tpw));
console.log(`compile (median of 5): rules ${rules.ms.toFixed(0)} ms, attribution table ${table.ms.toFixed(0)} ms (ratio ${(rules.ms / table.ms).toFixed(2)}×)`);

console.log('\n| ruleset | enabled | rules | regex | JSON bytes |\n|---|---|---|---|---|');
let total = 0;
let enabledRules = 0;
let enabledSets = 0;
let regex = 0;
for (const r of rules.value.rulesets) {
  const re = r.rules.filter((rule) => (rule.condition as { regexFilter?: string }).regexFilter !== undefined).length;
  total += r.rules.length;
  regex += re;
  if (r.enabledByDefault) {
    enabledRules += r.rules.length;
    enabledSets++;
  }
  console.log(`| ${r.id} | ${r.enabledByDefault ? 'yes' : 'no'} | ${r.rules.length} | ${re} | ${JSON.stringify(r.rules).length} |`);
}
console.log(`| all | ${enabledSets} on | ${total} | ${regex} | ${rules.value.rulesets.reduce((n, r) => n + JSON.stringify(r.rules).length, 0)} |`);
console.log(`side table (rule id → company, category): ${JSON.stringify(rules.value.sideTable).length} bytes`);

let ok = true;
for (const [browser, limit] of Object.entries(LIMITS)) {
  const fits = total <= limit.staticGuaranteed && rules.value.rulesets.length <= limit.enabledRulesets && regex <= limit.regex;
  ok &&= fits;
  console.log(`${browser}: ${total}/${limit.staticGuaranteed} static rules (${((100 * total) / limit.staticGuaranteed).toFixed(1)} %), ` +
    `${rules.value.rulesets.length}/${limit.enabledRulesets} rulesets even if all enabled, ${regex}/${limit.regex} regex: ${fits ? 'fits' : 'DOES NOT FIT'}`);
}
console.log(`(enabled by default: ${enabledRules} rules in ${enabledSets} rulesets; compiler limits ${STATIC_RULE_LIMIT} rules / ${ENABLED_RULESET_LIMIT} rulesets)`);

for (const zip of ['chrome-mv3', 'firefox-mv2']) {
  const path = `.output/diffuse-${process.env.npm_package_version ?? '0.1.0'}-${zip}.zip`;
  console.log(existsSync(path) ? `zip ${path}: ${(statSync(path).size / 1024).toFixed(0)} KiB` : `zip ${path}: not built (npm run build)`);
}
process.exitCode = ok ? 0 : 1;
