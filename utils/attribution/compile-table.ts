/**
 * Build-time compiler: trackerdb + third-party-web → the compact AttributionTable.
 *
 * Most specific wins: every listed domain of every source becomes a row, and the lookup takes a host's
 * longest listed suffix, so a vendor's own host on a shared namespace (an ad server's d1….cloudfront.net,
 * a consent manager's <vendor>.mgr.consensu.org, a social network's photo host on akamaihd.net) is
 * credited to the vendor, not to whoever runs the namespace. Conflicts are resolved per host:
 * - both sources list the very same domain under different owners: trackerdb's row stands (it names
 *   parent companies; third-party-web mostly names products);
 * - one source lists a domain inside another source's domain of another owner: the more specific row
 *   stands, and the parent row still answers for every other host under it.
 * Every conflict is returned (`conflicts`) so the build can print them by source.
 *
 * Owners are then kept current (owner-changes.ts: acquisitions and renames with their sources) and one
 * organization is never under two names (`sameOrganizationKey`: "MediaMath, Inc." and "MediaMath" are one).
 */
import { getPublicSuffix } from 'tldts';
import { categoryFromThirdPartyWeb } from './category-labels';
import { domainKey } from './host-names';
import { currentOwner, EXTRA_DOMAINS } from './owner-changes';
import { createOwnerIndex } from './parent-companies';
import type { CompactEntityMap } from './site-owners';
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

/** Legal-form words that do not make another company ("Sovrn Holdings Inc" is Sovrn). */
const LEGAL_FORMS = new Set(['inc', 'llc', 'ltd', 'limited', 'corp', 'corporation', 'co', 'company', 'gmbh', 'ag', 'sa', 'sas', 'srl', 'bv', 'plc', 'holdings', 'group', 'groupe', 'the']);

/** Two spellings of one organization have the same key: case, punctuation and legal forms aside. */
export function sameOrganizationKey(name: string): string {
  const words = name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, ' ').trim().split(' ');
  const kept = words.filter((w) => !LEGAL_FORMS.has(w));
  return (kept.length > 0 ? kept : words).join('');
}

/** Words third-party-web appends to a maker's name for one of its products ("OneTrust CMP", "Akamai CDN"). */
const PRODUCT_WORDS = /\s+(?:CMP|CDN|Analytics|Ads|Choice)$/;

/** "OneTrust CMP" is OneTrust when OneTrust is a known organization; otherwise the name stands. */
function withoutProductWord(name: string, known: ReadonlyMap<string, string>): string {
  const maker = name.replace(PRODUCT_WORDS, '');
  return maker !== name ? known.get(sameOrganizationKey(currentOwner(maker))) ?? name : name;
}

export type ConflictKind =
  /** Both sources list exactly this domain, under different owners; `kept` is trackerdb's row. */
  | 'same-domain'
  /** `kept` lists a domain inside `over`'s domain, under another owner; the more specific row stands. */
  | 'more-specific';

export interface ConflictSide { source: AttributionSource; domain: string; owner: string }
export interface Conflict { kind: ConflictKind; kept: ConflictSide; over: ConflictSide }

export interface CompiledAttribution {
  table: AttributionTable;
  conflicts: Conflict[];
}

interface Entry { owner: string; product: string; category: string; source: AttributionSource }

