import type { ObservedRequest } from './page-load';

/**
 * What one frame of a tab fetched, by the page's own Performance Timeline (W3C Resource Timing and Navigation
 * Timing, https://www.w3.org/TR/resource-timing/): the only record of requests made before the extension's
 * webRequest listener existed. Times are absolute (ms since the epoch), as webRequest's `timeStamp`.
 */
export interface FrameTimeline {
  frameId: number;
  /** The frame's document, as its navigation entry names it. */
  documentUrl: string;
  /** When the document's navigation began (performance.timeOrigin). */
  documentStart: number;
  resources: { url: string; start: number }[];
}

/** A request webRequest delivered to this worker, by the time the browser says it was made. */
export interface DeliveredRequest {
  url: string;
  timeStamp: number;
}

/** What a tab did before the listener was there: its top document and the requests webRequest never delivered. */
export interface StartGap {
  tabId: number;
  /** The top document (frame 0): the page load these requests belong to. */
  documentUrl: string;
  documentStart: number;
  missed: ObservedRequest[];
}

/**
 * How the page's clock and webRequest's may disagree. A request the page began before the listener was
 * registered (`registeredAt`) may still have reached the browser's network stack, and been delivered, a little
 * after; one delivered with a timestamp within DELIVERY_SLACK_MS of `registeredAt` is taken as one the page
 * timeline also holds. Measured in Chromium 156 on 2 cores: a resource's `startTime` preceded webRequest's
 * `timeStamp` for it by 20–57 ms; the slack is far beyond that.
 */
export const DELIVERY_SLACK_MS = 1_000;
/** The registration itself reaches the browser a little after `registeredAt`: requests of that moment count too. */
export const REGISTRATION_SLACK_MS = 100;

/**
 * The requests of one tab that happened before the webRequest listener was registered and were never delivered.
 * Only a document that began before the listener counts (a later one was seen whole); per URL, the page's own
 * entries up to the registration, less those webRequest delivered from around that time. An entry the page
 * timeline lacks (a request blocked before the listener was there, entries past the page's buffer of 250) is
 * not recovered: docs/history.md, "Start-up".
 */
export function startGap(tabId: number, frames: readonly FrameTimeline[], delivered: readonly DeliveredRequest[], registeredAt: number): StartGap | undefined {
  const top = frames.find((f) => f.frameId === 0);
  const cutoff = registeredAt + REGISTRATION_SLACK_MS;
  if (!top || top.documentStart >= cutoff) return undefined;
  const seen = new Map<string, number>();
  for (const d of delivered) if (d.timeStamp < registeredAt + DELIVERY_SLACK_MS) seen.set(d.url, (seen.get(d.url) ?? 0) + 1);
  const missed: ObservedRequest[] = [];
  const take = (request: ObservedRequest) => {
    const left = seen.get(request.url) ?? 0;
    if (left > 0) seen.set(request.url, left - 1);
    else missed.push(request);
  };
  // The top document first: it is the page load's own request. A frame's document is in its parent's resource
  // entries (initiatorType "iframe", measured in Chromium 156), and counted from its own entry only where not.
  take({ tabId, frameId: 0, type: 'main_frame', url: top.documentUrl });
  const resources = new Set(frames.flatMap((f) => f.resources.map((r) => r.url)));
  for (const frame of [top, ...frames.filter((f) => f !== top)]) {
    if (frame !== top && frame.documentStart < cutoff && !resources.has(frame.documentUrl)) take({ tabId, frameId: frame.frameId, type: 'sub_frame', url: frame.documentUrl, documentUrl: top.documentUrl });
    for (const r of frame.resources) if (r.start < cutoff) take({ tabId, frameId: frame.frameId, type: 'other', url: r.url, documentUrl: frame.documentUrl });
  }
  return { tabId, documentUrl: top.documentUrl, documentStart: top.documentStart, missed };
}

/**
 * Runs in each frame of a tab (injected, so it must stand alone: no imports, no closure): the frame's
 * Performance Timeline as a FrameTimeline without its frameId.
 */
export function readFrameTimeline(): Omit<FrameTimeline, 'frameId'> {
  const origin = performance.timeOrigin;
  const nav = performance.getEntriesByType('navigation')[0];
  return {
    documentUrl: nav?.name || location.href,
    documentStart: origin,
    resources: performance.getEntriesByType('resource').map((e) => ({ url: e.name, start: origin + e.startTime })),
  };
}
