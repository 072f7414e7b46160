import { checkResolveRequest, lookUp, type DnsAnswerView } from '@/utils/dns/views/answer-view';
import type { FetchLike } from '@/utils/dns/pool/doh-client';
import { checkDnsConfig, parseStoredDnsSettings, DAY_MS, DNS_CONFIG_FIELDS, lockedChanges, type DnsConfigRequest, type DnsSettings, type LookupsVia } from '@/utils/dns/settings/dns-settings';
import { ExposureLedger } from '@/utils/dns/ledger/ledger';
import { parseStoredHealth } from '@/utils/dns/pool/health-state';
import { LedgerSaver } from '@/utils/dns/ledger/ledger-saver';
import { ResolverPool } from '@/utils/dns/pool/pool';
import { probeResolver } from '@/utils/dns/settings/resolver-probe';
import { parseStoredSpeedTiers, type SpeedTiers } from '@/utils/dns/pool/speed-tiers';
import { buildDnsStatus, type DnsStatus } from '@/utils/dns/views/status-view';
import { restoreLedger } from '@/utils/dns/ledger/stored-ledger';
import type { Strategy } from '@/utils/dns/pool/selection';
import type { DnsConfigureResult } from '@/utils/messages/dns-messages';
import type { DnsStore } from '../store/dns-store';

export interface DnsServiceDeps {
  store: DnsStore;
  fetch: FetchLike;
  now: () => number;
  random: () => number;
  randomBytes: (length: number) => Uint8Array;
  /** Longest wait between a lookup and the ledger reaching storage (default 1 s). */
  saveDelayMs?: number;
}

/** What the companion needs to spread the browser's own lookups as the pool spreads Diffuse's (companion/). */
export interface CompanionDnsConfig {
  resolvers: string[];
  strategy: Strategy;
  /** The per-install secret: the companion keys its selection with it, so a site goes to the same resolver both ways. */
  secret: Uint8Array;
  rekeyDays: number;
}

/** What a background start builds from storage; replaced parts are kept in place so every holder sees them. */
interface Running {
  pool: ResolverPool;
  settings: DnsSettings;
  secret: Uint8Array;
  settingsProblem: string | null;
  ledgerProblem: string | null;
  tiersProblem: string | null;
}

/**
 * The extension's resolver pool with the user's settings, its per-install secret and its exposure ledger,
 * all persisted through the DNS store. Changes run one at a time; a refused change touches nothing.
 */
export class DnsService {
  private running: Promise<Running> | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly saver: LedgerSaver;
  private readonly settingsListeners: ((config: CompanionDnsConfig) => void)[] = [];
  /** The fields a fleet's policy sets (managed/), locked in the options page. */
  private managed: DnsConfigRequest = {};

  constructor(private readonly deps: DnsServiceDeps) {
    this.saver = new LedgerSaver({
      save: async () => {
        const { pool } = await this.start();
        await Promise.all([deps.store.saveLedger(pool.ledger.toJSON()), deps.store.saveHealth(pool.health.exportStates())]);
      },
      delayMs: deps.saveDelayMs ?? 1000,
      onError: (error) => console.error('Diffuse: could not store the DNS exposure ledger or resolver health', error),
    });
  }

  /** Reads storage once per background start (again after a failed read); every message waits for it. */
  start(): Promise<Running> {
    if (!this.running) {
      this.running = this.load();
      this.running.catch(() => (this.running = undefined));
    }
    return this.running;
  }

  /** Where uncloaking's lookups go where the browser offers a choice (Firefox): its own resolver, or the pool. */
  async lookupsVia(): Promise<LookupsVia> {
    return (await this.start()).settings.lookupsVia;
  }

  /** The resolvers, strategy, secret and re-keying period the companion is configured with. */
  async companionConfig(): Promise<CompanionDnsConfig> {
    return this.companionView(await this.start());
  }

  /** Called after every saved change of the DNS settings (the companion is configured again). */
  onSettingsChanged(listener: (config: CompanionDnsConfig) => void): void {
    this.settingsListeners.push(listener);
  }

