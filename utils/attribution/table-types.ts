/**
 * The compact host → company table and the shapes of the data it is compiled from.
 * The table is plain JSON so the build can write it once and the extension can load it without the
 * source datasets (trackerdb alone is several megabytes; see compile-table.ts).
 */

/** Where an attribution came from; the index in this array is what the table stores ('diffuse': owner-changes.ts). */
export const ATTRIBUTION_SOURCES = ['trackerdb', 'third-party-web', 'diffuse'] as const;
export type AttributionSource = (typeof ATTRIBUTION_SOURCES)[number];

/**
 * One domain's row: indexes into `organizations`, `products`, `categories`, `ATTRIBUTION_SOURCES`.
 * A product index of -1 means the product carries the organization's name.
 */
export type TableRow = [organization: number, product: number, category: number, source: number];

export interface AttributionTable {
  /** Bumped when the row layout changes, so a stale table fails loudly instead of misreading. */
  version: 2;
  /** Canonical parent-company names ("Google", "Meta"), each once. */
  organizations: string[];
  /** Product or service names ("YouTube", "Google Analytics"). */
  products: string[];
  /** Category ids in trackerdb's vocabulary (see categories.ts). */
  categories: string[];
  /** Domain suffix (no leading dot) → row. A host matches its longest listed suffix. */
  domains: Record<string, TableRow>;
  /**
   * Organizations and every domain each owns, sites included (DuckDuckGo's entity map, site-owners.ts):
   * [name, domains]. Only compared for "same organization"; the names are never shown.
   */
  siteOwners: [name: string, domains: string[]][];
}

/** What the lookup answers for a host with a known owner. */
export interface Attribution {
  organization: string;
  product: string;
  category: string;
  source: AttributionSource;
  /** The table suffix that matched, e.g. "ytimg.com" for "i.ytimg.com". */
  domain: string;
}

/**
 * host → attribution, or null when no owner is known. The table's attributor also answers `siteOwner`:
 * which organization owns a host's domain by the site-owner lists (an index, comparable only for equality),
 * used by the first-party rule (first-party.ts); attributors made up in tests may leave it out.
 */
export type Attributor = ((host: string) => Attribution | null) & { readonly siteOwner?: (host: string) => number | undefined };

/** The parts of @ghostery/trackerdb's dist/trackerdb.json that the compiler reads. */
export interface TrackerDbData {
  categories: Record<string, { name: string }>;
  organizations: Record<string, { name: string }>;
  patterns: Record<string, {
    name: string;
    category: string;
    organization: string | null;
    domains: string[];
  }>;
  /** domain → pattern id */
  domains: Record<string, string>;
}

/** One entry of third-party-web's dist/entities.json. */
export interface ThirdPartyWebEntity {
  name: string;
  /** Present on a minority of entities; often the parent company ("Google"). */
  company?: string;
  category: string;
  /** "*.example.com" = the domain and all its subdomains; a plain name = that host. */
  domains: string[];
}
