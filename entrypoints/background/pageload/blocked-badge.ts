import { browser } from 'wxt/browser';

/** The toolbar action: `action` in MV3 (Chrome), `browserAction` in MV2 (Firefox). */
const action = browser.action ?? browser.browserAction;

/**
 * The toolbar badge counts the requests blocked on each tab's current page. The badge text itself is the
 * state that outlives a stopped worker: a restarted worker reads it back before adding to it.
 */
export class BlockedBadge {
  private readonly counts = new Map<number, Promise<number>>();

  reset(tabId: number): void {
    this.counts.set(tabId, Promise.resolve(0));
    void action.setBadgeText({ tabId, text: '' }).catch(() => undefined); // the tab may be gone already
  }

  increment(tabId: number): void {
    const previous =
      this.counts.get(tabId) ?? action.getBadgeText({ tabId }).then((text) => Number.parseInt(text, 10) || 0, () => 0);
    const next = previous.then((n) => n + 1);
    this.counts.set(tabId, next);
    void next.then((n) => action.setBadgeText({ tabId, text: String(n) })).catch(() => undefined);
  }

  forget(tabId: number): void {
    this.counts.delete(tabId);
  }
}
