import { browser } from 'wxt/browser';

/**
 * A JSON file generated into the package at build time (data/*.json), read when asked: a packaged file, so nothing
 * is fetched from the network. Callers asking while it loads share one read; a failed read is retried on the next
 * call. Once read, the value is held weakly: each caller keeps what it needs (the attributors their compiled form,
 * the rule table's users nothing between uses), so the parsed JSON (1.6 MB of text for the four files) is not
 * kept beside them for the worker's life: a fresh Chrome worker's heap after a GC went from 5.7 to 5.1 MB (two
 * readings, 6 s after start). Read again if collected.
 */
export function packagedJson<T extends object>(path: string, what: string): () => Promise<T> {
  let loading: Promise<T> | undefined;
  let held: WeakRef<T> | undefined;
  return () => {
    const kept = held?.deref();
    if (kept) return Promise.resolve(kept);
    // Generated at build time, so WXT's typed list of public paths does not know it.
    const url = (browser.runtime.getURL as (path: string) => string)(path);
    loading ??= fetch(url)
      .then((response) => response.json() as Promise<T>)
      .then(
        (value) => {
          held = new WeakRef(value);
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
