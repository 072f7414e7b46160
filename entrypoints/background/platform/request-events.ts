import { browser } from 'wxt/browser';

/** What both browsers give a webRequest listener, as far as Diffuse reads it. */
export interface RequestDetails {
  requestId: string;
  tabId: number;
  frameId: number;
  type: string;
  url: string;
  /** When the browser saw the event (ms since the epoch). */
  timeStamp: number;
  /** Firefox: the document that made the request. */
  documentUrl?: string;
  /** Chrome: the origin that made the request. */
  initiator?: string;
  /** onResponseStarted: the address the browser connected to. */
  ip?: string;
  /** onErrorOccurred: the browser's error name. */
  error?: string;
  /** onBeforeRedirect: where the request goes next. */
  redirectUrl?: string;
}

/** A blocking answer (Firefox's webRequestBlocking); undefined lets the request go untouched. */
export type RequestDecision = { cancel?: boolean };
type BeforeRequest = (details: RequestDetails) => RequestDecision | Promise<RequestDecision> | undefined;
type Observer = (details: RequestDetails) => void;

/**
 * One listener per webRequest event for the whole background, fanning out to the capabilities that subscribed
 * (pageload, names). Chrome copies and sends every event's details once per registered listener
 * (extensions::webRequestEvent getFilteredDetails → deepCopy): with the page-load observer and uncloaking each
 * listening on their own, a request cost two onBeforeRequest dispatches; profiled on a 220-request page it was the
 * worker's largest cost after storage (bench/pageload.ts). Subscribers run in subscription order, so pageload's
 * observer has begun a main_frame's page load when names sees the request.
 */
export class RequestEvents {
  private readonly beforeRequest: BeforeRequest[] = [];
  private readonly responseStarted: Observer[] = [];
  private readonly errorOccurred: Observer[] = [];
  /** Date.now() when listen() registered the listeners; undefined before. */
  private since: number | undefined;

  /** When the listeners went in (start-up recovery counts what pages did before then as never delivered). */
  listeningSince(): number | undefined {
    return this.since;
  }
  private readonly beforeRedirect: Observer[] = [];

  /** Called for every request before it is sent; in Firefox a subscriber may cancel it (blocking, bounded). */
  onBeforeRequest(subscriber: BeforeRequest): void {
    this.beforeRequest.push(subscriber);
  }

  /** The response began: `ip` says where the browser connected. */
  onResponseStarted(subscriber: Observer): void {
    this.responseStarted.push(subscriber);
  }

  /** The request failed; `error` says why (blocked by an extension, aborted, network). */
  onErrorOccurred(subscriber: Observer): void {
    this.errorOccurred.push(subscriber);
  }

  /** The request is redirected (`redirectUrl`): by the server, or by a DNR rule such as a surrogate's. */
  onBeforeRedirect(subscriber: Observer): void {
    this.beforeRedirect.push(subscriber);
  }

  /**
   * Registers the listeners, synchronously in the first turn (after every capability subscribed), so the event
   * that woke a stopped Chrome worker finds them. `blocking`: Firefox's onBeforeRequest may hold or cancel.
   */
  listen(blocking: boolean): void {
    const filter = { urls: ['<all_urls>'] };
    type Listener = Parameters<typeof browser.webRequest.onBeforeRequest.addListener>[0];
    const before = this.beforeRequest;
    if (before.length) {
      let first = true;
      const listener = (details: RequestDetails) => {
        let decision: ReturnType<BeforeRequest>;
        for (const subscriber of before) decision = subscriber(details) ?? decision;
        if (first) {
          first = false;
          // When this worker first handled a request, read by bench/worker-wake.ts (a local mark; nothing leaves).
          performance.mark('diffuse:first-event');
        }
        return blocking ? decision : undefined;
      };
      // Firefox accepts a Promise of a BlockingResponse from a blocking listener; the types know only Chrome's.
      if (blocking) browser.webRequest.onBeforeRequest.addListener(listener as unknown as Listener, filter, ['blocking']);
      else browser.webRequest.onBeforeRequest.addListener(listener as unknown as Listener, filter);
    }
    const fanOut = (subscribers: Observer[]) => (details: unknown) => {
      for (const subscriber of subscribers) subscriber(details as RequestDetails);
    };
    if (this.responseStarted.length) browser.webRequest.onResponseStarted.addListener(fanOut(this.responseStarted), filter);
    if (this.errorOccurred.length) browser.webRequest.onErrorOccurred.addListener(fanOut(this.errorOccurred), filter);
    if (this.beforeRedirect.length) browser.webRequest.onBeforeRedirect.addListener(fanOut(this.beforeRedirect), filter);
    // After registering: a request in between is both delivered and in the page's timeline, and the recovery
    // subtracts what was delivered; before, it could be neither.
    this.since = Date.now();
  }
}
