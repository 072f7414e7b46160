import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { CompanionRoute } from '@/utils/companion/proxy-decision';
import type { PageLoadView } from '@/utils/pageload/page-load';
import { zeroCounters } from '@/utils/pageload/page-load';
import type { CompanionDnsConfig } from '../dns/dns-service';
import { createCompanionStore } from '../store/companion-store';
import { CompanionService, MISSING_PERMISSIONS, type NativePort } from './companion-service';

const Q9 = 'https://dns.quad9.net/dns-query{?dns}';

class FakePort implements NativePort {
  sent: unknown[] = [];
  closed = false;
  private messageListeners: ((m: unknown) => void)[] = [];
  private disconnectListeners: ((e: string | null) => void)[] = [];
  postMessage(message: unknown) {
    this.sent.push(message);
  }
  disconnect() {
    this.closed = true;
  }
  onMessage(listener: (m: unknown) => void) {
    this.messageListeners.push(listener);
  }
  onDisconnect(listener: (e: string | null) => void) {
    this.disconnectListeners.push(listener);
  }
  /** The companion speaks. */
  say(message: unknown) {
    for (const l of this.messageListeners) l(message);
  }
  /** The companion exits (or the browser closes the port). */
  exit(error: string | null) {
    for (const l of this.disconnectListeners) l(error);
  }
}

