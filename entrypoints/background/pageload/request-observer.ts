import { browser } from 'wxt/browser';
import type { PageLoadTracker } from '@/utils/pageload/tracker';
import { isBlockedByExtension, isSurrogateRedirect, networkHost } from '@/utils/pageload/request-filter';
import type { RequestEvents } from '../platform/request-events';
import type { BlockedBadge } from './blocked-badge';
import type { StartGapWatch } from './start-gap-recovery';

/**
 * Feeds every request of every tab to the tracker, and every blocked one to the tracker and the badge, through
 * the background's one webRequest listener per event (platform/request-events.ts). Non-blocking: observing never
 * delays a request. Subscribed synchronously at start-up so that Chrome wakes a stopped worker for these events
 * (https://developer.chrome.com/docs/extensions/develop/concepts/service-workers/events).
 */
export function observeRequests(requests: RequestEvents, tracker: PageLoadTracker, badge: BlockedBadge, gap: StartGapWatch): void {
  requests.onBeforeRequest((details) => {
    tracker.observe({
      tabId: details.tabId,
      frameId: details.frameId,
      type: details.type,
      url: details.url,
      // Firefox names the requesting document; Chrome only its origin.
      documentUrl: details.documentUrl ?? details.initiator,
    });
    gap.delivered(details.tabId, { url: details.url, timeStamp: details.timeStamp });
    if (details.type === 'main_frame' && details.frameId === 0 && details.tabId >= 0) badge.reset(details.tabId);
    return undefined;
  });
  const blocked = (details: { tabId: number; url: string }) => {
    tracker.blocked({ tabId: details.tabId, url: details.url });
    badge.increment(details.tabId);
  };
  requests.onErrorOccurred((details) => {
    if (details.tabId >= 0 && isBlockedByExtension(details.error ?? '')) blocked(details);
  });
  // A tracker script replaced by a surrogate is blocked too, though it ends in a redirect, not an error.
  requests.onBeforeRedirect((details) => {
    if (details.tabId >= 0 && isSurrogateRedirect(details.redirectUrl ?? '')) blocked(details);
  });
  observeConnectionSecurity(tracker);
  browser.tabs.onRemoved.addListener((tabId) => {
    tracker.tabClosed(tabId);
    badge.forget(tabId);
  });
}

/** The ids of the tabs open now, to drop the stored pointers of every other tab at start-up. */
export async function openTabIds(): Promise<Set<number>> {
  return new Set((await browser.tabs.query({})).flatMap((t) => (t.id === undefined ? [] : [t.id])));
}

type SecurityInfo = { state?: string; protocolVersion?: string; usedEch?: boolean; usedPrivateDns?: boolean; hsts?: boolean };
type GetSecurityInfo = (requestId: string, options: object) => Promise<SecurityInfo>;

/**
 * Firefox only: how each response's connection was secured (TLS version, Encrypted Client Hello, whether the
 * browser's own DNS lookup was private, HSTS), from webRequest.getSecurityInfo, which only answers inside a
 * blocking onHeadersReceived listener (MDN). Asked without the certificate chain to keep it cheap (bench:
 * npm run bench:security-info). Chrome has no such API; there only the scheme is known.
 */
function observeConnectionSecurity(tracker: PageLoadTracker): void {
  const getSecurityInfo = (browser.webRequest as unknown as { getSecurityInfo?: GetSecurityInfo }).getSecurityInfo;
  if (!getSecurityInfo) return;
  // One question per host and page load: a host's responses share its connection(s) and their TLS version, ECH
  // and DNS; asking on every response cost an IPC round trip each while the response was held (bench:pageload).
  const known = new Map<string, SecurityInfo>();
  type Listener = Parameters<typeof browser.webRequest.onHeadersReceived.addListener>[0];
  browser.webRequest.onHeadersReceived.addListener(
    // Firefox accepts a Promise of a BlockingResponse from a blocking listener; the types know only Chrome's.
    ((details: Parameters<Listener>[0]) => {
      if (details.tabId < 0) return {};
      const request = { tabId: details.tabId, url: details.url };
      const key = `${tracker.currentFor(details.tabId)?.id ?? details.tabId} ${networkHost(details.url)}`;
      const seen = known.get(key);
      if (seen) {
        tracker.secured(request, seen);
        return {};
      }
      return getSecurityInfo(details.requestId, {}).then(
        (info) => {
          if (info.state !== 'secure' && info.state !== 'weak') return {};
          if (known.size >= KNOWN_CONNECTIONS) known.clear();
          known.set(key, info);
          tracker.secured(request, info);
          return {};
        },
        // The request may be gone (navigation away); nothing to count then.
        () => ({}),
      );
    }) as unknown as Listener,
    // Only encrypted schemes: a clear-text response has no security info, and a blocking listener it does not
    // match costs it no round trip to the extension process.
    { urls: ['https://*/*', 'wss://*/*'] },
    ['blocking'],
  );
}

/** Hosts of recent page loads whose connection is known; dropped whole when full. */
const KNOWN_CONNECTIONS = 2_000;

/** Whether this browser describes connections (the popup says so where it cannot). */
export function describesConnections(): boolean {
  return typeof (browser.webRequest as unknown as { getSecurityInfo?: unknown }).getSecurityInfo === 'function';
}
