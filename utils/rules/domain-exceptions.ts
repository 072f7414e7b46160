/**
 * Host names trackerdb files under a blocked category that Diffuse attributes but does not block whole.
 *
 * trackerdb's `domains` say who a host belongs to, not that every request to it is tracking. For most
 * entries the two coincide (google-analytics.com, doubleclick.net); for a company's main service domain they
 * do not: blocking every third-party request to google.com would break reCAPTCHA (www.google.com/recaptcha),
 * "Sign in with Google" and Maps embeds on countless sites. For these hosts the compiler keeps only the
 * database's own URL filters (e.g. `||facebook.com/tr`, the Meta Pixel endpoint) and the trackers' dedicated
 * subdomains, and `strict` on a site still blocks nothing more than that (a per-company block does).
 *
 * Keep the list short and explained: every entry is a blocking decision the database did not make.
 * tracker-compiler.real-db.test.ts fails when an entry no longer exists in the database, so stale entries
 * get noticed.
 */

/** Whole patterns whose domains are all multi-purpose service domains. */
export const ATTRIBUTION_ONLY_PATTERNS: Readonly<Record<string, string>> = {
  google:
    "Google's search domains in every country (google.com, google.de, ...), g.co and search.app: " +
    'reCAPTCHA, Sign in with Google and Maps embeds load from them; Google\'s ad and analytics hosts are separate entries and stay blocked.',
};

/** Single multi-purpose domains. */
export const ATTRIBUTION_ONLY_DOMAINS: Readonly<Record<string, string>> = {
  'facebook.com':
    'Embedded posts, comments, videos and Facebook Login; the Pixel host facebook.net stays blocked, and so do the database\'s facebook.com tracking paths (/tr, /offsite_event.php, ...).',
  'hubspot.com':
    "HubSpot customers' forms, meeting schedulers and CTAs; HubSpot's trackers (hs-analytics.net, js.hs-scripts.com, track.hubspot.com, /analytics/) stay blocked.",
  'gigya.com':
    'SAP Customer Data Cloud sign-in and registration used by many media sites; its counters (gscounters.*.gigya.com) stay blocked.',
  'googletagmanager.com':
    "Google Tag Manager containers (gtm.js) also deliver consent banners and site features, and pages that wait for GTM callbacks hang without it; the database's gtag.js and gtag/destination filters (the Google Analytics 4 and Ads loaders) stay blocked.",
  'yastatic.net':
    "Yandex's public static CDN (jQuery and other libraries used by many sites); the Sovetnik shopping script path on it stays blocked.",
  'yandex.ru':
    'Yandex Maps API, search and widgets; Yandex Metrica (mc.yandex.ru) and the ad hosts are separate entries and stay blocked.',
  'yahoo.co.jp': 'Yahoo! JAPAN sign-in, maps and widgets; its retargeting script path stays blocked.',
  'auth0.com': "Auth0 is a sign-in provider: customers' pages call their tenant on *.auth0.com to log people in.",
  'bigcommerce.com': "BigCommerce stores load their storefront files from the platform's CDN under bigcommerce.com.",
  'weebly.com': 'Site-builder platform whose sites load files from weebly.com; its ad path stays blocked.',
  'typepad.com': 'Blog platform whose blogs load files from typepad.com; its stats path stays blocked.',
  'strava.com': 'Activity and route embeds on blogs and club sites.',
};
