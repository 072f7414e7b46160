import type { DnsAnswerView } from '../dns/views/answer-view';
import type { LookupVia } from './host-insights';

/** An answer to one of uncloaking's lookups, and where it was asked. */
export interface NameAnswer {
  cnameChain: string[];
  addresses: string[];
  /** Seconds the answer stays valid. */
  ttl: number;
  via: Exclude<LookupVia, 'none'>;
  /** Pool resolvers sent the name (none when the browser's own resolver answered). */
  resolvers: string[];
}

/** The resolver pool's answer as uncloaking keeps it: the resolvers that were sent the name (both families'). */
export function poolAnswer(view: DnsAnswerView): NameAnswer {
  const { cnameChain, addresses, ttl, resolver, resolverAAAA } = view;
  return { cnameChain, addresses, ttl, via: 'pool', resolvers: resolverAAAA ? [resolver, resolverAAAA] : [resolver] };
}

/** What Firefox's dns.resolve answers (https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/API/dns/resolve). */
export interface BrowserDnsRecord {
  addresses: string[];
  /** Present when asked with the `canonical_name` flag: the last name of the CNAME chain (the host itself when none). */
  canonicalName?: string;
  isTRR?: boolean | string;
}

/** How long a browser answer is kept: dns.resolve tells no TTL; Firefox's own cache keeps entries about a minute. */
export const BROWSER_ANSWER_TTL = 60;

/**
 * Firefox's answer as uncloaking keeps it. dns.resolve gives only the canonical name, not the chain: a cloak is
 * found when that last name is a tracker's, which is where cloaking chains end (detect-cloak.ts matches any link).
 */
export function browserAnswer(host: string, record: BrowserDnsRecord): NameAnswer {
  const canonical = record.canonicalName?.toLowerCase().replace(/\.$/, '');
  const cnameChain = canonical && canonical !== host.toLowerCase() ? [canonical] : [];
  return { cnameChain, addresses: [...record.addresses], ttl: BROWSER_ANSWER_TTL, via: 'browser', resolvers: [] };
}
