import { browser } from 'wxt/browser';
import { chromeProxyValue, DEAD_PROXY_PORT, decideProxy, LOOPBACK_HOST, type CompanionRoute, type ProxyRequestDetails } from '@/utils/companion/proxy-decision';
import type { CompanionPlatform } from './companion-service';
import { connectNative, hasNativeMessaging } from './native-port';

type Listener = (details: ProxyRequestDetails) => unknown;

/** The parts of the proxy API used here, as optional: the namespace exists only once the permission is granted. */
interface ProxyApi {
  onRequest?: { addListener(listener: Listener, filter: { urls: string[] }): void; hasListener(listener: Listener): boolean };
  settings?: {
    set(details: { value: unknown; scope?: string }): Promise<void>;
    clear(details: { scope?: string }): Promise<void>;
    get(details: Record<string, never>): Promise<{ levelOfControl: string }>;
  };
}
const proxyApi = () => (browser as unknown as { proxy?: ProxyApi }).proxy;

const hasPermissions = (permissions: string[]) =>
  browser.permissions.contains({ permissions: permissions as never[] }).catch(() => false);

/**
 * Firefox: one proxy.onRequest listener answers every request from the service's route (utils/companion/
 * proxy-decision.ts): the companion's SOCKS port with the top-level site as username, or direct.
 *
 * "Block instead" cancels requests in a blocking webRequest.onBeforeRequest listener rather than answering a proxy
 * that cannot work: Firefox's network.proxy.failover_direct (on by default since Firefox 91) may retry a request
 * whose proxy fails without any proxy, and then the browser would resolve the name itself, which is what the user
 * asked to prevent. The proxy listener still answers a dead proxy (with proxyDNS, so no name is resolved locally)
 * for any request the cancel did not stop.
 */
export function firefoxPlatform(route: () => CompanionRoute): CompanionPlatform {
  const onRequest: Listener = (details) => {
    const decision = decideProxy(details, route());
    if (decision.type === 'socks4' || decision.type === 'socks') return decision;
    if (decision.type === 'block') return { type: 'socks', host: LOOPBACK_HOST, port: DEAD_PROXY_PORT, proxyDNS: true };
    return { type: 'direct' };
  };
  const cancel = (details: ProxyRequestDetails) => ({ cancel: decideProxy(details, route()).type === 'block' });
  let cancelling = false;
  const listen = () => {
    const api = proxyApi()?.onRequest;
    if (api && !api.hasListener(onRequest)) api.addListener(onRequest, { urls: ['<all_urls>'] });
  };
  return {
    auth: 'password',
    // In the first turn (start()): a request made before the listener exists goes the browser's own way.
    register: listen,
    available: async () => hasNativeMessaging() && proxyApi()?.onRequest !== undefined && (await hasPermissions(['nativeMessaging', 'proxy'])),
    connect: connectNative,
    async applyRoute(next) {
      listen();
      const block = next.kind === 'down' && next.onLoss === 'block';
      if (block && !cancelling) browser.webRequest.onBeforeRequest.addListener(cancel as never, { urls: ['<all_urls>'] }, ['blocking']);
      if (!block && cancelling) browser.webRequest.onBeforeRequest.removeListener(cancel as never);
      cancelling = block;
    },
  };
}

/**
 * Chrome: no per-request choice and no SOCKS authentication, so one setting, chrome.proxy.settings, points every
 * request at the companion (fixed_servers, with the local bypass list), and is cleared when the companion is off or
 * lost; "block instead" points it at a port where nothing listens. The companion spreads by each name's
 * registrable domain.
 */
export function chromePlatform(): CompanionPlatform {
  return {
    auth: 'none',
    register() {},
    available: async () => hasNativeMessaging() && proxyApi()?.settings !== undefined && (await hasPermissions(['nativeMessaging'])),
    connect: connectNative,
    async applyRoute(route) {
      const settings = proxyApi()?.settings;
      if (!settings) return;
      const port = route.kind === 'relay' ? route.port : route.kind === 'down' && route.onLoss === 'block' ? DEAD_PROXY_PORT : null;
      if (port === null) {
        await settings.clear({ scope: 'regular' });
        return;
      }
      await settings.set({ value: chromeProxyValue(port), scope: 'regular' });
      const { levelOfControl } = await settings.get({});
      if (levelOfControl !== 'controlled_by_this_extension') {
        throw new Error(`Chrome's proxy setting is held elsewhere (${levelOfControl}): another extension or a policy controls it.`);
      }
    },
  };
}
