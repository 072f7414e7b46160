import { parseManagedConfig, type ManagedConfig } from '@/utils/settings/managed-config';
import type { Capability } from '../platform/capability';
import type { CompanionService } from '../companion/companion-service';
import type { DnsService } from '../dns/dns-service';
import type { PolicyService } from '../protection/policy-service';
import type { ManagedStore } from '../store/managed-store';
import type { HistorySettings } from '@/utils/history/retention';

export interface ManagedDeps {
  store: Pick<ManagedStore, 'load' | 'onChange'>;
  dns: DnsService;
  companion: CompanionService;
  policies: Pick<PolicyService, 'setManaged'>;
  /** protection/'s tracker-category rulesets: exactly these on, or the defaults when undefined. */
  setCategories: (categories: readonly string[] | undefined) => Promise<void>;
  /** history/'s applySettings: stores a managed retention or "keep no history" and applies it at once. */
  applyHistory: (change: Partial<HistorySettings>) => Promise<unknown>;
}

/**
 * Managed configuration (docs/managed.md): what a fleet's policy sets is applied at start and whenever the policy
 * changes, and the options page shows it locked. DNS settings: the organization's values are stored as the
 * settings and the DNS service refuses changes to them while managed. Tracker categories switch the static rulesets (the defaults come back when the key goes). Per-site policies replace the user's, and
 * protection/ refuses edits and imports of them while managed. The companion's switch is applied and the
 * companion service refuses changes to it; history's retention and "keep no history" are stored and applied, and
 * history/ refuses changes to them.
 */
export function createManagedCapability(deps: ManagedDeps): Capability {
  const apply = async () => {
    const read = deps.store.load().then(parseManagedConfig);
    // Queued before the first await, so at start in the worker's first turn: the popup's policy.edit waits for the
    // list, policy.get at most MANAGED_VIEW_WAIT_MS (PolicyService.view). A list the rule table refuses (an unknown
    // company) is logged and leaves the rest applied.
    const policies = deps.policies.setManaged(read.then((c) => c.policies)).then(
      (refused) => {
        if (refused) console.error('Diffuse: the managed per-site policies are not in force:', refused);
      },
      (error: unknown) => console.error('Diffuse: the managed per-site policies are not in force:', error instanceof Error ? error.message : String(error)),
    );
    // Queued in the same turn, for the same reason: a page's dns.configure or companion.set waits for the policy.
    const locks = Promise.all([deps.dns.setManaged(read.then((c) => c.dns)), deps.companion.setManaged(read.then((c) => c.companion))]);
    locks.catch(() => undefined); // awaited below, once the rest is applied
    const config: ManagedConfig = await read;
    if (config.problems.length) console.error('Diffuse: managed settings left out:', config.problems.join(' '));
    const history: Partial<HistorySettings> = {
      ...(config.historyRetentionDays !== undefined ? { retentionDays: config.historyRetentionDays } : {}),
      ...(config.historyOff !== undefined ? { off: config.historyOff } : {}),
    };
    if (Object.keys(history).length) await deps.applyHistory(history);
    await deps.setCategories(config.protectionCategories);
    await locks;
    await policies;
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
