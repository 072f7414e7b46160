import { browser } from 'wxt/browser';
import type { PageLoadTracker } from '@/utils/pageload/tracker';

/**
 * Feeds every request of every tab to the tracker. Non-blocking: observing never delays a request.
 * Registered synchronously at start-up so that Chrome wakes a stopped worker for these events
 * (https://developer.chrome.com/docs/extensions/develop/concepts/service-workers/events).
 */
export function observeRequests(tracker: PageLoadTracker): void {
  browser.webRequest.onBeforeRequest.addListener(
    (details) => {
      tracker.observe({
        tabId: details.tabId,
        frameId: details.frameId,
        type: details.type,
        url: details.url,
        // Firefox names the requesting document; Chrome only its origin.
        documentUrl: (details as { documentUrl?: string }).documentUrl ?? (details as { initiator?: string }).initiator,
      });
      return undefined;
    },
    { urls: ['<all_urls>'] },
  );
  browser.tabs.onRemoved.addListener((tabId) => tracker.tabClosed(tabId));
}
