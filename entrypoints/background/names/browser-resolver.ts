import { browser } from 'wxt/browser';
import type { BrowserDnsRecord } from '@/utils/cname/name-answer';

type DnsApi = { resolve(hostname: string, flags?: string[]): Promise<BrowserDnsRecord> };

/**
 * Firefox's own resolver (`dns.resolve`, "dns" permission; Chrome has no such API outside the dev channel). It
 * answers from Firefox's cache what the page has just resolved, through whatever the user set up (Secure DNS or
 * the system's resolver), so asking it tells no one new about the visit. `canonical_name` adds the last name of
 * the CNAME chain. Null where the API is missing.
 */
export function browserResolver(): ((name: string) => Promise<BrowserDnsRecord>) | null {
  const dns = (browser as unknown as { dns?: DnsApi }).dns;
  return dns ? (name) => dns.resolve(name, ['canonical_name']) : null;
}
