import { browser } from 'wxt/browser';
import type { NativePort } from './companion-service';

/**
 * runtime.connectNative as the service's NativePort: the browser starts the host named in its native-messaging
 * manifest and ends it when the port closes. An open port keeps Chrome's service worker alive (w3c/webextensions#256).
 */
export function connectNative(name: string): NativePort {
  const port = browser.runtime.connectNative(name);
  return {
    postMessage: (message) => port.postMessage(message),
    disconnect: () => port.disconnect(),
    onMessage: (listener) => port.onMessage.addListener((message: unknown) => listener(message)),
    onDisconnect: (listener) =>
      port.onDisconnect.addListener((closed) => {
        // Firefox puts the reason on the port, Chrome in runtime.lastError while the listener runs.
        const error = (closed as { error?: { message?: string } | null }).error?.message ?? browser.runtime.lastError?.message ?? null;
        listener(error);
      }),
  };
}

/** Whether the browser has runtime.connectNative (it appears once the nativeMessaging permission is granted). */
export function hasNativeMessaging(): boolean {
  return typeof browser.runtime.connectNative === 'function';
}
