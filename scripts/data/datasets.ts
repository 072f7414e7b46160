/**
 * Loads the npm data packages Diffuse compiles at build time. The one place that knows where they live, for
 * the build (wxt.config.ts), the CLIs and tests.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileAttribution, describeConflicts, type CompiledAttribution } from '../../utils/attribution/compile-table';
import type { AttributionTable, ThirdPartyWebEntity, TrackerDbData } from '../../utils/attribution/table-types';
import type { CompactEntityMap } from '../../utils/attribution/site-owners';
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

let rules: CompiledRules | undefined;
/** TrackerDB → declarativeNetRequest static rulesets, their side table and the manifest's rule_resources. */
export function compiledRules(): CompiledRules {
  rules ??= compileRules(loadTrackerDb() as unknown as TrackerDb);
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
