import { browser } from 'wxt/browser';
import type { PageLoadTracker } from '@/utils/pageload/tracker';
import { isBlockedByExtension, isSurrogateRedirect } from '@/utils/pageload/request-filter';
import type { BlockedBadge } from './blocked-badge';

/**
 * Feeds every request of every tab to the tracker, and every blocked one to the tracker and the badge.
 * Non-blocking: observing never delays a request. Registered synchronously at start-up so that Chrome wakes a
 * stopped worker for these events (https://developer.chrome.com/docs/extensions/develop/concepts/service-workers/events).
 */
export function observeRequests(tracker: PageLoadTracker, badge: BlockedBadge): void {
  const all = { urls: ['<all_urls>'] };
  browser.webRequest.onBeforeRequest.addListener((details) => {
    tracker.observe({
      tabId: details.tabId,
      frameId: details.frameId,
      type: details.type,
      url: details.url,
      // Firefox names the requesting document; Chrome only its origin.
      documentUrl: (details as { documentUrl?: string }).documentUrl ?? (details as { initiator?: string }).initiator,
    });
    if (details.type === 'main_frame' && details.frameId === 0 && details.tabId >= 0) badge.reset(details.tabId);
    return undefined;
  }, all);
  const blocked = (details: { tabId: number; url: string }) => {
    tracker.blocked({ tabId: details.tabId, url: details.url });
    badge.increment(details.tabId);
  };
  browser.webRequest.onErrorOccurred.addListener((details) => {
    if (details.tabId >= 0 && isBlockedByExtension(details.error)) blocked(details);
  }, all);
  // A tracker script replaced by a surrogate is blocked too, though it ends in a redirect, not an error.
  browser.webRequest.onBeforeRedirect.addListener((details) => {
    if (details.tabId >= 0 && isSurrogateRedirect(details.redirectUrl)) blocked(details);
  }, all);
  observeConnectionSecurity(tracker);
  browser.tabs.onRemoved.addListener((tabId) => {
    tracker.tabClosed(tabId);
    badge.forget(tabId);
  });
}

type GetSecurityInfo = (requestId: string, options: object) => Promise<{ state?: string; protocolVersion?: string; usedEch?: boolean; usedPrivateDns?: boolean; hsts?: boolean }>;

/**
 * Firefox only: how each response's connection was secured (TLS version, Encrypted Client Hello, whether the
 * browser's own DNS lookup was private, HSTS), from webRequest.getSecurityInfo, which only answers inside a
 * blocking onHeadersReceived listener (MDN). Asked without the certificate chain to keep it cheap (bench:
 * npm run bench:security-info). Chrome has no such API; there only the scheme is known.
 */
function observeConnectionSecurity(tracker: PageLoadTracker): void {
  const getSecurityInfo = (browser.webRequest as unknown as { getSecurityInfo?: GetSecurityInfo }).getSecurityInfo;
  if (!getSecurityInfo) return;
  type Listener = Parameters<typeof browser.webRequest.onHeadersReceived.addListener>[0];
  browser.webRequest.onHeadersReceived.addListener(
    // Firefox accepts a Promise of a BlockingResponse from a blocking listener; the types know only Chrome's.
    (async (details: Parameters<Listener>[0]) => {
      if (details.tabId < 0 || !/^(https|wss):/.test(details.url)) return {};
      try {
        const info = await getSecurityInfo(details.requestId, {});
        if (info.state === 'secure' || info.state === 'weak') tracker.secured({ tabId: details.tabId, url: details.url }, info);
      } catch {
        // The request may be gone (navigation away); nothing to count then.
      }
      return {};
    }) as unknown as Listener,
    { urls: ['<all_urls>'] },
    ['blocking'],
  );
}

/** Whether this browser describes connections (the popup says so where it cannot). */
export function describesConnections(): boolean {
  return typeof (browser.webRequest as unknown as { getSecurityInfo?: unknown }).getSecurityInfo === 'function';
}
