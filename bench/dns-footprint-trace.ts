import { pick, randomInt, randomLabel, seededRandom, zipfSampler } from './dns-random';

/**
 * A browsing trace for bench:footprint, reproducible from its seed, with each host's kind known from how it was
 * made (not from the code under test, so the bench checks the decisions instead of repeating them). Sites are
 * visited with Zipf popularity (repeat visits come from it); a public site has a page host, 0–6 first-party
 * subdomains, 5–40 third parties drawn with a long tail from real tracker/CDN/company host names (plus the site's
 * own CloudFront or Akamai name), and sometimes a leaked private name or an address. Some sites are intranet
 * pages under a public domain (main document from a private address); some are devices on the user's network.
 */

/**
 * What a host is, by construction. `special-use`: a name only the user's network knows, a special-use TLD
 * (printer.local, nas.home.arpa) or a TLD the public DNS does not have (router.lan, server.corp).
 */
export type HostKind = 'first-party' | 'third-party' | 'special-use' | 'ip-literal' | 'single-label';

export interface TraceHost {
  name: string;
  kind: HostKind;
}

export interface FootprintLoad {
  /** The top-level site (registrable domain, PSL private section on). */
  site: string;
  pageHost: string;
  /** The main document came from a private address (webRequest's `ip`). */
  pagePrivate: boolean;
  /** Every host the load contacts, the page host first, each once. */
  hosts: readonly TraceHost[];
}

export interface FootprintTrace {
  loads: FootprintLoad[];
  /** Hosts the extension already knows as trackers (listed, or a cloak learned on an earlier visit). */
  knownTrackers: ReadonlySet<string>;
}

export interface FootprintOptions {
  seed: number;
  loads: number;
  /** Sites the user could visit, ranked by popularity. */
  sites: number;
}

export const DEFAULT_FOOTPRINT: FootprintOptions = { seed: 42, loads: 1_500, sites: 300 };

/**
 * Third-party hosts, roughly by how many sites embed them (HTTP Archive's third-party-web ranking order, trimmed):
 * the head appears on most sites, the tail on few. Names as pages contact them.
 */
const THIRD_PARTIES = [
  'www.googletagmanager.com', 'www.google-analytics.com', 'fonts.googleapis.com', 'fonts.gstatic.com',
  'www.gstatic.com', 'ajax.googleapis.com', 'stats.g.doubleclick.net', 'googleads.g.doubleclick.net',
  'connect.facebook.net', 'www.facebook.com', 'www.google.com', 'cdnjs.cloudflare.com', 'cdn.jsdelivr.net',
  'pagead2.googlesyndication.com', 'securepubads.g.doubleclick.net', 'tpc.googlesyndication.com',
  'www.youtube.com', 'i.ytimg.com', 'static.cloudflareinsights.com', 'challenges.cloudflare.com',
  'cdn.cookielaw.org', 'geolocation.onetrust.com', 'bat.bing.com', 'static.hotjar.com', 'script.hotjar.com',
  'snap.licdn.com', 'px.ads.linkedin.com', 'platform.twitter.com', 'static.ads-twitter.com', 'analytics.tiktok.com',
  'unpkg.com', 'use.typekit.net', 'p.typekit.net', 'maps.googleapis.com', 'www.recaptcha.net', 'adservice.google.com',
  'c.amazon-adsystem.com', 'aax.amazon-adsystem.com', 'ib.adnxs.com', 'secure.adnxs.com', 'consent.cookiebot.com',
  'js.stripe.com', 'm.stripe.network', 'www.paypal.com', 'cdn.shopify.com', 'static.criteo.net',
  'sslwidget.criteo.com', 'fastlane.rubiconproject.com', 'pixel.rubiconproject.com', 'sb.scorecardresearch.com',
  'cdn.taboola.com', 'widgets.outbrain.com', 'assets.adobedtm.com', 'dpm.demdex.net', 'cm.everesttech.net',
  'js-agent.newrelic.com', 'bam.nr-data.net', 'browser.sentry-cdn.com', 'o450123.ingest.sentry.io',
  'widget.intercom.io', 'js.intercomcdn.com', 'static.zdassets.com', 'cdn.segment.com', 'api.segment.io',
  'cdn.optimizely.com', 'cdn.amplitude.com', 'api2.amplitude.com', 'cdn.mxpnl.com', 'api-js.mixpanel.com',
  'js.hs-scripts.com', 'js.hs-analytics.net', 'track.hubspot.com', 'a248.e.akamai.net', 'i0.wp.com', 's0.wp.com',
  'stats.wp.com', 'secure.gravatar.com', 'avatars.githubusercontent.com', 'images.unsplash.com',
  'player.vimeo.com', 'f.vimeocdn.com', 'cdn.embedly.com', 'x.clarity.ms', 'www.clarity.ms', 'cdn.heapanalytics.com',
  'rum.hlx.page', 'cdn.ampproject.org', 'tags.tiqcdn.com', 'script.crazyegg.com', 'cdn.userway.org',
  'static.klaviyo.com', 'a.klaviyo.com', 'cdn.branch.io', 'sdk.privacy-center.org', 'ct.pinterest.com',
  's.pinimg.com', 'sc-static.net', 'tr.snapchat.com', 'cdn.yottaa.net', 'c.bing.com', 'sentry.io',
];

