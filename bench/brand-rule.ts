/**
 * npm run bench:brand — how many tracker domains the brand rule (utils/attribution/first-party.ts) would make
 * first party on common sites. Rerun after a dataset update; docs/attribution.md quotes the figures.
 *
 * Sites: the registrable domains DuckDuckGo's entity map (vendor/duckduckgo/) lists that the tracker table does not
 * know: publishers, shops, telecoms and other organizations' own sites Tracker Radar crawled (news sites, retailers…).
 * Tracker domains: every registrable domain of the tracker table (TrackerDB + third-party-web) and of the entity map.
 * A false positive is a (site, tracker domain) pair the rule calls first party although neither the tracker table
 * nor the entity map puts both under one organization. Two rules are measured side by side:
 * - raw: the name test alone (whole '-'-separated token, any length);
 * - shipped: firstPartyReason as the extension runs it (known owners decide first, names under 4 letters ignored,
 *   the rule only for hosts whose owner the tracker table does not know).
 */
import { getDomainWithoutSuffix } from 'tldts';
import { attributionTable, loadSiteOwners } from '../scripts/data/datasets';
import { createAttributor } from '../utils/attribution/company-lookup';
import { carriesBrand, firstPartyReason } from '../utils/attribution/first-party';
import { registrableDomain } from '../utils/site/registrable-domain';

const table = attributionTable();
const attribute = createAttributor(table);
const entities = loadSiteOwners().entities;

const trackerDomains = new Set<string>();
for (const d of Object.keys(table.domains)) trackerDomains.add(registrableDomain(d));
for (const [, domains] of entities) for (const d of domains) trackerDomains.add(registrableDomain(d));
const sites = [...new Set(entities.flatMap(([, domains]) => domains).map(registrableDomain))].filter((d) => attribute(d) === null);

// Every run of whole tokens of a tracker domain's name → the domains carrying it, so each site is one lookup.
const byToken = new Map<string, string[]>();
for (const domain of trackerDomains) {
  const tokens = (getDomainWithoutSuffix(domain) ?? '').split('-');
  for (let i = 0; i < tokens.length; i++) {
    for (let j = i + 1; j <= tokens.length; j++) {
      const run = tokens.slice(i, j).join('-');
      byToken.set(run, [...(byToken.get(run) ?? []), domain]);
    }
  }
}

const sameOrganization = (site: string, domain: string): boolean => {
  const a = attribute(site), b = attribute(domain);
  if (a !== null && b !== null) return a.organization === b.organization;
  const o = attribute.siteOwner?.(site);
  return o !== undefined && o === attribute.siteOwner?.(domain);
};

let rawPairs = 0, rawTrue = 0, shippedPairs = 0;
const rawSites = new Set<string>(), rawDomains = new Set<string>(), shippedDomains = new Set<string>();
const examples: string[] = [];
for (const site of sites) {
  const brand = getDomainWithoutSuffix(site);
  if (!brand) continue;
  for (const domain of byToken.get(brand) ?? []) {
    if (domain === site || !carriesBrand(domain, brand)) continue;
    if (sameOrganization(site, domain)) { rawTrue += 1; continue; }
    rawPairs += 1;
    rawSites.add(site);
    rawDomains.add(domain);
    if (firstPartyReason(site, domain, attribute) === 'brand') {
      shippedPairs += 1;
      shippedDomains.add(domain);
      if (examples.length < 40) examples.push(`${site} → ${domain}`);
    }
  }
}

console.log(`sites: ${sites.length} (entity-map domains the tracker table does not know); tracker domains: ${trackerDomains.size}`);
console.log(`brand matches of one organization (true positives by the datasets): ${rawTrue}`);
console.log(`raw name rule, false positives: ${rawPairs} pairs, ${rawDomains.size} tracker domains, on ${rawSites.size} sites (${(100 * rawSites.size / sites.length).toFixed(2)} % of sites)`);
console.log(`shipped rule, false positives: ${shippedPairs} pairs, ${shippedDomains.size} tracker domains (${(100 * shippedDomains.size / trackerDomains.size).toFixed(3)} % of tracker domains)`);
if (examples.length) console.log(`e.g. ${examples.join('; ')}`);
