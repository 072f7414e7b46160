import { browser } from 'wxt/browser';
import { createAttributor } from '@/utils/attribution/lookup';
import type { AttributionTable, Attributor } from '@/utils/attribution/table-types';

/**
 * The host → company table, compiled at build time into the extension (data/attribution.json) and read
 * once per worker start: a packaged file, so nothing is fetched from the network.
 */
export function loadAttributor(): () => Promise<Attributor> {
  let loading: Promise<Attributor> | undefined;
  return () => {
    // Generated at build time, so WXT's typed list of public paths does not know it.
    const url = (browser.runtime.getURL as (path: string) => string)('/data/attribution.json');
    loading ??= fetch(url)
      .then((response) => response.json() as Promise<AttributionTable>)
      .then(createAttributor)
      .catch((error: unknown) => {
        loading = undefined; // a later call tries again rather than keep a failure forever
        throw new Error(`The company data of this build could not be read: ${String(error)}`);
      });
    return loading;
  };
}
