import { browser } from 'wxt/browser';
import type { PageLoadTracker } from '@/utils/pageload/tracker';
import { isBlockedByExtension } from '@/utils/pageload/request-filter';
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
  browser.webRequest.onErrorOccurred.addListener((details) => {
    if (details.tabId < 0 || !isBlockedByExtension(details.error)) return;
    tracker.blocked({ tabId: details.tabId, url: details.url });
    badge.increment(details.tabId);
  }, all);
  browser.tabs.onRemoved.addListener((tabId) => {
    tracker.tabClosed(tabId);
    badge.forget(tabId);
  });
}
