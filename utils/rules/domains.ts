/** Host-name helpers with the matching semantics of DNR's domain lists: an entry covers itself and its subdomains. */

/** True when `host` is `domain` or one of its subdomains. */
export function isWithin(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

/** `host` and each of its parent names, most specific first: a.b.c -> [a.b.c, b.c, c]. */
export function selfAndParents(host: string): string[] {
  const names = [host];
  for (let dot = host.indexOf('.'); dot !== -1; dot = host.indexOf('.', dot + 1)) names.push(host.slice(dot + 1));
  return names;
}

/**
 * Sorted, without duplicates and without names already covered by a parent in the list: the smallest list
 * that matches exactly the same requests (keeps rule files and dynamic rules small).
 */
export function minimalDomainList(domains: Iterable<string>): string[] {
  const all = new Set(domains);
  return [...all].filter((domain) => !selfAndParents(domain).slice(1).some((parent) => all.has(parent))).sort();
}

/** A host name as DNR's canonicalDomain format wants it: lower-case ASCII labels (punycode), no trailing dot. */
export function isCanonicalHost(host: string): boolean {
  return /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/.test(host);
}
