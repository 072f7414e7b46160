/**
 * Build-time compiler: trackerdb + third-party-web → the compact AttributionTable.
 *
 * trackerdb answers first: it names parent companies (YouTube → Google, Instagram → Meta).
 * third-party-web then fills hosts trackerdb has no entry for (CDNs, hosting, utilities), with its
 * entity resolved to a parent company (parent-companies.ts). Inside a namespace trackerdb already
 * covers, a third-party-web entry is kept only when it names the same company — it then refines the
 * product and category (fonts.gstatic.com → "Google Fonts") without ever changing the owner.
 */
import { getPublicSuffix } from 'tldts';
import { categoryFromThirdPartyWeb } from './category-labels';
import { domainKey } from './host-names';
import { createOwnerIndex } from './parent-companies';
import {
  ATTRIBUTION_SOURCES,
  type AttributionSource,
  type AttributionTable,
  type TableRow,
  type ThirdPartyWebEntity,
  type TrackerDbData,
} from './table-types';

/** Interns strings into an array so rows can hold small indexes instead of repeated names. */
class StringPool {
  readonly values: string[] = [];
  private readonly index = new Map<string, number>();
  id(value: string): number {
    let i = this.index.get(value);
    if (i === undefined) {
      i = this.values.length;
      this.values.push(value);
      this.index.set(value, i);
    }
    return i;
  }
}

export function compileAttributionTable(
  trackerdb: TrackerDbData,
  entities: readonly ThirdPartyWebEntity[],
): AttributionTable {
  const owners = createOwnerIndex(trackerdb);
  const organizations = new StringPool();
  const products = new StringPool();
  const categories = new StringPool();
  const rows = new Map<string, TableRow>();

  const add = (key: string, owner: string, product: string, category: string, source: AttributionSource): void => {
    // A bare public suffix ("com", "co.uk") would swallow unrelated sites; the lookup never asks for one.
    if (getPublicSuffix(key) === key) return;
    rows.set(key, [
      organizations.id(owner),
      // Most services are named after their company ("Hotjar" by Hotjar): -1 saves repeating the name.
      product === owner ? -1 : products.id(product),
      categories.id(category),
      ATTRIBUTION_SOURCES.indexOf(source),
    ]);
  };

  for (const [domain, patternId] of Object.entries(trackerdb.domains)) {
    const key = domainKey(domain);
    const pattern = trackerdb.patterns[patternId];
    const owner = key === null ? undefined : owners.exactOwner(key);
    if (key === null || pattern === undefined || owner === undefined) continue;
    add(key, owner, pattern.name, pattern.category, 'trackerdb');
  }

  for (const entity of entities) {
    const owner = owners.entityOwner(entity);
    const category = categoryFromThirdPartyWeb(entity.category);
    for (const entry of entity.domains) {
      const key = domainKey(entry);
      if (key === null || rows.has(key)) continue;
      const covering = owners.covering(key);
      if (covering !== undefined && covering.owner !== owner) continue;
      add(key, owner, entity.name, category, 'third-party-web');
    }
  }

  // Sorted keys: the generated JSON diffs cleanly between dataset updates.
  const sorted = [...rows].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    version: 1,
    organizations: organizations.values,
    products: products.values,
    categories: categories.values,
    domains: Object.fromEntries(sorted),
  };
}
