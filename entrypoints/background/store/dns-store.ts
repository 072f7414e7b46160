import { browser } from 'wxt/browser';
import { historyOff } from './history-settings-store';
import type { DnsSettings } from '@/utils/dns/settings/dns-settings';
import type { LedgerJSON } from '@/utils/dns/ledger/ledger';
import type { StoredHealth } from '@/utils/dns/pool/health-state';
import type { SpeedTiers } from '@/utils/dns/pool/speed-tiers';

/**
 * The storage.local keys of the resolver pool, all owned here. storage.local rather than the Dexie database:
 * three small-to-medium values read once per worker start, with no queries over them.
 */
const KEYS = {
  /** The user's resolver list, strategy and re-keying period (DnsSettings). */
  settings: 'dnsSettings',
  /** The per-install secret keying resolver selection and the ledger's hashes: 32 random bytes as hex. */
  secret: 'dnsSecret',
  /** The exposure ledger (LedgerJSON): per resolver, hashed sites and names it was sent. */
  ledger: 'dnsLedger',
  /** Resolver speed tiers (SpeedTiers), kept so a restarted worker weighs resolvers as before and moves no site. */
  speedTiers: 'dnsSpeedTiers',
  /** Resolver health (StoredHealth), in storage.session, not storage.local. */
  health: 'dnsHealth',
} as const;

const SECRET_BYTES = 32;
const SECRET_HEX = /^[0-9a-f]{64}$/;

/** What the DNS service reads at start, still unchecked where it came from a user or an older version. */
export interface StoredDns {
  settings: unknown;
  ledger: unknown;
  speedTiers: unknown;
  secret: Uint8Array;
  /** The secret was missing (first start) or unreadable and a new one was drawn and saved. */
  secretCreated: boolean;
}

export interface DnsStore {
  load(randomBytes: (length: number) => Uint8Array): Promise<StoredDns>;
  saveSettings(settings: DnsSettings): Promise<void>;
  saveLedger(ledger: LedgerJSON): Promise<void>;
  saveSpeedTiers(tiers: SpeedTiers): Promise<void>;
  /** Resolver health, in storage.session (memory only, gone when the browser closes; health-state.ts). */
  loadHealth(): Promise<unknown>;
  saveHealth(health: StoredHealth): Promise<void>;
}

export function createDnsStore(): DnsStore {
  const local = browser.storage.local;
  return {
    async load(randomBytes) {
      const stored = await local.get([KEYS.settings, KEYS.secret, KEYS.ledger, KEYS.speedTiers]);
      const values = { settings: stored[KEYS.settings], ledger: stored[KEYS.ledger], speedTiers: stored[KEYS.speedTiers] };
      const hex = stored[KEYS.secret];
      if (typeof hex === 'string' && SECRET_HEX.test(hex)) return { ...values, secret: fromHex(hex), secretCreated: false };
      const secret = randomBytes(SECRET_BYTES);
      await local.set({ [KEYS.secret]: toHex(secret) });
      return { ...values, secret, secretCreated: true };
    },
    saveSettings: (settings) => local.set({ [KEYS.settings]: settings }),
    // "Keep no history": the ledger names the sites visited, so it stays in memory only (docs/history.md).
    saveLedger: async (ledger) => ((await historyOff()) ? local.remove(KEYS.ledger) : local.set({ [KEYS.ledger]: ledger })),
    saveSpeedTiers: (tiers) => local.set({ [KEYS.speedTiers]: tiers }),
    // storage.session: Chrome 102+, Firefox 115+ (both below the minimum versions); absent, health stays in memory.
    loadHealth: async () => (await browser.storage.session?.get(KEYS.health))?.[KEYS.health],
    saveHealth: async (health) => void (await browser.storage.session?.set({ [KEYS.health]: health })),
  };
}

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function fromHex(hex: string): Uint8Array {
  return Uint8Array.from(hex.match(/../g) ?? [], (pair) => parseInt(pair, 16));
}
