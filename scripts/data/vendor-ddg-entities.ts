/**
 * Vendors DuckDuckGo's entity map (Tracker Radar's organizations and the domains each owns) in the compact
 * form the attribution compiler reads: vendor/duckduckgo/entities.json. Run it again when the map is updated:
 *     npx tsx scripts/data/vendor-ddg-entities.ts <path to ddg-entities.json>
 * The input is the `entities` section of duckduckgo/tracker-blocklists' extension-tds.json with its
 * `source` and `license` lines (CC BY-NC-SA 4.0, Copyright Duck Duck Go, Inc.); both are kept in the output.
 * Only what the first-party rule needs is kept: display name and domains (prevalence is dropped).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compactEntityMap, type DdgEntityMap } from '../../utils/attribution/site-owners';

const input = process.argv[2];
if (input === undefined) {
  console.error('usage: tsx scripts/data/vendor-ddg-entities.ts <ddg-entities.json>');
  process.exit(2);
}
const out = fileURLToPath(new URL('../../vendor/duckduckgo/entities.json', import.meta.url));
const compact = compactEntityMap(JSON.parse(readFileSync(input, 'utf8')) as DdgEntityMap);
// One organization a line: the vendored file diffs cleanly between updates.
const lines = compact.entities.map((e) => JSON.stringify(e));
writeFileSync(out, `{"source":${JSON.stringify(compact.source)},\n"license":${JSON.stringify(compact.license)},\n"entities":[\n${lines.join(',\n')}\n]}\n`);
console.info(`${out}: ${compact.entities.length} organizations, ${compact.entities.reduce((n, [, d]) => n + d.length, 0)} domains`);
