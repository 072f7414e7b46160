import { checkCompanionMessage, configureMessage, type AnswerMessage, type LookupMessage } from '@/utils/companion/native-messages';
import type { NameAnswer } from '@/utils/cname/name-answer';
import { ResolutionError } from '@/utils/dns/wire/errors';
import { CompanionLookupMemory, companionPageView, type CompanionPageView, type CompanionState } from '@/utils/companion/companion-lookups';
import { applyCompanionSet, DEFAULT_COMPANION_SETTINGS, type CompanionSettings, type CompanionStatus } from '@/utils/companion/companion-settings';
import { COMPANION_HOST_NAME } from '@/utils/companion/host-manifest';
import type { CompanionRoute } from '@/utils/companion/proxy-decision';
import type { PageLoadView } from '@/utils/pageload/page-load';
import type { CompanionDnsConfig, DnsService } from '../dns/dns-service';
import type { CompanionStore } from '../store/companion-store';

/** One native-messaging port, as the service sees it (native-port.ts wraps runtime.connectNative). */
export interface NativePort {
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage(listener: (message: unknown) => void): void;
  /** `error`: why the port closed, when the browser says (the host is not installed, it exited…). */
  onDisconnect(listener: (error: string | null) => void): void;
}

/** Where the browser's requests go, per browser (proxy-routing.ts): Firefox per request, Chrome one setting. */
export interface CompanionPlatform {
  /** Registers what must listen from the first turn (Firefox's proxy listener, when permitted); start() calls it. */
  register(): void;
  /** The browser has the APIs and Diffuse holds the permissions. */
  available(): Promise<boolean>;
  connect(name: string): NativePort;
  /** Makes the browser follow `route` (Chrome: sets or clears the proxy setting; Firefox: the listeners read it). */
  applyRoute(route: CompanionRoute): Promise<void>;
  /** SOCKS authentication the browser can give: Firefox names the top-level site, Chrome has none. */
  auth: 'password' | 'none';
}

export interface CompanionServiceDeps {
  store: CompanionStore;
  dns: Pick<DnsService, 'companionConfig' | 'onSettingsChanged' | 'recordCompanionLookup'>;
  platform: CompanionPlatform;
  /** Told of each address the companion connected to (names/: behind the proxy webRequest's `ip` is loopback). */
  onConnected?: (host: string, address: string) => void;
  /** How long the companion has to say `ready` after it was started (default 10 s). */
  readyTimeoutMs?: number;
  setTimeout: (run: () => void, ms: number) => unknown;
  clearTimeout: (timer: unknown) => void;
}

/** Longest uncloaking waits for the companion's answer (the pool's own last-chance timeout). */
const RESOLVE_TIMEOUT_MS = 1_500;

export const MISSING_PERMISSIONS = 'the browser has not given Diffuse the permissions the companion needs (native messaging and proxy)';

/** The reason when neither the browser nor the companion gave one (Firefox, when the program exits). */
export const EXITED = 'the program exited';

/**
 * The companion's switch and its native-messaging port: starts the companion when switched on, configures it with
 * the DNS settings and secret, routes the browser's requests through its SOCKS port once it is ready, takes its
 * lookup reports into the exposure ledger and the per-page memory, and falls back (direct, or blocked as the user
 * chose) the moment the port closes.
 */
