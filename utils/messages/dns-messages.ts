import type { DnsAnswerView } from '../dns/views/answer-view';
import type { DnsConfigErrors, DnsConfigRequest } from '../dns/settings/dns-settings';
import type { DnsStatus } from '../dns/views/status-view';
import type { RecordType } from '../dns/wire/record-type';

export type { DnsAnswerView } from '../dns/views/answer-view';
export type { DnsConfigErrors, DnsConfigRequest } from '../dns/settings/dns-settings';
export type { DnsStatus, DnsResolverView } from '../dns/views/status-view';

/** A refused change comes back as per-field messages (shown beside each field) and leaves everything as it was. */
export type DnsConfigureResult = { ok: true; status: DnsStatus } | { ok: false; errors: DnsConfigErrors };

export interface DnsMessages {
  /** The resolvers (operator, country, policy), their health, what each was sent (the ledger), strategy, re-keying. */
  'dns.status': { request: Record<string, never>; response: DnsStatus };
  /** Sets any of the resolver list, strategy and re-keying period; a resolver new to the list must answer a probe first. */
  'dns.configure': { request: DnsConfigRequest; response: DnsConfigureResult };
  /**
   * Looks a name up through the pool on behalf of a site (the top-level page's); no record type: A and AAAA.
   * `recordType`, not `type`: a message's `type` names the message itself.
   */
  'dns.resolve': { request: { name: string; recordType?: RecordType; site?: string }; response: DnsAnswerView };
  /** Forgets what the ledger recorded (the resolvers do not forget; this only resets the count shown). */
  'dns.clearLedger': { request: Record<string, never>; response: DnsStatus };
}
export const DNS_MESSAGES: Record<keyof DnsMessages, true> = { 'dns.status': true, 'dns.configure': true, 'dns.resolve': true, 'dns.clearLedger': true };