function setup(options: { available?: boolean; auth?: 'password' | 'none' } = {}) {
  const ports: FakePort[] = [];
  const routes: CompanionRoute[] = [];
  const recorded: string[][] = [];
  const timers: (() => void)[] = [];
  let dnsListener: ((config: CompanionDnsConfig) => void) | undefined;
  const config: CompanionDnsConfig = { resolvers: [Q9], strategy: 'site', secret: new Uint8Array(32).fill(0xab), rekeyDays: 0 };
  const service = new CompanionService({
    store: createCompanionStore(),
    dns: {
      companionConfig: async () => config,
      onSettingsChanged: (listener) => void (dnsListener = listener),
      recordCompanionLookup: async (resolver, site, name) => void recorded.push([resolver, site, name]),
    },
    platform: {
      auth: options.auth ?? 'password',
      register() {},
      available: async () => options.available ?? true,
      connect: () => {
        const port = new FakePort();
        ports.push(port);
        return port;
      },
      applyRoute: async (route) => void routes.push(route),
    },
    setTimeout: (run) => timers.push(run),
    clearTimeout: () => {},
  });
  return { service, ports, routes, recorded, timers, changeDns: (next: CompanionDnsConfig) => dnsListener?.(next), config };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const ready = { type: 'ready', version: 1, port: 40123, password: 'pw' };
const page = (site: string, hosts: string[]): PageLoadView => ({
  pageLoad: { id: 'p1', tabId: 1, url: `https://www.${site}/`, site, startedAt: 0 },
  hosts: hosts.map((host) => ({ host, ...zeroCounters(), requests: 1 })),
});

describe('CompanionService (fake native port, fakeBrowser storage)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('is off by default: no port, requests direct, nothing for the popup', async () => {
    const { service, ports, routes } = setup();
    await service.start();
    expect(ports).toHaveLength(0);
    expect(service.route()).toEqual({ kind: 'off' });
    expect(routes.at(-1) ?? { kind: 'off' }).toEqual({ kind: 'off' });
    expect(await service.status()).toMatchObject({ available: true, enabled: false, state: 'off', port: null, lookups: 0 });
    expect(service.pageView(page('example.com', []))).toBeUndefined();
  });

  it('a fleet\'s policy sets the switch: applied, shown managed, a change refused; left out again, the user decides', async () => {
    const { service, ports } = setup();
    await service.setManaged(false);
    expect(await service.status()).toMatchObject({ enabled: false, managed: true });
    await expect(service.set({ enabled: true })).rejects.toThrow('Set by your organization: this cannot be changed here.');
    expect(ports).toHaveLength(0);
    expect(await service.set({ onLoss: 'block' })).toMatchObject({ onLoss: 'block', enabled: false }); // what the policy leaves alone stays the user's
    await service.setManaged(undefined);
    expect(await service.status()).toMatchObject({ managed: false });
    expect(await service.set({ enabled: true })).toMatchObject({ enabled: true });
  });

  it('a change arriving while the fleet\'s policy is still being read waits for it, and is refused if the policy sets the switch', async () => {
    const { service, ports } = setup();
    let answer: (enabled: boolean | undefined) => void = () => {};
    const applied = service.setManaged(new Promise((resolve) => (answer = resolve))); // a worker's first turn (managed/)
    const change = service.set({ enabled: true }); // the options page that woke the worker
    const refused = expect(change).rejects.toThrow('Set by your organization');
    await settle();
    answer(false);
    await applied;
    await refused;
    expect(ports).toHaveLength(0);
    expect(await service.status()).toMatchObject({ enabled: false, managed: true });
  });

  it('switched on: starts the companion, configures it on ready, then relays', async () => {
    const { service, ports, routes } = setup();
    const starting = await service.set({ enabled: true });
    expect(starting).toMatchObject({ enabled: true, state: 'starting' });
    expect(service.route()).toEqual({ kind: 'down', onLoss: 'direct' });
    ports[0]!.say(ready);
    await settle();
    expect(ports[0]!.sent).toEqual([{ type: 'configure', resolvers: [Q9], strategy: 'site', secret: 'ab'.repeat(32), rekeyDays: 0, auth: 'password' }]);
    expect(service.route()).toEqual({ kind: 'relay', port: 40123, password: 'pw' });
    expect(routes.at(-1)).toEqual({ kind: 'relay', port: 40123, password: 'pw' });
    expect(await service.status()).toMatchObject({ state: 'connected', port: 40123, error: null });
    expect(await fakeBrowser.storage.local.get('companionSettings')).toEqual({ companionSettings: { enabled: true, onLoss: 'direct' } });
  });

  it('takes lookups into the ledger and the page\'s memory', async () => {
    const { service, ports, recorded } = setup();
    await service.set({ enabled: true });
    ports[0]!.say(ready);
    await settle();
    ports[0]!.say({ type: 'lookup', site: 'example.com', name: 'www.example.com', resolver: Q9, addresses: ['192.0.2.1'], connected: '192.0.2.1', at: 10 });
    ports[0]!.say({ type: 'lookup', site: 'example.com', name: 'static.example.com', resolver: null, addresses: [], connected: null, at: 11 });
    ports[0]!.say({ type: 'lookup', site: 'broken' });
    await settle();
    expect(recorded).toEqual([[Q9, 'example.com', 'www.example.com']]);
    expect((await service.status()).lookups).toBe(2);
    expect(service.pageView(page('example.com', []))).toMatchObject({ state: 'connected', names: 2, unsent: 1, resolvers: [{ url: Q9, operator: 'Quad9 Foundation', names: 1 }] });
  });

  it('looks names up through the companion for uncloaking: answers, failures naming the resolvers tried, and a lost port', async () => {
    const { service, ports, recorded } = setup();
    await expect(service.resolve('m.shop.com', 'shop.com')).rejects.toThrow('not connected');
    await service.set({ enabled: true });
    ports[0]!.say(ready);
    await settle();
    const asked = service.resolve('m.shop.com', 'shop.com');
    expect(ports[0]!.sent.at(-1)).toEqual({ type: 'resolve', id: 1, name: 'm.shop.com', site: 'shop.com' });
    ports[0]!.say({ type: 'answer', id: 1, cnameChain: ['Shop.com.sc.omtrdc.net'], addresses: ['192.0.2.10'], ttl: 60, resolvers: [Q9] });
    await expect(asked).resolves.toEqual({ cnameChain: ['shop.com.sc.omtrdc.net'], addresses: ['192.0.2.10'], ttl: 60, via: 'pool', resolvers: [Q9] });
    expect(recorded).toEqual([[Q9, 'shop.com', 'm.shop.com']]);
    // Tried: a failed lookup names the resolver it was sent to, as the pool's own failure does.
    const failing = service.resolve('x.shop.com', 'shop.com');
    ports[0]!.say({ type: 'answer', id: 2, cnameChain: [], addresses: [], ttl: 0, resolvers: [Q9], error: 'no answer within 1500 ms' });
    await expect(failing).rejects.toMatchObject({ name: 'ResolutionError', attempts: [{ resolver: Q9 }] });
    // Tried: an answer for nobody, and a malformed one, change nothing; the port closing ends what still waits.
    const waiting = service.resolve('y.shop.com', 'shop.com');
    ports[0]!.say({ type: 'answer', id: 99, cnameChain: [], addresses: [], ttl: 0, resolvers: [] });
    ports[0]!.say({ type: 'answer', id: 3, cnameChain: 'nope' });
    ports[0]!.exit('it crashed');
    await expect(waiting).rejects.toThrow('the companion was lost: it crashed');
  });

  it('configures the companion again when the DNS settings change', async () => {
    const { service, ports, changeDns, config } = setup();
    await service.set({ enabled: true });
    ports[0]!.say(ready);
    await settle();
    changeDns({ ...config, strategy: 'name', rekeyDays: 7 });
    expect(ports[0]!.sent.at(-1)).toMatchObject({ type: 'configure', strategy: 'name', rekeyDays: 7 });
  });

  it('when the port closes: lost with the reason, direct at once, or blocked if the user chose so', async () => {
    const { service, ports, routes } = setup();
    await service.set({ enabled: true, onLoss: 'block' });
    expect(service.route()).toEqual({ kind: 'down', onLoss: 'block' });
    ports[0]!.say(ready);
    await settle();
    ports[0]!.say({ type: 'error', message: 'no resolver answered' });
    ports[0]!.exit(null);
    expect(service.route()).toEqual({ kind: 'down', onLoss: 'block' });
    expect(routes.at(-1)).toEqual({ kind: 'down', onLoss: 'block' });
    expect(await service.status()).toMatchObject({ state: 'lost', error: 'no resolver answered', port: null });
    expect(service.pageView(page('example.com', []))).toMatchObject({ state: 'lost', error: 'no resolver answered', onLoss: 'block' });
    await service.set({ onLoss: 'direct' });
    expect(service.route()).toEqual({ kind: 'down', onLoss: 'direct' });
    // Switching on again retries.
    await service.set({ enabled: true });
    expect(ports).toHaveLength(2);
    expect((await service.status()).state).toBe('starting');
  });

  it('not installed: the browser\'s reason is shown', async () => {
    const { service, ports } = setup();
    await service.set({ enabled: true });
    ports[0]!.exit('Specified native messaging host not found.');
    expect(await service.status()).toMatchObject({ state: 'lost', error: 'Specified native messaging host not found' });
  });

  it('gives up on a companion that never says ready, and on one that speaks another version', async () => {
    const { service, ports, timers } = setup();
    await service.set({ enabled: true });
    timers[0]!();
    expect(await service.status()).toMatchObject({ state: 'lost', error: expect.stringMatching(/ready within 10 s/) });
    expect(ports[0]!.closed).toBe(true);
    await service.set({ enabled: true });
    ports[1]!.say({ ...ready, version: 2 });
    await settle();
    expect(await service.status()).toMatchObject({ state: 'lost', error: expect.stringMatching(/version 2/) });
  });

  it('without the permissions: lost, never connects', async () => {
    const { service, ports } = setup({ available: false });
    expect(await service.set({ enabled: true })).toMatchObject({ available: false, state: 'lost', error: MISSING_PERMISSIONS });
    expect(ports).toHaveLength(0);
  });

  it('switched off: closes the port and goes direct; a stale port\'s events change nothing', async () => {
    const { service, ports } = setup();
    await service.set({ enabled: true });
    ports[0]!.say(ready);
    await settle();
    expect(await service.set({ enabled: false })).toMatchObject({ enabled: false, state: 'off' });
    expect(ports[0]!.closed).toBe(true);
    ports[0]!.exit('gone');
    expect(service.route()).toEqual({ kind: 'off' });
    expect((await service.status()).error).toBeNull();
  });

  it('starts the companion at start-up when the switch was left on, and refuses bad settings', async () => {
    await fakeBrowser.storage.local.set({ companionSettings: { enabled: true, onLoss: 'direct' } });
    const { service, ports } = setup({ auth: 'none' });
    await service.start();
    expect(ports).toHaveLength(1);
    ports[0]!.say(ready);
    await settle();
    expect(ports[0]!.sent[0]).toMatchObject({ auth: 'none' });
    await expect(service.set({ onLoss: 'drop' })).rejects.toThrow(/onLoss/);
  });
});