export class CompanionService {
  private settings: CompanionSettings = { ...DEFAULT_COMPANION_SETTINGS };
  private loading: Promise<void> | undefined;
  private state: CompanionState = 'off';
  private error: string | null = null;
  private port: NativePort | null = null;
  private listening: { port: number; password: string } | null = null;
  /** The companion's last `error` message: the best explanation when its port closes right after. */
  private said: string | null = null;
  private lookups = 0;
  /** The switch as a fleet's policy sets it; undefined while the policy leaves it to the user. */
  private managedEnabled: boolean | undefined;
  /** Settles once the fleet's policy for the switch is read and applied (setManaged). */
  private managedRead: Promise<unknown> = Promise.resolve();
  /** Each start of the companion; events of an older port are ignored. */
  private generation = 0;
  private timer: unknown = null;
  private queue: Promise<unknown> = Promise.resolve();
  readonly memory = new CompanionLookupMemory();
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (answer: NameAnswer) => void; reject: (error: Error) => void; timer: unknown; site: string; name: string }>();

  constructor(private readonly deps: CompanionServiceDeps) {
    deps.dns.onSettingsChanged((config) => {
      if (this.state === 'connected') this.send(this.configure(config));
    });
  }

  /** Reads the switch and, when it is on, starts the companion. */
  start(): Promise<void> {
    return this.serial(() => this.load().then(() => this.follow()));
  }

  async status(): Promise<CompanionStatus> {
    await this.load();
    return this.view();
  }

  /**
   * A fleet's policy sets the switch (managed/, docs/managed.md): applied, then changes to it are refused until the
   * policy leaves it out (undefined).
   */
  setManaged(enabled: boolean | undefined | Promise<boolean | undefined>): Promise<void> {
    const applied = Promise.resolve(enabled).then(async (value) => {
      this.managedEnabled = undefined;
      if (value !== undefined) await this.change({ enabled: value });
      this.managedEnabled = value;
    });
    // Taken in the worker's first turn (managed/): a user's change waits for the policy, as PolicyService's edits do.
    this.managedRead = applied.catch(() => undefined);
    return applied;
  }

  /** The user's change (the options page, a settings file): refused where the fleet's policy sets the switch. */
  set(request: unknown): Promise<CompanionStatus> {
    return this.managedRead.then(() => this.change(request));
  }

  private change(request: unknown): Promise<CompanionStatus> {
    return this.serial(async () => {
      await this.load();
      const check = applyCompanionSet(this.settings, request);
      if (!check.ok) throw new Error(check.error);
      if (this.managedEnabled !== undefined && check.settings.enabled !== this.managedEnabled) throw new Error('Set by your organization: this cannot be changed here.');
      const was = this.settings;
      await this.deps.store.save(check.settings);
      this.settings = check.settings;
      // Switching on again while lost is how the user retries.
      if (check.settings.enabled && (!was.enabled || this.state === 'lost')) await this.follow();
      else if (!check.settings.enabled && was.enabled) this.stop();
      else await this.applyRoute();
      return this.view();
    });
  }

  /** What the browser's requests do now; read synchronously by Firefox's proxy listener for every request. */
  route(): CompanionRoute {
    if (!this.settings.enabled) return { kind: 'off' };
    if (this.state === 'connected' && this.listening) return { kind: 'relay', ...this.listening };
    return { kind: 'down', onLoss: this.settings.onLoss };
  }

  /** The popup's line for a page load; undefined while the companion is switched off. */
  pageView(view: PageLoadView): CompanionPageView | undefined {
    if (!this.settings.enabled && this.state === 'off') return undefined;
    const { site, startedAt } = view.pageLoad;
    const page = this.memory.forPage({ site, startedAt, hosts: view.hosts.map((h) => h.host) });
    return companionPageView({ state: this.state, error: this.error, onLoss: this.settings.onLoss }, page);
  }

  private load(): Promise<void> {
    if (!this.loading) {
      this.loading = this.deps.store.load().then((settings) => void (this.settings = settings));
      this.loading.catch(() => (this.loading = undefined));
    }
    return this.loading;
  }

  /** Brings the companion in line with the switch. */
  private async follow(): Promise<void> {
    if (!this.settings.enabled) {
      this.stop();
      return;
    }
    this.disconnect();
    const generation = ++this.generation;
    if (!(await this.deps.platform.available())) {
      this.lose(generation, MISSING_PERMISSIONS);
      return;
    }
    this.state = 'starting';
    this.error = null;
    this.said = null;
    this.lookups = 0;
    await this.applyRoute();
    let port: NativePort;
    try {
      port = this.deps.platform.connect(COMPANION_HOST_NAME);
    } catch (error) {
      this.lose(generation, error instanceof Error ? error.message : String(error));
      return;
    }
    this.port = port;
    port.onMessage((message) => void this.receive(generation, message));
    port.onDisconnect((error) => this.lose(generation, error ?? this.said ?? EXITED));
    const seconds = (this.deps.readyTimeoutMs ?? 10_000) / 1000;
    this.timer = this.deps.setTimeout(() => {
      if (generation !== this.generation || this.state !== 'starting') return;
      this.lose(generation, `it did not say it was ready within ${seconds} s`);
    }, this.deps.readyTimeoutMs ?? 10_000);
  }

  private async receive(generation: number, raw: unknown): Promise<void> {
    if (generation !== this.generation) return;
    const check = checkCompanionMessage(raw);
    if (!check.ok) {
      console.warn('Diffuse: the companion sent something unreadable:', check.problem);
      if (this.state === 'starting') this.lose(generation, `it sent something unreadable: ${check.problem}`);
      return;
    }
    const message = check.message;
    if (message.type === 'error') {
      this.said = message.message;
      console.warn('Diffuse: the companion says:', message.message);
    } else if (message.type === 'lookup') {
      this.record(message);
    } else if (message.type === 'answer') {
      this.answered(message);
    } else if (this.state === 'starting') {
      const config = await this.deps.dns.companionConfig();
      if (generation !== this.generation || this.state !== 'starting') return;
      this.send(this.configure(config));
      this.listening = { port: message.port, password: message.password };
      this.state = 'connected';
      this.clearTimer();
      await this.applyRoute();
    }
  }

  /**
   * Looks `name` up for `site` through the companion's pool (uncloaking, while the companion relays): the CONNECT
   * that follows then finds the answer in the companion's cache, so the page waits for one lookup, not two.
   */
  resolve(name: string, site: string): Promise<NameAnswer> {
    if (this.state !== 'connected' || !this.port) return Promise.reject(new Error('the companion is not connected'));
    const id = ++this.nextId;
    return new Promise<NameAnswer>((resolve, reject) => {
      const timer = this.deps.setTimeout(() => this.settle(id, new Error(`the companion did not answer for ${name} within ${RESOLVE_TIMEOUT_MS} ms`)), RESOLVE_TIMEOUT_MS);
      this.pending.set(id, { resolve, reject, timer, site, name });
      this.send({ type: 'resolve', id, name, site });
    });
  }

  private answered(answer: AnswerMessage): void {
    const waiting = this.pending.get(answer.id);
    if (!waiting) return;
    // The resolvers sent the name learnt the site, answered or not: the exposure ledger says so.
    for (const resolver of new Set(answer.resolvers)) this.recordInLedger(resolver, waiting.site, waiting.name);
    if (answer.error !== undefined) {
      // As the pool's own failure: each resolver tried is named, so the page's view counts them as sent the name.
      const attempts = answer.resolvers.map((resolver) => ({ resolver, reason: 'network' as const, message: answer.error as string }));
      this.settle(answer.id, attempts.length ? new ResolutionError(waiting.name, 'A', attempts) : new Error(answer.error));
      return;
    }
    this.settle(answer.id, { cnameChain: answer.cnameChain, addresses: answer.addresses, ttl: answer.ttl, via: 'pool', resolvers: answer.resolvers });
  }

  private settle(id: number, outcome: NameAnswer | Error): void {
    const waiting = this.pending.get(id);
    if (!waiting) return;
    this.pending.delete(id);
    this.deps.clearTimeout(waiting.timer);
    if (outcome instanceof Error) waiting.reject(outcome);
    else waiting.resolve(outcome);
  }

  private record(lookup: LookupMessage): void {
    this.lookups++;
    this.memory.add(lookup);
    if (lookup.connected) this.deps.onConnected?.(lookup.name, lookup.connected);
    if (lookup.resolver !== null) this.recordInLedger(lookup.resolver, lookup.site, lookup.name);
  }

  private recordInLedger(resolver: string, site: string, name: string): void {
    this.deps.dns
      .recordCompanionLookup(resolver, site, name)
      .catch((error: unknown) => console.error('Diffuse: could not record a companion lookup in the ledger', error));
  }

  private configure(config: CompanionDnsConfig) {
    return configureMessage({ ...config, auth: this.deps.platform.auth });
  }

  private send(message: unknown): void {
    try {
      this.port?.postMessage(message);
    } catch (error) {
      console.error('Diffuse: could not write to the companion', error);
    }
  }

  /** The port closed (or never opened): requests fall back at once, as the user chose. */
  private lose(generation: number, error: string): void {
    if (generation !== this.generation) return;
    this.generation++;
    for (const id of [...this.pending.keys()]) this.settle(id, new Error(`the companion was lost: ${error}`));
    this.disconnect();
    this.state = 'lost';
    // Shown inside a sentence ("Lost: …."): the browser's own messages end with a full stop.
    this.error = error.trim().replace(/\.+$/, '');
    void this.applyRoute();
  }

  private stop(): void {
    this.generation++;
    this.disconnect();
    this.state = 'off';
    this.error = null;
    void this.applyRoute();
  }

  private disconnect(): void {
    this.clearTimer();
    const port = this.port;
    this.port = null;
    this.listening = null;
    try {
      port?.disconnect();
    } catch {
      // Already closed.
    }
  }

  private clearTimer(): void {
    if (this.timer !== null) this.deps.clearTimeout(this.timer);
    this.timer = null;
  }

  private async applyRoute(): Promise<void> {
    try {
      await this.deps.platform.applyRoute(this.route());
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      console.error('Diffuse: could not route requests for the companion', error);
      if (this.settings.enabled) this.error = text;
    }
  }

  private async view(): Promise<CompanionStatus> {
    return {
      available: await this.deps.platform.available().catch(() => false),
      enabled: this.settings.enabled,
      onLoss: this.settings.onLoss,
      state: this.state,
      error: this.error,
      port: this.state === 'connected' ? (this.listening?.port ?? null) : null,
      lookups: this.lookups,
      managed: this.managedEnabled !== undefined,
    };
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