/**
 * Known trackers among the above (the bench's stand-in for the tracker lists: which ones does not change the
 * outcome, since a third party is out of scope first).
 */
const LISTED_TRACKERS = [
  'www.google-analytics.com', 'stats.g.doubleclick.net', 'googleads.g.doubleclick.net', 'connect.facebook.net',
  'bat.bing.com', 'static.hotjar.com', 'analytics.tiktok.com', 'sb.scorecardresearch.com', 'dpm.demdex.net',
  'px.ads.linkedin.com', 'ct.pinterest.com', 'tr.snapchat.com', 'x.clarity.ms',
];

const FIRST_PARTY_SUBDOMAINS = ['cdn', 'static', 'img', 'api', 'metrics', 'assets', 'media', 'login', 'm', 'stats', 'smetrics', 'analytics', 'images', 'shop', 'support'];
/** First-party names that are often cloaked trackers (Adobe's smetrics., Eulerian's, …). */
const CLOAK_PRONE = new Set(['metrics', 'smetrics', 'analytics', 'stats']);
const TLDS = ['com', 'com', 'com', 'net', 'org', 'de', 'co.uk', 'fr', 'io', 'com.au', 'nl', 'jp', 'it', 'es'];
/** PSL private-section suffixes: each customer is a site of its own, the suffix's other customers third parties. */
const PRIVATE_SUFFIXES = ['github.io', 'blogspot.com', 'pages.dev', 'netlify.app', 'herokuapp.com'];

/** Private names pages leak (a dev server left in, an intranet link) and that intranet pages use. */
const LEAKED_PRIVATE: readonly TraceHost[] = [
  { name: 'localhost', kind: 'special-use' },
  { name: 'dev.test', kind: 'special-use' },
  { name: 'staging.local', kind: 'special-use' },
  { name: 'api.internal', kind: 'special-use' },
  { name: 'printer.local', kind: 'special-use' },
  { name: 'nas.home.arpa', kind: 'special-use' },
  { name: 'b.alt', kind: 'special-use' },
  { name: 'x.example', kind: 'special-use' },
  { name: 'server.corp', kind: 'special-use' },
  { name: 'intranet', kind: 'single-label' },
  { name: '10.0.0.5', kind: 'ip-literal' },
  { name: '151.101.1.69', kind: 'ip-literal' },
  { name: '[2a04:4e42::485]', kind: 'ip-literal' },
];
const INTRANET_PRIVATE: readonly TraceHost[] = [
  { name: 'printer.local', kind: 'special-use' },
  { name: 'wiki.corp.internal', kind: 'special-use' },
  { name: 'fileserver.corp', kind: 'special-use' },
  { name: 'intranet', kind: 'single-label' },
  { name: 'timesheet', kind: 'single-label' },
  { name: '10.20.0.12', kind: 'ip-literal' },
];
const INTRANET_SUBDOMAINS = ['jira', 'wiki', 'gitlab', 'sso', 'grafana', 'chat', 'hr'];
/** Pages of devices and services on the user's own network, each its own site. */
const LOCAL_PAGES: readonly TraceHost[] = [
  { name: 'router.lan', kind: 'special-use' },
  { name: 'nas.home.arpa', kind: 'special-use' },
  { name: 'printer.local', kind: 'special-use' },
  { name: 'grafana.internal', kind: 'special-use' },
  { name: 'box.home', kind: 'special-use' },
  { name: 'localhost', kind: 'special-use' },
  { name: '192.168.1.1', kind: 'ip-literal' },
  { name: 'intranet', kind: 'single-label' },
];

interface SiteModel {
  site: string;
  pageHost: TraceHost;
  pagePrivate: boolean;
  firstParty: TraceHost[];
  thirdParty: TraceHost[];
  leaked: TraceHost[];
}

