/**
 * Public DoH resolvers. The defaults are three operators in three jurisdictions (Switzerland, Sweden, the EU)
 * that state they keep no logs identifying users, so spreading sites over them puts no single operator or
 * legal system in reach of the whole history. Entries come from the DNSCrypt project's public resolver list
 * and the operators' own pages; each must be re-checked before a release.
 */
export interface ResolverInfo {
  /** RFC 8484 URI template. */
  url: string;
  operator: string;
  /** ISO 3166 code of the operator's legal seat ('EU' for the EU's own service). */
  country: string;
  /** The stated policy, in one line, as the settings page shows it. */
  policy: string;
}

export const DEFAULT_RESOLVERS: readonly ResolverInfo[] = [
  {
    url: 'https://dns.quad9.net/dns-query{?dns}',
    operator: 'Quad9 Foundation',
    country: 'CH',
    policy: 'No client IP addresses logged; blocks known malware domains; validates DNSSEC.',
  },
  {
    url: 'https://dns.mullvad.net/dns-query{?dns}',
    operator: 'Mullvad VPN AB',
    country: 'SE',
    policy: 'No logging; no filtering on this endpoint.',
  },
  {
    url: 'https://unfiltered.joindns4.eu/dns-query{?dns}',
    operator: 'DNS4EU (Whalebone consortium, EU-funded)',
    country: 'EU',
    policy: 'No logging of personal data stated; unfiltered endpoint.',
  },
];

/** Further operators a user can add in one click; not defaults (US jurisdiction, temporary logs, or smaller). */
export const PRESET_RESOLVERS: readonly ResolverInfo[] = [
  {
    url: 'https://unfiltered.adguard-dns.com/dns-query{?dns}',
    operator: 'AdGuard Software Ltd',
    country: 'CY',
    policy: 'No logging stated; unfiltered endpoint.',
  },
  {
    url: 'https://doh.dns.sb/dns-query{?dns}',
    operator: 'DNS.SB (xTom)',
    country: 'DE',
    policy: 'No logs stated; no filtering.',
  },
  {
    url: 'https://cloudflare-dns.com/dns-query{?dns}',
    operator: 'Cloudflare, Inc.',
    country: 'US',
    policy: 'No IP addresses stored beyond 25 hours; audited; US jurisdiction.',
  },
  {
    url: 'https://dns.google/dns-query{?dns}',
    operator: 'Google LLC',
    country: 'US',
    policy: 'Temporary logs with IP addresses (24-48 h), sampled permanent logs without; US jurisdiction.',
  },
  {
    url: 'https://dns.nextdns.io/dns-query{?dns}',
    operator: 'NextDNS Inc.',
    country: 'US',
    policy: 'No logging when used without a configuration ID; US jurisdiction.',
  },
];

export type ResolverUrlCheck = { ok: true; url: string } | { ok: false; error: string };

/** Plain HTTP is allowed only to this machine, for local test resolvers: nothing crosses a network in clear. */
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Checks a resolver URL typed by a user and returns it normalised, or a message saying what to fix. Accepts a
 * plain URL or an RFC 8484 template ending in `{?dns}` / `{&dns}` (RFC 6570 form-style query expansion).
 */
export function validateResolverUrl(input: string): ResolverUrlCheck {
  const text = input.trim();
  if (text === '') return { ok: false, error: 'Enter the resolver’s DoH URL, e.g. https://dns.example/dns-query.' };
  const template = /\{[?&]dns\}$/.exec(text)?.[0] ?? '';
  const base = text.slice(0, text.length - template.length);
  if (/[{}]/.test(base)) return { ok: false, error: 'The only template variable allowed is {?dns} (or {&dns}) at the end.' };
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    return { ok: false, error: `“${text}” is not a URL.` };
  }
  if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) {
    return { ok: false, error: 'The resolver must use https:// (plain http is only accepted for 127.0.0.1 or localhost, for testing).' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, error: `The resolver must use https://, not ${url.protocol}//.` };
  if (url.username || url.password) return { ok: false, error: 'The URL must not carry a user name or password: they would be sent with every query.' };
  if (url.hash) return { ok: false, error: 'The URL must not have a #fragment.' };
  if (url.searchParams.has('dns')) return { ok: false, error: 'Leave out the dns= parameter: it is added to each query.' };
  if (template === '{&dns}' && !url.search) return { ok: false, error: '{&dns} continues a query string; with no ? in the URL, use {?dns}.' };
  if (template === '{?dns}' && url.search) return { ok: false, error: 'The URL already has a query string: end it with {&dns} instead of {?dns}.' };
  // URL() adds "/" to an empty path; RFC 8484 puts no constraint on the path, so keep whatever was given.
  return { ok: true, url: url.href + template };
}

let known: ReadonlyMap<string, ResolverInfo> | undefined;

/**
 * Every resolver Diffuse knows by name (defaults and presets), keyed by its normalised URL. Built once: the lists
 * are constants, and the popup asks on every refresh.
 */
export function knownResolvers(): ReadonlyMap<string, ResolverInfo> {
  if (!known) {
    const map = new Map<string, ResolverInfo>();
    for (const info of [...DEFAULT_RESOLVERS, ...PRESET_RESOLVERS]) {
      const check = validateResolverUrl(info.url);
      if (check.ok) map.set(check.url, info);
    }
    known = map;
  }
  return known;
}
