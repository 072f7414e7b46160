import { parseManagedConfig, type ManagedConfig } from '@/utils/settings/managed-config';
import type { Capability } from '../platform/capability';
import type { CompanionService } from '../companion/companion-service';
import type { DnsService } from '../dns/dns-service';
import type { ManagedStore } from '../store/managed-store';
import { saveHistorySettings } from '../store/history-settings-store';

export interface ManagedDeps {
  store: ManagedStore;
  dns: DnsService;
  companion: CompanionService;
  /** Runs after a managed retention is stored, so it takes effect at once. */
  prune: () => Promise<void>;
}

/**
 * Managed configuration (docs/managed.md): what a fleet's policy sets is applied at start and whenever the policy
 * changes, and the options page shows it locked. DNS settings: the organization's values are stored as the
 * settings and the DNS service refuses changes to them while managed. The companion's switch and history
 * retention are applied as set.
 */
export function createManagedCapability(deps: ManagedDeps): Capability {
  const apply = async () => {
    const config: ManagedConfig = parseManagedConfig(await deps.store.load());
    if (config.problems.length) console.error('Diffuse: managed settings left out:', config.problems.join(' '));
    await deps.dns.setManaged(config.dns);
    if (config.companion !== undefined) await deps.companion.set({ enabled: config.companion });
    if (config.historyRetentionDays !== undefined) {
      await saveHistorySettings({ retentionDays: config.historyRetentionDays });
      await deps.prune();
    }
    // TODO(issue 18, other half): apply config.historyOff once "keep no history" exists.
  };
  const run = () => void apply().catch((error: unknown) => console.error('Diffuse: could not apply managed settings', error));
  return {
    handlers: {},
    start() {
      deps.store.onChange(run);
      run();
    },
  };
}
