import type { Attributor } from '@/utils/attribution/table-types';
import { allFollowers, type HistoryFollower } from '@/utils/history/history-follower';
import type { OperatorMemory } from '@/utils/infra/operator-memory';
import type { HistoryMessages } from '@/utils/messages/history-messages';
import type { Capability } from '../platform/capability';
import type { HistoryStore } from '../store/history-store';
import { createHistoryHandlers } from './handlers';
import { pruneHistory, startHistoryPruning } from './history-pruner';

export interface HistoryCapability extends Capability<keyof HistoryMessages> {
  /** Deletes what the retention setting no longer keeps (settings/ calls it after importing a retention). */
  prune(): Promise<void>;
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
}

/** History over time (docs/history.md): the dashboard's views and exports, retention, delete all, forget a site. */
export function createHistoryCapability(deps: HistoryDeps): HistoryCapability {
  const follower = allFollowers(...deps.followers);
  const now = () => Date.now();
  const prune = () => pruneHistory(deps.history, follower, now());
  return {
    prune,
    handlers: createHistoryHandlers({
      history: deps.history,
      flush: () => deps.pageloads.flush(),
      forgetCurrent: (site) => deps.pageloads.forgetSite(site),
      attributor: deps.attributor,
      operators: deps.operators,
      follower,
      prune,
      now,
      unsaved: deps.unsaved,
    }),
    start() {
      startHistoryPruning(deps.history, follower, deps.firstSinceLoad);
    },
  };
}