  /**
   * Records in the exposure ledger that the companion sent `resolver` the browser's own lookup of `name` for `site`
   * (the same ledger as Diffuse's own lookups: a resolver learns the site whoever asked), stored within the second.
   */
  async recordCompanionLookup(resolver: string, site: string, name: string): Promise<void> {
    (await this.start()).pool.ledger.record(resolver, site, name);
    this.saver.changed();
  }

  async status(): Promise<DnsStatus> {
    return this.view(await this.start());
  }

  /**
   * What a fleet's policy sets (managed/): stored as the settings, without the probe a resolver added by hand
   * must pass, and locked: configure() refuses to change those fields while the policy sets them. Takes the
   * policy still being read, queued at once: managed/ calls it in the worker's first turn, so a configure from a
   * page that woke the worker waits for the policy rather than slipping in before it.
   */
  setManaged(policy: DnsConfigRequest | Promise<DnsConfigRequest>): Promise<void> {
    return this.serial(async () => {
      const running = await this.start();
      const managed = (this.managed = await policy);
      const check = checkDnsConfig(managed, running.settings);
      if (!check.ok) throw new Error(Object.values(check.errors).join(' '));
      const changed = (Object.keys(managed) as (keyof DnsConfigRequest)[]).some((k) => JSON.stringify(running.settings[k]) !== JSON.stringify(check.settings[k]));
      if (changed) await this.save(running, check.settings);
    });
  }

  configure(request: unknown): Promise<DnsConfigureResult> {
    return this.serial(async () => {
      const running = await this.start();
      const locked = lockedChanges(request, this.managed);
      if (locked) return { ok: false, errors: locked };
      const check = checkDnsConfig(request, running.settings);
      if (!check.ok) return { ok: false, errors: check.errors };
      const failures = (await Promise.all(check.added.map((url) => probeResolver(this.deps.fetch, this.deps.now, url)))).filter((f) => f !== null);
      if (failures.length > 0) {
        return { ok: false, errors: { resolvers: `Not added: ${failures.join('; ')}. A resolver must answer a test query before it is saved.` } };
      }
      await this.save(running, check.settings);
      return { ok: true, status: this.view(running) };
    });
  }

  /** The settings in use (a settings export, and what an import puts back if it fails). */
  async settings(): Promise<DnsSettings> {
    return (await this.start()).settings;
  }

  /**
   * Puts back settings this service was using (a failed import undoing itself): no probe, since they were in use
   * and the network may be why the import failed.
   */
  restore(settings: DnsSettings): Promise<void> {
    return this.serial(async () => this.save(await this.start(), settings));
  }

  private async save(running: Running, settings: DnsSettings): Promise<void> {
    await this.deps.store.saveSettings(settings);
    this.apply(running, settings);
    for (const listener of this.settingsListeners) listener(this.companionView(running));
  }

  async resolve(request: unknown): Promise<DnsAnswerView> {
    const { name, type, site } = checkResolveRequest(request);
    const running = await this.start();
    try {
      return await lookUp(running.pool, name, type, site);
    } finally {
      // Even a failed lookup was recorded: the query may have reached the resolver.
      this.saver.changed();
    }
  }

  async clearLedger(): Promise<DnsStatus> {
    const running = await this.start();
    running.pool.ledger.clear();
    running.ledgerProblem = null;
    await this.saveLedgerNow();
    return this.view(running);
  }

  /** Drops ledger entries last seen before `time` (history was pruned to it), stored at once if any went. */
  async pruneLedgerBefore(time: number): Promise<void> {
    const running = await this.start();
    if (running.pool.ledger.pruneBefore(time) === 0) return; // most worker starts: nothing to write
    await this.saveLedgerNow();
  }

  /** Drops `site` from every resolver's ledger (it was forgotten from history), stored at once. Names stay. */
  async forgetSite(site: string): Promise<void> {
    (await this.start()).pool.ledger.forgetSite(site);
    await this.saveLedgerNow();
  }

