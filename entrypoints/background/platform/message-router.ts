import { browser } from 'wxt/browser';
import { dispatch, isMessage, type Handlers } from '@/utils/messages/contract';
import { REQUEST_CHECKS } from '@/utils/messages/request-checks';

/** Answers the UI's messages with the handlers of the typed contract; ignores anything else. */
export function routeMessages(handlers: Handlers): void {
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    // Only the extension's own pages may ask; content scripts and other extensions get no answer.
    if (!isMessage(message) || sender.id !== browser.runtime.id || sender.tab?.url?.startsWith('http')) return;
    return dispatch(handlers, REQUEST_CHECKS, message);
  });
}
