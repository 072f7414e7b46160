import type { Attributor } from '@/utils/attribution/table-types';
import { allFollowers, type HistoryFollower } from '@/utils/history/history-follower';
import type { OperatorMemory } from '@/utils/infra/operator-memory';
import type { HistoryMessages } from '@/utils/messages/history-messages';
import type { Capability } from '../platform/capability';
import type { HistoryStore } from '../store/history-store';
import type { ManagedStore } from '../store/managed-store';
import { createHistoryHandlers } from './handlers';
import { applyHistorySettings, pruneHistory, startHistoryPruning } from './history-pruner';
import type { HistorySettings } from '@/utils/history/retention';
import { lockedHistoryFields, parseManagedConfig } from '@/utils/settings/managed-config';
import { loadHistorySettings } from '../store/history-settings-store';

export interface HistoryCapability extends Capability<keyof HistoryMessages> {
  /** Deletes what the retention setting no longer keeps (settings/ calls it after importing a retention). */
  prune(): Promise<void>;
  /** Stores a change of retention or "keep no history" and applies it (settings/ and managed/ call it); resolves to the settings before. */
  applySettings(change: Partial<HistorySettings>): Promise<HistorySettings>;
  /** The same for a user's change (a settings file): a value a fleet's policy sets cannot be changed, only kept. */
  applyUserSettings(change: Partial<HistorySettings>): Promise<HistorySettings>;
}

export interface HistoryDeps {
  history: HistoryStore;
  /** pageload/: the pending page-load batch, and the tracker's memory of a forgotten site. */
  pageloads: { flush(): Promise<void>; forgetSite(site: string): Promise<void> };
  attributor: () => Promise<Attributor>;
  /** Host → infrastructure operator as last looked up (names/' lookups). */
  operators: () => Promise<OperatorMemory>;
  /** What must not outlive history: pruned, deleted and forgotten with it. */
  followers: HistoryFollower[];
  /** What could not be written, and why (store/unsaved-history-store.ts). */
  unsaved?: () => Promise<{ reason: string; since: number } | undefined>;
  /** Whether this worker is the first of the extension load (store/worker-start-store.ts): only it prunes at start. */
  firstSinceLoad: () => Promise<boolean>;
  /** The fleet's policy as stored (store/managed-store.ts): the history settings it sets are locked. */
  managed?: Pick<ManagedStore, 'load' | 'recent'>;
}

/** History over time (docs/history.md): the dashboard's views and exports, retention, delete all, forget a site. */
export function createHistoryCapability(deps: HistoryDeps): HistoryCapability {
  const follower = allFollowers(...deps.followers);
  const now = () => Date.now();
  const prune = () => pruneHistory(deps.history, follower, now());
  const flush = () => deps.pageloads.flush();
  const applySettings = (change: Partial<HistorySettings>) => applyHistorySettings(deps.history, follower, flush, change, now());
  const applyUserSettings = async (change: Partial<HistorySettings>) => {
    const [locked, current] = await Promise.all([lockedHistoryFields(parseManagedConfig(await deps.managed?.load())), loadHistorySettings()]);
    const refused = locked.filter((field) => change[field] !== undefined && change[field] !== current[field]);
    if (refused.length) throw new Error(`Set by your organization: ${refused.map((f) => (f === 'off' ? '"keep no history"' : 'history retention')).join(' and ')} cannot be changed here.`);
    return applySettings(change);
  };
  return {
    prune,
    applySettings,
    applyUserSettings,
    handlers: createHistoryHandlers({
      history: deps.history,
      flush,
      applySettings,
      managed: deps.managed,
      forgetCurrent: (site) => deps.pageloads.forgetSite(site),
      attributor: deps.attributor,
      operators: deps.operators,
      follower,
      now,
      unsaved: deps.unsaved,
    }),
    start() {
      startHistoryPruning(deps.history, follower, deps.firstSinceLoad);
    },
  };
}
