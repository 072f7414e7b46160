import type { Handlers } from '@/utils/messages/contract';
import type { DnsMessages } from '@/utils/messages/dns-messages';
import type { DnsService } from './dns-service';

/** The options page's DNS section: status, settings, a test lookup, clearing the ledger. */
export function createDnsHandlers(service: DnsService): Pick<Handlers, keyof DnsMessages> {
  return {
    'dns.status': () => service.status(),
    'dns.configure': (request) => service.configure(request),
    'dns.resolve': (request) => service.resolve(request),
    'dns.clearLedger': () => service.clearLedger(),
  };
}