  /** A change the user asked for (or history's retention) is stored at once, not within the usual second. */
  private async saveLedgerNow(): Promise<void> {
    this.saver.changed();
    await this.saver.flush();
  }

  /** Writes a pending ledger change now (tests; nothing in production needs to wait for it). */
  flush(): Promise<void> {
    return this.saver.flush();
  }

  private async load(): Promise<Running> {
    const stored = await this.deps.store.load(this.deps.randomBytes);
    const { settings, problem } = parseStoredDnsSettings(stored.settings);
    const { ledger, problem: ledgerProblem } = restoreLedger(stored, this.deps.now);
    const { tiers, problem: tiersProblem } = parseStoredSpeedTiers(stored.speedTiers);
    const pool = this.makePool(settings, stored.secret, ledger, tiers);
    // Health is a convenience: unreadable or unavailable, it is simply learnt again.
    pool.health.importStates(parseStoredHealth(await this.deps.store.loadHealth().catch(() => undefined), pool.resolvers));
    return { pool, settings, secret: stored.secret, settingsProblem: problem, ledgerProblem, tiersProblem };
  }

  private makePool(settings: DnsSettings, secret: Uint8Array, ledger: ExposureLedger, speedTiers: SpeedTiers): ResolverPool {
    const { fetch, now, random } = this.deps;
    const rekeyPeriodMs = settings.rekeyDays * DAY_MS;
    const { resolvers, strategy, preferFast } = settings;
    // Tiers change rarely (speed-tiers.ts), so each change is written at once; a lost write only means re-learning.
    const onSpeedTiers = (tiers: SpeedTiers) =>
      void this.deps.store.saveSpeedTiers(tiers).catch((error: unknown) => console.error('Diffuse: could not store resolver speed tiers', error));
    return new ResolverPool({ fetch, now, random, secret, resolvers, strategy, rekeyPeriodMs, ledger, preferFast, speedTiers, onSpeedTiers });
  }

  private apply(running: Running, next: DnsSettings): void {
    // The selector takes its period at construction; the ledger carries over (caches and health start afresh).
    if (next.rekeyDays !== running.settings.rekeyDays) running.pool = this.makePool(next, running.secret, running.pool.ledger, running.pool.speed.tiers);
    running.pool.setResolvers(next.resolvers);
    running.pool.strategy = next.strategy;
    running.pool.speed.enabled = next.preferFast;
    running.settings = next;
    running.settingsProblem = null;
  }

  private companionView(running: Running): CompanionDnsConfig {
    const { resolvers, strategy, rekeyDays } = running.settings;
    return { resolvers: [...resolvers], strategy, secret: running.secret, rekeyDays };
  }

  private view(running: Running): DnsStatus {
    const { pool, settings } = running;
    const managed = DNS_CONFIG_FIELDS.filter((field) => this.managed[field] !== undefined);
    return buildDnsStatus({
      managed,
      resolvers: pool.resolvers,
      health: pool.healthSnapshot(),
      exposure: pool.ledger.summary(),
      strategy: settings.strategy,
      rekeyDays: settings.rekeyDays,
      preferFast: settings.preferFast,
      lookupsVia: settings.lookupsVia,
      speedTiers: pool.speed.tiers,
      problems: [running.settingsProblem, running.ledgerProblem, running.tiersProblem].filter((p) => p !== null),
      now: this.deps.now(),
    });
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

/** The service over the real browser: its store, the global fetch, the clock and WebCrypto's randomness. */
export function createDnsService(store: DnsStore): DnsService {
  return new DnsService({
    store,
    // Called as a plain function: Chrome throws "Illegal invocation" when fetch runs with another `this`.
    fetch: (url, init) => fetch(url, init),
    now: () => Date.now(),
    random: () => Math.random(),
    randomBytes: (length) => crypto.getRandomValues(new Uint8Array(length)),
  });
}
