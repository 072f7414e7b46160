import { browser } from 'wxt/browser';

/**
 * storage.managed: what a fleet's policy sets (docs/managed.md), read-only for the extension. Chrome fills it from
 * the `3rdparty` → `extensions` → <id> policy checked against public/managed-schema.json; Firefox from
 * policies.json "3rdparty". Without a policy Firefox rejects the read ("Managed storage manifest not found"):
 * that is no policy, read as empty.
 */
export interface ManagedStore {
  load(): Promise<unknown>;
  /** Calls `listener` whenever an administrator changes the policy (storage.onChanged, area 'managed'). */
  onChange(listener: () => void): void;
}

export function createManagedStore(): ManagedStore {
  return {
    load: async () => {
      const managed = (browser.storage as unknown as { managed?: { get(): Promise<Record<string, unknown>> } }).managed;
      if (!managed) return {};
      return managed.get().catch(() => ({}));
    },
    onChange: (listener) =>
      browser.storage.onChanged.addListener((_changes, area) => {
        if (area === 'managed') listener();
      }),
  };
}
