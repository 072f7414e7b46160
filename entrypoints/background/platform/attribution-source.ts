import { createAttributor } from '@/utils/attribution/company-lookup';
import type { AttributionTable, Attributor } from '@/utils/attribution/table-types';
import { packagedJson } from './packaged-data';

/** The host → company table compiled at build time (data/attribution.json). */
export function loadAttributor(): () => Promise<Attributor> {
  const table = packagedJson<AttributionTable>('/data/attribution.json', 'company data');
  let attributor: Promise<Attributor> | undefined;
  return () => (attributor ??= table().then(createAttributor, (error: unknown) => {
    attributor = undefined;
    throw error;
  }));
}
