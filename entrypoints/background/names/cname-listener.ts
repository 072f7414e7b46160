import { browser } from 'wxt/browser';
import type { PageLoadTracker } from '@/utils/pageload/tracker';
import { networkHost } from '@/utils/pageload/request-filter';
import { registrableDomain } from '@/utils/site/registrable-domain';
import { CLOAK_WAIT_MS } from '@/utils/cname/host-insights';
import type { CnameService } from './cname-service';

type Details = { tabId: number; frameId: number; type: string; url: string; documentUrl?: string; initiator?: string };

/**
 * Looks up every host each page contacts, once per page load, on behalf of the page's site. Chrome: a
 * non-blocking listener (the first request goes out; the learned cloak's dynamic rule blocks later ones).
 * Firefox (MV2, webRequestBlocking): a blocking listener that cancels a cloaked tracker's request from the
 * first one, within the bounded wait. Registered after the page-load observer, so the tracker has already
 * started the page load a main_frame request begins.
 */
export function watchHosts(tracker: PageLoadTracker, service: CnameService, blocking: boolean): void {
  const listener = (details: Details) => {
    if (details.tabId < 0) return undefined;
    const host = networkHost(details.url);
    if (!host) return undefined;
    const top = details.type === 'main_frame' && details.frameId === 0;
    const load = tracker.currentFor(details.tabId);
    const site = top ? registrableDomain(host) : (load?.site ?? registrableDomain(networkHost(details.documentUrl ?? details.initiator ?? '') ?? host));
    // Before the tracker has restored its state a load may be missing: the tab's id keeps the lookups grouped.
    const pageLoadId = load?.id ?? `tab-${details.tabId}`;
    // A top-level navigation is never blocked here (DNR does not block main_frame by default either).
    if (!blocking || top) {
      service.see(pageLoadId, site, host);
      return undefined;
    }
    const decision = service.decide(pageLoadId, site, host, CLOAK_WAIT_MS);
    if (decision === false) return undefined;
    if (decision === true) return { cancel: true };
    return decision.then((cancel) => (cancel ? { cancel: true } : {}));
  };
  type Listener = Parameters<typeof browser.webRequest.onBeforeRequest.addListener>[0];
  const filter = { urls: ['<all_urls>'] };
  // Firefox accepts a Promise of a BlockingResponse from a blocking listener; the types know only Chrome's.
  if (blocking) browser.webRequest.onBeforeRequest.addListener(listener as unknown as Listener, filter, ['blocking']);
  else browser.webRequest.onBeforeRequest.addListener(listener as unknown as Listener, filter);
}
