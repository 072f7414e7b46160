import type { HistoryFollower } from '@/utils/history/history-follower';
import type { DnsMessages } from '@/utils/messages/dns-messages';
import type { Capability } from '../platform/capability';
import type { DnsStore } from '../store/dns-store';
import { createDnsService, type DnsService } from './dns-service';
import { createDnsHandlers } from './handlers';

export interface DnsCapability extends Capability<keyof DnsMessages> {
  /** The resolver pool, lent to names/ for its lookups. */
  service: DnsService;
  /** The exposure ledger says which sites were looked up: it is pruned, deleted and forgotten with history. */
  follower: HistoryFollower;
}

/** Diffuse's own DNS: the DoH resolver pool with the user's settings, its keyed selection and exposure ledger (docs/dns.md). */
export function createDnsCapability(deps: { store: DnsStore }): DnsCapability {
  const service = createDnsService(deps.store);
  return {
    service,
    handlers: createDnsHandlers(service),
    follower: {
      pruneBefore: (time) => service.pruneLedgerBefore(time),
      deleteAll: () => service.clearLedger().then(() => undefined),
      forgetSite: (site) => service.forgetSite(site),
    },
    // Storage is read by the first lookup or message that needs it.
    start() {},
  };
}
