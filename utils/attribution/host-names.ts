/** Host-name normalisation shared by the table compiler and the lookup, so both agree on keys. */

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
/** LDH labels (punycode included), at least two of them. Anything else is not a domain we can key on. */
const DOMAIN = /^(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?\.)+[a-z0-9-]{1,63}$/;

export function isIpAddress(host: string): boolean {
  return IPV4.test(host) || host.includes(':');
}

/**
 * Lower-case, without brackets, port or trailing dot. Hosts from URL.hostname are already close to
 * this; hosts typed into tests or read from other tools may not be.
 */
export function normalizeHost(host: string): string {
  let h = host.trim().toLowerCase();
  if (h.startsWith('[')) {
    const end = h.indexOf(']');
    return end > 0 ? h.slice(1, end) : h.slice(1);
  }
  const port = h.lastIndexOf(':');
  if (port > 0 && h.indexOf(':') === port) h = h.slice(0, port);
  while (h.endsWith('.')) h = h.slice(0, -1);
  return h;
}

/** A dataset's domain entry ("*.example.com", "Example.com.") as a table key, or null if unusable. */
export function domainKey(entry: string): string | null {
  const h = normalizeHost(entry.startsWith('*.') ? entry.slice(2) : entry);
  return DOMAIN.test(h) && !isIpAddress(h) ? h : null;
}
