/**
 * Which host names CNAME uncloaking may send to a resolver. A cloak is a first-party subdomain whose CNAME leads
 * to a tracker (detect-cloak.ts): a third party's name is already blocked or allowed by its own name, so looking
 * it up only tells a resolver more of the user's browsing. Uncloaking therefore asks only the page's own
 * subdomains, and never a private name or anything of an intranet page. Pure: the caller says whether the page is
 * private (webRequest's `ip` of the main document, isPrivateAddress) and whether the host is a known tracker.
 */
import { registrableDomain } from '../site/registrable-domain';
import { normaliseHost, whyNeverSent, type NeverSentReason } from '../site/private-names';

/**
 * Why a host is not asked, in the order checked:
 * - `never-sent`: the name itself is never sent (private-names.ts; `why` says which rule).
 * - `private-page`: the page's main document came from a private address: an intranet site under a public
 *   domain (split DNS, as RFC 9499 defines it), whose internal host names are the employer's business.
 * - `third-party`: not under the page's site; its own name decides whether it is blocked.
 * - `page-host`: the page's own host: the user chose to load it, and blocking the main document is no cloak
 *   decision (a CNAME to a CDN is how sites are served).
 * - `known-tracker`: already known to be a tracker (listed, or a cloak already learned): blocked by name, so the
 *   answer would change nothing.
 */
export type SkipReason = 'never-sent' | 'private-page' | 'third-party' | 'page-host' | 'known-tracker';

export interface ScopeInput {
  /** The host a request of the page contacts. */
  host: string;
  /** The host of the page's main document. */
  pageHost: string;
  /** The page's site: registrableDomain(pageHost), as the caller already holds it. */
  site: string;
  /** The main document came from a private, link-local, shared or ULA address (isPrivateAddress of webRequest's `ip`). */
  pagePrivate: boolean;
  /** The host is already known as a tracker (the caller's lists or learned cloaks). */
  knownTracker: boolean;
}

export type ScopeDecision =
  | { ask: true }
  | { ask: false; reason: 'never-sent'; why: NeverSentReason }
  | { ask: false; reason: Exclude<SkipReason, 'never-sent'> };

/** Whether uncloaking may look `host` up for this page, or the first reason it may not. */
export function lookupScope({ host, pageHost, site, pagePrivate, knownTracker }: ScopeInput): ScopeDecision {
  const why = whyNeverSent(host);
  if (why) return { ask: false, reason: 'never-sent', why };
  if (pagePrivate) return { ask: false, reason: 'private-page' };
  const name = normaliseHost(host);
  // Sites as browsers define them (PSL private section on): on alice.github.io, bob.github.io is a third party.
  if (registrableDomain(name) !== normaliseHost(site)) return { ask: false, reason: 'third-party' };
  if (name === normaliseHost(pageHost)) return { ask: false, reason: 'page-host' };
  if (knownTracker) return { ask: false, reason: 'known-tracker' };
  return { ask: true };
}
