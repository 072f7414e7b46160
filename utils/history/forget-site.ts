import { registrableDomain } from '../site/registrable-domain';

const SHOWN = 60;

/**
 * The site a "forget this site" request names, as history keys it (utils/site/registrable-domain.ts), so a host
 * of the site names it too: "www.example.co.uk" forgets "example.co.uk". Only what a page URL could carry as
 * its host is accepted; anything else (a URL, a path or port, spaces, non-ASCII not in punycode) is refused with
 * a sentence rather than guessed at, since the request deletes. IP addresses and single labels such as
 * "localhost" are accepted: history keeps them as sites of their own.
 */
export function siteToForget(value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') throw new Error('Name the site to forget, for example "example.com".');
  const host = value.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
  if (!isUrlHost(host)) {
    const shown = value.length > SHOWN ? `${value.slice(0, SHOWN)}…` : value;
    throw new Error(`"${shown}" is not a site: give its domain alone, for example "example.com" (no scheme, path or port; international names in punycode, "xn--…").`);
  }
  return registrableDomain(host);
}

/** Whether a URL keeps `host` unchanged as its host name: the hosts history's sites are made from. */
function isUrlHost(host: string): boolean {
  if (host.length > 253 || host.split('.').some((label) => label === '' || label.length > 63)) return false;
  try {
    return new URL(`http://${host.includes(':') ? `[${host}]` : host}/`).hostname.replace(/^\[|\]$/g, '') === host;
  } catch {
    return false;
  }
}
