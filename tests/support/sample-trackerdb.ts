import { CATEGORY_DECISIONS } from '../../utils/rules/category-decisions';
import type { TrackerDb, TrackerDbPattern } from '../../utils/rules/trackerdb-types';

/**
 * A small hand-made database in trackerdb's shape, for unit tests: each entry exercises one compiler rule
 * (grouping, same-company exemption, narrowing, curated and public-suffix domains, sub-attribution).
 * Test data only; the real database is read by the *.real-db.test.ts files.
 */
export function sampleTrackerDb(extraPatterns: Record<string, TrackerDbPattern> = {}, extraOrgs: TrackerDb['organizations'] = {}): TrackerDb {
  const patterns: Record<string, TrackerDbPattern> = {
    google_analytics: pattern('Google Analytics', 'site_analytics', 'google', ['google-analytics.com'], ['||google-analytics.com/collect']),
    doubleclick: pattern('DoubleClick', 'advertising', 'google', ['doubleclick.net'], ['||doubleclick.net^$3p', '||google.com/pagead/lvz']),
    // Curated as attribution-only (domain-exceptions.ts): google.com must not be blocked whole.
    google: pattern('Google', 'advertising', 'google', ['google.com', 'google.de'], []),
    google_accounts: pattern('Google Accounts', 'utilities', 'google', ['accounts.google.com'], []),
    youtube: pattern('YouTube', 'audio_video_player', 'google', ['youtube.com', 'ytimg.com'], []),
    // Filters only name a subdomain: the database narrowed blocking to bat.bing.com.
    bing_ads: pattern('Bing Ads', 'advertising', 'microsoft', ['bing.com'], ['||bat.bing.com^$3p']),
    acme_ads: pattern('Acme Ads', 'advertising', 'acme', ['acme-ads.example', 'cdn.acme-ads.example'], []),
    acme_widgets: pattern('Acme Widgets', 'customer_interaction', 'acme', ['widgets.acme-ads.example'], []),
    // cloudfront.net is a public suffix: never blocked whole; the customer's own host is.
    shared_cdn: pattern('Shared CDN tracker', 'site_analytics', 'cdnco', ['cloudfront.net', 'd1abc.cloudfront.net'], []),
    lonely: pattern('Lonely Counter', 'site_analytics', null, ['lonely-counter.example'], ['/generic-path.js']),
    typed: pattern('Typed', 'advertising', 'typedco', [], ['||typed.example/ads.js$script,3p', '||typed.example/x$domain=foo.example']),
    ...extraPatterns,
  };
  const organizations: TrackerDb['organizations'] = {
    google: { name: 'Google', website_url: 'https://www.google.com' },
    microsoft: { name: 'Microsoft', website_url: 'https://www.microsoft.com/' },
    acme: { name: 'Acme', website_url: 'https://acme.example/' },
    cdnco: { name: 'CDN Co', website_url: null },
    typedco: { name: 'Typed Co', website_url: null },
    ...extraOrgs,
  };
  const domains: Record<string, string> = {};
  for (const [id, p] of Object.entries(patterns)) for (const d of p.domains) domains[d] = id;
  const categories = Object.fromEntries(CATEGORY_DECISIONS.map((c) => [c.id, { name: c.id }]));
  return { categories, organizations, patterns, domains };
}

export function pattern(name: string, category: string, organization: string | null, domains: string[], filters: string[]): TrackerDbPattern {
  return { name, category, organization, domains, filters };
}
