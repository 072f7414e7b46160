/**
 * The part of @ghostery/trackerdb's `dist/trackerdb.json` the compiler reads. The compiler takes this object
 * as a parameter (it never imports the package), so the data stays behind one seam and another source can be
 * mapped onto the same shape. trackerdb is CC-BY-NC-SA-4.0: credit it wherever its data is shown.
 */

export interface TrackerDbCategory {
  name: string;
  description?: string;
}

export interface TrackerDbOrganization {
  name: string;
  website_url?: string | null;
}

export interface TrackerDbPattern {
  name: string;
  category: string;
  organization: string | null;
  /** Host names attributed to this pattern; a host matches them and their subdomains. */
  domains: string[];
  /** Adblock-syntax filters for this pattern (`||host^$3p`, `||host/path`, generic paths, regexes...). */
  filters: string[];
}

export interface TrackerDb {
  categories: Record<string, TrackerDbCategory>;
  organizations: Record<string, TrackerDbOrganization>;
  patterns: Record<string, TrackerDbPattern>;
  /** Host name -> pattern id; the inverse of `patterns[*].domains`. */
  domains: Record<string, string>;
}
