import { browser } from 'wxt/browser';
import { OperatorMemory } from '@/utils/infra/operator-memory';
import { registrableDomain } from '@/utils/site/registrable-domain';
import type { HistoryFollower } from '@/utils/history/history-follower';
import { historyOff } from './history-settings-store';

const KEY = 'hostOperators';
/** Saved at most this long after a change, so a busy page costs one write, not one per host. */
const SAVE_DELAY_MS = 1_000;

export interface OperatorStore {
  memory(): Promise<OperatorMemory>;
  remember(host: string, operator: string | null): void;
  /** Host names say where the user went: the memory is pruned, emptied and forgotten with history (stored at once). */
  follower: HistoryFollower;
}

/** The only owner of the `hostOperators` key of storage.local: host → infrastructure operator, with last-seen times. */
export function createOperatorStore(now: () => number = () => Date.now()): OperatorStore {
  const loading = browser.storage.local.get(KEY).then(
    (stored) => OperatorMemory.fromJSON(stored[KEY], now()),
    () => new OperatorMemory(),
  );
  let timer: ReturnType<typeof setTimeout> | undefined;
  // "Keep no history": host names say where the user went, so the memory stays in this worker only (docs/history.md).
  const save = async (memory: OperatorMemory) => ((await historyOff()) ? browser.storage.local.remove(KEY) : browser.storage.local.set({ [KEY]: memory.toJSON() }));
  /** Applies a history change and stores it at once when it removed anything. */
  const follow = async (change: (memory: OperatorMemory) => number) => {
    const memory = await loading;
    if (change(memory) > 0) await save(memory);
  };
  return {
    memory: () => loading,
    remember: (host, operator) => {
      const at = now(); // when it was seen, not when storage finished loading
      void loading.then((memory) => {
        if (!memory.remember(host, operator, at) || timer) return;
        timer = setTimeout(() => {
          timer = undefined;
          void save(memory).catch((error) => console.error('Diffuse: could not store operators', error));
        }, SAVE_DELAY_MS);
      });
    },
    follower: {
      pruneBefore: (time) => follow((memory) => memory.pruneBefore(time)),
      deleteAll: () => follow((memory) => memory.clear()),
      forgetSite: (site) => follow((memory) => memory.forgetHosts((host) => registrableDomain(host) === site)),
    },
  };
}
