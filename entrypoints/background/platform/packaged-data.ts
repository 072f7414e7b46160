import { browser } from 'wxt/browser';

/**
 * A JSON file generated into the package at build time (data/*.json), read at most once per worker start:
 * a packaged file, so nothing is fetched from the network. A failed read is retried on the next call.
 */
export function packagedJson<T>(path: string, what: string): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    // Generated at build time, so WXT's typed list of public paths does not know it.
    const url = (browser.runtime.getURL as (path: string) => string)(path);
    loading ??= fetch(url)
      .then((response) => response.json() as Promise<T>)
      .catch((error: unknown) => {
        loading = undefined;
        throw new Error(`The ${what} of this build could not be read: ${String(error)}`);
      });
    return loading;
  };
}
