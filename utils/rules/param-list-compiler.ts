/**
 * Reads the AdGuard URL Tracking filter (filter 17, https://github.com/AdguardTeam/AdguardFilters, GPL-3.0),
 * as shipped in the npm package @adguard/dnr-rulesets, and keeps what declarativeNetRequest's
 * `queryTransform.removeParams` can do everywhere: the names of the generic `$removeparam` rules, and, for
 * `$denyallow=…,removeparam=` rules, the hosts where AdGuard found the parameter to be functional.
 *
 * Syntax: https://adguard.com/kb/general/ad-filtering/create-own-filters/#removeparam-modifier
 * - `$removeparam=name` removes `name` from every URL: kept;
 * - `$denyallow=a.com|b.com,removeparam=name` does the same except on those hosts: kept, with the hosts as
 *   an exception (the list uses this form because MV3 cannot express `@@…$removeparam` exceptions);
 * - regex names (`$removeparam=/^at_custom/`), rules tied to a URL pattern or to `domain=`, and bare
 *   `$removeparam` (all parameters) are left out: removeParams takes exact names only, and a rule for one
 *   site's URLs is a decision about that site that this list does not need. They are counted in `skipped`.
 */
export interface CompiledParamList {
  /** Parameter names stripped on every site, sorted, without duplicates. */
  params: string[];
  /** Parameters kept on some hosts, where the list says they are functional. */
  exceptions: { param: string; domains: string[] }[];
  /** Rules read but not used, with why. */
  skipped: { rule: string; reason: string }[];
  /** The list's `! Version:` header, for the credit. */
  version: string | null;
}

/** A parameter name removeParams can hold: what the list uses, no wildcard, no separator. */
const NAME = /^[A-Za-z0-9_.[\]-]+$/;
const HOST = /^[a-z0-9.-]+\.[a-z0-9-]+$/;

export function compileParamList(text: string): CompiledParamList {
  const params = new Set<string>();
  const exceptions = new Map<string, Set<string>>();
  const skipped: { rule: string; reason: string }[] = [];
  let version: string | null = null;

  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith('! Version:')) version = line.slice('! Version:'.length).trim();
    if (line === '' || line.startsWith('!') || line.startsWith('[')) continue;
    if (!line.includes('removeparam')) continue;
    if (line.startsWith('@@')) {
      skipped.push({ rule: line, reason: 'site exception (covered by the $denyallow rules that restate it for MV3)' });
      continue;
    }
    if (!line.startsWith('$')) {
      skipped.push({ rule: line, reason: 'tied to a URL pattern' });
      continue;
    }
    const options = line.slice(1).split(',');
    const removeparam = options.find((o) => o.startsWith('removeparam'));
    const name = removeparam?.startsWith('removeparam=') ? removeparam.slice('removeparam='.length) : '';
    if (!NAME.test(name)) {
      skipped.push({ rule: line, reason: name === '' ? 'removes every parameter' : 'not an exact name (regex or negation)' });
      continue;
    }
    const others = options.filter((o) => o !== removeparam);
    if (others.length === 0) {
      params.add(name);
      continue;
    }
    const denyallow = others.length === 1 && others[0]?.startsWith('denyallow=') ? others[0].slice('denyallow='.length).split('|') : null;
    if (!denyallow || !denyallow.every((h) => HOST.test(h))) {
      skipped.push({ rule: line, reason: 'limited by options removeParams cannot express' });
      continue;
    }
    params.add(name);
    const hosts = exceptions.get(name) ?? new Set<string>();
    for (const host of denyallow) hosts.add(host);
    exceptions.set(name, hosts);
  }

  if (params.size === 0) {
    throw new Error('AdGuard URL Tracking filter: no generic $removeparam rule found; has the package or the list format changed?');
  }
  return {
    params: [...params].sort(compare),
    exceptions: [...exceptions].sort(([a], [b]) => compare(a, b)).map(([param, hosts]) => ({ param, domains: [...hosts].sort(compare) })),
    skipped,
    version,
  };
}

/** Code-unit order, independent of the locale the build runs in. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
