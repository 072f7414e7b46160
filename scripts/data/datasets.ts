/**
 * Loads the npm data packages Diffuse compiles at build time. The one place that knows where they live, for
 * the build (wxt.config.ts), the CLIs and tests.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileAttribution, describeConflicts, type CompiledAttribution } from '../../utils/attribution/compile-table';
import type { AttributionTable, ThirdPartyWebEntity, TrackerDbData } from '../../utils/attribution/table-types';
import type { CompactEntityMap } from '../../utils/attribution/site-owners';
import { compileParamList, type CompiledParamList } from '../../utils/rules/param-list-compiler';
import { compileRules, type CompiledRules } from '../../utils/rules/tracker-compiler';
import type { TrackerDb } from '../../utils/rules/trackerdb-types';
import { compileAsnTable } from '../../utils/infra/compile-asn-table';
import { compileInfraSuffixes } from '../../utils/infra/compile-suffixes';

const modules = fileURLToPath(new URL('../../node_modules/', import.meta.url));

export function loadTrackerDb(): TrackerDbData {
  return JSON.parse(readFileSync(`${modules}@ghostery/trackerdb/dist/trackerdb.json`, 'utf8')) as TrackerDbData;
}

export function loadThirdPartyWeb(): ThirdPartyWebEntity[] {
  return JSON.parse(readFileSync(`${modules}third-party-web/dist/entities.json`, 'utf8')) as ThirdPartyWebEntity[];
}

/** DuckDuckGo's entity map, vendored in compact form (vendor/duckduckgo/, CC BY-NC-SA 4.0). */
export function loadSiteOwners(): CompactEntityMap {
  return JSON.parse(readFileSync(fileURLToPath(new URL('../../vendor/duckduckgo/entities.json', import.meta.url)), 'utf8')) as CompactEntityMap;
}

let compiled: CompiledAttribution | undefined;
/** host → company table from TrackerDB and third-party-web, most specific entry per host; compiled once per process. */
export function attributionTable(): AttributionTable {
  compiled ??= compileAttribution(loadTrackerDb(), loadThirdPartyWeb(), loadSiteOwners().entities);
  return compiled.table;
}

/** The compile's conflicts between sources, one line per kind (the build prints them). */
export function attributionConflicts(): string[] {
  attributionTable();
  return describeConflicts(compiled!.conflicts);
}

/** The AdGuard URL Tracking filter (filter 17) as @adguard/dnr-rulesets ships it: its text rides in the ruleset's first rule. */
const TRACKING_FILTER = 'dist/filters/declarative/ruleset_17/ruleset_17.json';

export function loadTrackingParamFilter(): string {
  const path = `${modules}@adguard/dnr-rulesets/${TRACKING_FILTER}`;
  const ruleset = JSON.parse(readFileSync(path, 'utf8')) as { metadata?: { rawFilterList?: unknown } }[];
  const text = ruleset[0]?.metadata?.rawFilterList;
  if (typeof text !== 'string') throw new Error(`${path}: no metadata.rawFilterList in its first rule; has @adguard/dnr-rulesets changed its format?`);
  return text;
}

let paramList: CompiledParamList | undefined;
/** Tracking-parameter names and their functional exceptions from the AdGuard URL Tracking filter; once per process. */
export function trackingParamList(): CompiledParamList {
  paramList ??= compileParamList(loadTrackingParamFilter());
  return paramList;
}

let rules: CompiledRules | undefined;
/** TrackerDB → declarativeNetRequest static rulesets, their side table and the manifest's rule_resources. */
export function compiledRules(): CompiledRules {
  rules ??= compileRules(loadTrackerDb() as unknown as TrackerDb, trackingParamList());
  return rules;
}

/** Where the extension finds the generated data at run time (public files of the build, never committed). */
export const ATTRIBUTION_ASSET = 'data/attribution.json';
export const RULE_TABLE_ASSET = 'data/rule-table.json';
export const INFRA_ASN_ASSET = 'data/infra-asn.json';
export const INFRA_SUFFIXES_ASSET = 'data/infra-suffixes.json';

/** IP range → infrastructure operator (ip-location-db, CC BY 4.0), for the operators utils/infra/operators.ts names. */
export function infraTables() {
  const asn = `${modules}@ip-location-db/asn/`;
  return {
    asn: compileAsnTable({ ipv4: readFileSync(`${asn}asn-ipv4-num.csv`, 'utf8'), ipv6: readFileSync(`${asn}asn-ipv6.csv`, 'utf8') }),
    suffixes: compileInfraSuffixes(loadTrackerDb()),
  };
}

/** Every generated file of the build: the attribution table, the rulesets (rules/<id>.json) and their side table. */
export function generatedAssets(): { relativeDest: string; contents: string }[] {
  const { rulesets, sideTable, manifestRuleResources } = compiledRules();
  const infra = infraTables();
  return [
    { relativeDest: INFRA_ASN_ASSET, contents: JSON.stringify(infra.asn) },
    { relativeDest: INFRA_SUFFIXES_ASSET, contents: JSON.stringify(infra.suffixes) },
    { relativeDest: ATTRIBUTION_ASSET, contents: JSON.stringify(attributionTable()) },
    { relativeDest: RULE_TABLE_ASSET, contents: JSON.stringify(sideTable) },
    ...rulesets.map((r, i) => ({ relativeDest: manifestRuleResources[i]!.path, contents: JSON.stringify(r.rules) })),
  ];
}
