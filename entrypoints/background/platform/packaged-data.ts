import { browser } from 'wxt/browser';

/**
 * A JSON file generated into the package at build time (data/*.json), read when asked: a packaged file, so nothing
 * is fetched from the network. Callers asking while it loads share one read; a failed read is retried on the next
 * call. Once read, the value is held weakly unless `keep`: the attributors keep their compiled form, so their
 * parsed JSON is not kept beside it for the worker's life (read again if collected). `keep` is for a file read
 * on a hot path in its parsed form, where a read after every collection would cost more than the memory.
 */
export function packagedJson<T extends object>(path: string, what: string, { keep = false } = {}): () => Promise<T> {
  let loading: Promise<T> | undefined;
  let held: { deref(): T | undefined } | undefined;
  return () => {
    const kept = held?.deref();
    if (kept) return Promise.resolve(kept);
    // Generated at build time, so WXT's typed list of public paths does not know it.
    const url = (browser.runtime.getURL as (path: string) => string)(path);
    loading ??= fetch(url)
      .then((response) => response.json() as Promise<T>)
      .then(
        (value) => {
          held = keep ? { deref: () => value } : new WeakRef(value);
          loading = undefined;
          return value;
        },
        (error: unknown) => {
          loading = undefined;
          throw new Error(`The ${what} of this build could not be read: ${String(error)}`);
        },
      );
    return loading;
  };
}
