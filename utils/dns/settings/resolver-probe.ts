import { MAX_TIMEOUT_MS, resolveOnce, type FetchLike } from '../pool/doh-client';

/**
 * A name every resolver answers (or denies: NXDOMAIN is an answer too) and that says nothing about the user:
 * a resolver new to the list must answer it before it is saved, so a typo cannot silently break lookups.
 */
export const PROBE_NAME = 'example.com';

/** null when `url` answered the probe query, else why not (the resolver's own failure message). */
export async function probeResolver(fetch: FetchLike, now: () => number, url: string): Promise<string | null> {
  try {
    await resolveOnce({ fetch, template: url, name: PROBE_NAME, type: 'A', timeoutMs: MAX_TIMEOUT_MS, now });
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
