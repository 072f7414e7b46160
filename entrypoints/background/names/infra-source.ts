import type { AsnTable } from '@/utils/infra/asn-table-format';
import type { InfraSuffixes } from '@/utils/infra/compile-suffixes';
import { createInfraAttributor, type InfraAttributor } from '@/utils/infra/operator-lookup';
import { packagedJson } from '../platform/packaged-data';

/** Host → operator from the tables compiled at build time (data/infra-asn.json, data/infra-suffixes.json). */
export function loadInfraAttributor(): () => Promise<InfraAttributor> {
  const asn = packagedJson<AsnTable>('/data/infra-asn.json', 'infrastructure (ASN) data');
  const suffixes = packagedJson<InfraSuffixes>('/data/infra-suffixes.json', 'infrastructure name data');
  let attributor: Promise<InfraAttributor> | undefined;
  return () =>
    (attributor ??= Promise.all([asn(), suffixes()]).then(([table, names]) => createInfraAttributor(table, names), (error: unknown) => {
      attributor = undefined;
      throw error;
    }));
}
