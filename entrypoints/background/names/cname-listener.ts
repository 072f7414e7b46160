import type { PageLoadTracker } from '@/utils/pageload/tracker';
import { networkHost } from '@/utils/pageload/request-filter';
import { registrableDomain } from '@/utils/site/registrable-domain';
import { CLOAK_WAIT_MS } from '@/utils/cname/host-insights';
import type { RequestDetails as Details, RequestEvents } from '../platform/request-events';
import type { CnameService, PageRef } from './cname-service';

/** The page load a request belongs to, as uncloaking needs it; null for requests of no page or no network. */
function pageOf(tracker: PageLoadTracker, details: Details): { page: PageRef; host: string; top: boolean } | null {
  if (details.tabId < 0) return null;
  const host = networkHost(details.url);
  if (!host) return null;
  const top = details.type === 'main_frame' && details.frameId === 0;
  const load = tracker.currentFor(details.tabId);
  const pageHost = top ? host : ((load && networkHost(load.url)) ?? networkHost(details.documentUrl ?? details.initiator ?? '') ?? host);
  const site = top ? registrableDomain(host) : (load?.site ?? registrableDomain(pageHost));
  // Before the tracker has restored its state a load may be missing: the tab's id keeps the lookups grouped.
  return { page: { id: load?.id ?? `tab-${details.tabId}`, site, host: pageHost }, host, top };
}

/**
 * Shows uncloaking every host each page contacts, once per page load; it looks up only the page's own
 * subdomains (utils/cname/lookup-scope.ts). Chrome: a non-blocking listener (the first request goes out; the
 * learned cloak's dynamic rule blocks later ones). Firefox (MV2, webRequestBlocking): a blocking listener that
 * cancels a cloaked tracker's request from the first one, within the bounded wait. Registered after the
 * page-load observer (the same listener, platform/request-events.ts), so the tracker has already started the
 * page load a main_frame request begins.
 * onResponseStarted tells the address each host was reached at (both browsers give `ip`): the operator
 * serving it, and whether the page itself came from a private address.
 */
export function watchHosts(requests: RequestEvents, tracker: PageLoadTracker, service: CnameService, blocking: boolean): void {
  requests.onBeforeRequest((details) => {
    const seen = pageOf(tracker, details);
    if (!seen) return undefined;
    // A top-level navigation is never blocked here (DNR does not block main_frame by default either).
    if (!blocking || seen.top) {
      service.see(seen.page, seen.host);
      return undefined;
    }
    const decision = service.decide(seen.page, seen.host, CLOAK_WAIT_MS);
    if (decision === false) return undefined;
    if (decision === true) return { cancel: true };
    return decision.then((cancel) => (cancel ? { cancel: true } : {}));
  });
  requests.onResponseStarted((details) => {
    const seen = pageOf(tracker, details);
    if (seen && details.ip) service.connected(seen.page, seen.host, details.ip, seen.top);
  });
}