export function footprintTrace(options: FootprintOptions = DEFAULT_FOOTPRINT): FootprintTrace {
  const random = seededRandom(options.seed);
  const chance = (p: number) => random() < p;
  const nextSite = zipfSampler(random, options.sites, 1.0);
  const nextThirdParty = zipfSampler(random, THIRD_PARTIES.length, 0.9);
  const knownTrackers = new Set(LISTED_TRACKERS);

  const thirdParties = (count: number): TraceHost[] => {
    const names = new Set<string>();
    // A CDN name of the site's own, under the CDN's domain: third party by name (the cloaking case's mirror).
    if (chance(0.3)) names.add(`d${randomLabel(random, 13)}.cloudfront.net`);
    if (chance(0.1)) names.add(`${randomLabel(random, 6)}.akamaihd.net`);
    while (names.size < count) names.add(THIRD_PARTIES[nextThirdParty()] ?? 'www.google.com');
    return [...names].map((name) => ({ name, kind: 'third-party' }));
  };

  const makeSite = (rank: number): SiteModel => {
    const roll = random();
    if (roll < 0.03) {
      // A device on the user's network: its page host is private; fonts or a script come from public CDNs.
      const pageHost = pick(random, LOCAL_PAGES);
      return { site: pageHost.name.replace(/^\[|\]$/g, ''), pageHost, pagePrivate: true, firstParty: [], thirdParty: thirdParties(randomInt(random, 0, 3)), leaked: [] };
    }
    if (roll < 0.07) {
      // An intranet site under the employer's public domain, its main document from a private address.
      const site = `${randomLabel(random, 5)}-corp.com`;
      const subs = INTRANET_SUBDOMAINS.filter(() => chance(0.5)).map((s) => ({ name: `${s}.${site}`, kind: 'first-party' as const }));
      const leaked = INTRANET_PRIVATE.filter(() => chance(0.4));
      return { site, pageHost: { name: `wiki.${site}`, kind: 'first-party' }, pagePrivate: true, firstParty: subs, thirdParty: thirdParties(randomInt(random, 2, 8)), leaked };
    }
    const onPrivateSuffix = roll < 0.12;
    const site = onPrivateSuffix ? `${randomLabel(random, 7)}.${pick(random, PRIVATE_SUFFIXES)}` : `site${rank}-${randomLabel(random, 4)}.${pick(random, TLDS)}`;
    const pageHost = onPrivateSuffix || chance(0.3) ? site : `www.${site}`;
    const subs = new Set<string>();
    for (let i = randomInt(random, 0, 6); i > 0; i--) subs.add(pick(random, FIRST_PARTY_SUBDOMAINS));
    const firstParty: TraceHost[] = [];
    for (const sub of subs) {
      const name = `${sub}.${site}`;
      if (name === pageHost) continue;
      firstParty.push({ name, kind: 'first-party' });
      // About half the cloak-prone names are already known (a listed cloak, or one learnt on an earlier visit).
      if (CLOAK_PRONE.has(sub) && chance(0.5)) knownTrackers.add(name);
    }
    // A private-section site's neighbours under the same suffix are third parties (another customer's assets).
    const third = thirdParties(randomInt(random, 5, 40));
    if (onPrivateSuffix && chance(0.5)) third.push({ name: `${randomLabel(random, 6)}.${site.slice(site.indexOf('.') + 1)}`, kind: 'third-party' });
    const leaked = chance(0.08) ? LEAKED_PRIVATE.filter(() => chance(0.15)) : [];
    return { site, pageHost: { name: pageHost, kind: 'first-party' }, pagePrivate: false, firstParty, thirdParty: third, leaked };
  };

  const sites = new Map<number, SiteModel>();
  const loads: FootprintLoad[] = [];
  for (let i = 0; i < options.loads; i++) {
    const rank = nextSite();
    let model = sites.get(rank);
    if (!model) sites.set(rank, (model = makeSite(rank)));
    // Not every load of a page contacts every host it can (lazy images, consent not given yet, …).
    const hosts = new Map<string, TraceHost>([[model.pageHost.name, model.pageHost]]);
    for (const host of [...model.firstParty, ...model.thirdParty, ...model.leaked]) if (chance(0.85) && !hosts.has(host.name)) hosts.set(host.name, host);
    loads.push({ site: model.site, pageHost: model.pageHost.name, pagePrivate: model.pagePrivate, hosts: [...hosts.values()] });
  }
  return { loads, knownTrackers };
}
