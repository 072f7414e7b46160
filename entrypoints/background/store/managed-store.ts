import { browser } from 'wxt/browser';
import { within } from '@/utils/async/within';

/**
 * storage.managed: what a fleet's policy sets (docs/managed.md), read-only for the extension. Chrome fills it from
 * the `3rdparty` → `extensions` → <id> policy checked against public/managed-schema.json; Firefox from
 * policies.json "3rdparty". Without a policy Firefox rejects the read ("Managed storage manifest not found"):
 * that is no policy, read as empty.
 *
 * Chromium can take seconds to answer: ~3.3 s after the browser starts, and measured over 4 s mid-session on a
 * busy machine (the dashboard's "Delete all" answered only then, since its view shows what is locked). So the
 * policy is read once per worker and after each change, and a view waits for it at most MANAGED_VIEW_WAIT_MS,
 * then shows the copy kept in storage.local from the last answer. Edits and imports always wait for the answer.
 */
export const MANAGED_VIEW_WAIT_MS = 250;

/** The storage.local key of the last policy the browser answered. */
const COPY_KEY = 'managedCopy';

export interface ManagedStore {
  /** The policy as the browser answers it: read once per worker and again after each change. */
  load(): Promise<unknown>;
  /** For views: the policy if the browser answers within MANAGED_VIEW_WAIT_MS, else the last answer kept ({} if none). */
  recent(): Promise<unknown>;
  /** Calls `listener` whenever an administrator changes the policy (storage.onChanged, area 'managed'). */
  onChange(listener: () => void): void;
}

export function createManagedStore(): ManagedStore {
  let answer: Promise<unknown> | undefined;
  const ask = async (): Promise<unknown> => {
    const managed = (browser.storage as unknown as { managed?: { get(): Promise<Record<string, unknown>> } }).managed;
    const policy = managed ? await managed.get().catch(() => ({})) : {};
    // Kept for the next worker's views; a failed write only means they may wait for the browser again.
    await browser.storage.local.set({ [COPY_KEY]: policy }).catch(() => undefined);
    return policy;
  };
  const load = () => (answer ??= ask());
  const copy = async () => ((await browser.storage.local.get(COPY_KEY))[COPY_KEY] as unknown) ?? {};
  return {
    load,
    recent: async () => (await within(load(), MANAGED_VIEW_WAIT_MS)) ?? copy(),
    onChange: (listener) =>
      browser.storage.onChanged.addListener((_changes, area) => {
        if (area !== 'managed') return;
        answer = undefined;
        listener();
      }),
  };
}
