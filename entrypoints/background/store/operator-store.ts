import { browser } from 'wxt/browser';
import { OperatorMemory } from '@/utils/infra/operator-memory';

const KEY = 'hostOperators';
/** Saved at most this long after a change, so a busy page costs one write, not one per host. */
const SAVE_DELAY_MS = 1_000;

/** The only owner of the `hostOperators` key of storage.local: host → infrastructure operator. */
export function createOperatorStore(): { memory: () => Promise<OperatorMemory>; remember: (host: string, operator: string | null) => void } {
  const loading = browser.storage.local.get(KEY).then(
    (stored) => OperatorMemory.fromJSON(stored[KEY]),
    () => new OperatorMemory(),
  );
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    memory: () => loading,
    remember: (host, operator) => {
      void loading.then((memory) => {
        if (!memory.remember(host, operator) || timer) return;
        timer = setTimeout(() => {
          timer = undefined;
          void browser.storage.local.set({ [KEY]: memory.toJSON() }).catch((error) => console.error('Diffuse: could not store operators', error));
        }, SAVE_DELAY_MS);
      });
    },
  };
}