export function compileAttribution(
  trackerdb: TrackerDbData,
  entities: readonly ThirdPartyWebEntity[],
  siteOwners: CompactEntityMap['entities'] = [],
): CompiledAttribution {
  const index = createOwnerIndex(trackerdb);
  // One spelling per organization: the first seen (trackerdb's, as it is read first).
  const spelling = new Map<string, string>();
  const owner = (raw: string): string => {
    const current = currentOwner(withoutProductWord(raw, spelling));
    const key = sameOrganizationKey(current);
    const known = spelling.get(key);
    if (known !== undefined) return known;
    spelling.set(key, current);
    return current;
  };

  const bySource: Record<AttributionSource, Map<string, Entry>> = {
    trackerdb: new Map(), 'third-party-web': new Map(), diffuse: new Map(),
  };
  for (const [domain, patternId] of Object.entries(trackerdb.domains)) {
    const key = domainKey(domain);
    const pattern = trackerdb.patterns[patternId];
    const raw = key === null ? undefined : index.exactOwner(key);
    if (key === null || pattern === undefined || raw === undefined) continue;
    bySource.trackerdb.set(key, { owner: owner(raw), product: pattern.name, category: pattern.category, source: 'trackerdb' });
  }
  for (const entity of entities) {
    const entry = { owner: owner(index.entityOwner(entity)), product: entity.name, category: categoryFromThirdPartyWeb(entity.category), source: 'third-party-web' as const };
    for (const listed of entity.domains) {
      const key = domainKey(listed);
      // The first entity listing a domain keeps it (third-party-web lists a few domains twice).
      if (key !== null && !bySource['third-party-web'].has(key)) bySource['third-party-web'].set(key, entry);
    }
  }
  for (const extra of EXTRA_DOMAINS) {
    bySource.diffuse.set(extra.domain, { owner: owner(extra.owner), product: extra.product, category: extra.category, source: 'diffuse' });
  }

  // Same domain in several sources: trackerdb, then Diffuse's own rows, then third-party-web.
  const rows = new Map<string, Entry>();
  const conflicts: Conflict[] = [];
  for (const source of ['trackerdb', 'diffuse', 'third-party-web'] as const) {
    for (const [key, entry] of bySource[source]) {
      const held = rows.get(key);
      if (held === undefined) rows.set(key, entry);
      else if (held.owner !== entry.owner) {
        conflicts.push({ kind: 'same-domain', kept: side(key, held), over: side(key, entry) });
      }
    }
  }
  // Nested domains of different owners: both rows stay, the lookup's longest match decides per host.
  for (const [key, entry] of rows) {
    for (let dot = key.indexOf('.'); dot !== -1; dot = key.indexOf('.', dot + 1)) {
      const parent = rows.get(key.slice(dot + 1));
      if (parent === undefined) continue;
      if (parent.owner !== entry.owner) conflicts.push({ kind: 'more-specific', kept: side(key, entry), over: side(key.slice(dot + 1), parent) });
      break;
    }
  }

  const organizations = new StringPool();
  const products = new StringPool();
  const categories = new StringPool();
  // Sorted keys: the generated JSON diffs cleanly between dataset updates.
  const sorted = [...rows].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const domains: Record<string, TableRow> = {};
  for (const [key, e] of sorted) {
    // A bare public suffix ("com", "co.uk") would swallow unrelated sites; the lookup never asks for one.
    if (getPublicSuffix(key) === key) continue;
    domains[key] = [
      organizations.id(e.owner),
      // Most services are named after their company ("Hotjar" by Hotjar): -1 saves repeating the name.
      e.product === e.owner ? -1 : products.id(e.product),
      categories.id(e.category),
      ATTRIBUTION_SOURCES.indexOf(e.source),
    ];
  }
  return {
    table: {
      version: 2, organizations: organizations.values, products: products.values, categories: categories.values, domains,
      siteOwners: siteOwners.map(([name, list]) => [name, [...list]]),
    },
    conflicts,
  };
}

const side = (domain: string, e: Entry): ConflictSide => ({ source: e.source, domain, owner: e.owner });

/** The table alone (tests, CLIs). */
export function compileAttributionTable(
  trackerdb: TrackerDbData,
  entities: readonly ThirdPartyWebEntity[],
  siteOwners: CompactEntityMap['entities'] = [],
): AttributionTable {
  return compileAttribution(trackerdb, entities, siteOwners).table;
}

/** The build's printout: conflicts counted by kind and by which source's row stood, with a few examples each. */
export function describeConflicts(conflicts: readonly Conflict[], examples = 3): string[] {
  const groups = new Map<string, Conflict[]>();
  for (const c of conflicts) {
    const label = c.kind === 'same-domain'
      ? `same domain, ${c.kept.source} kept over ${c.over.source}`
      : `${c.kept.source} domain inside a ${c.over.source} domain of another owner (more specific kept)`;
    groups.set(label, [...(groups.get(label) ?? []), c]);
  }
  return [...groups].sort(([a], [b]) => (a < b ? -1 : 1)).map(([label, list]) =>
    `${list.length} × ${label}; e.g. ` +
    list.slice(0, examples).map((c) => `${c.kept.domain} → ${c.kept.owner} (not ${c.over.owner}${c.over.domain === c.kept.domain ? '' : ` of ${c.over.domain}`})`).join('; '));
}
