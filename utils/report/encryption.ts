/**
 * Encryption at a glance for one page load: how many requests went in clear text (by scheme, known in every
 * browser), and, where the browser describes connections (Firefox's webRequest.getSecurityInfo), how many used
 * TLS 1.3, Encrypted Client Hello and a private (DoH) lookup in the browser's own DNS.
 */
import { counted, formatNumber } from '../i18n/plural';
import type { Translate } from '../i18n/translator';
import { byRequestsThenHost, type Counters } from '../pageload/page-load';
import type { Attributor } from '../attribution/table-types';

export interface ClearTextCompany {
  /** Parent company, or null when the owner is unknown. */
  company: string | null;
  requests: number;
  hosts: { host: string; requests: number }[];
}

export interface EncryptionSummary {
  requests: number;
  clear: number;
  /** Responses whose connection the browser described (0 where it cannot). */
  secured: number;
  tls13: number;
  ech: number;
  privateDns: number;
  /** Whether this browser describes connections at all (Firefox yes, Chrome no). */
  connectionDetails: boolean;
  /** Clear-text requests by company, most first: their content crossed the network readable. */
  clearByCompany: ClearTextCompany[];
}

export function summarizeEncryption(
  hosts: readonly ({ host: string } & Partial<Counters>)[],
  attribute: Attributor,
  connectionDetails: boolean,
): EncryptionSummary {
  const sum = (key: keyof Counters) => hosts.reduce((n, h) => n + (h[key] ?? 0), 0);
  const byCompany = new Map<string | null, ClearTextCompany>();
  for (const h of hosts) {
    if (!h.clear) continue;
    const company = attribute(h.host)?.organization ?? null;
    let group = byCompany.get(company);
    if (!group) byCompany.set(company, (group = { company, requests: 0, hosts: [] }));
    group.requests += h.clear;
    group.hosts.push({ host: h.host, requests: h.clear });
  }
  const clearByCompany = [...byCompany.values()]
    .map((g) => ({ ...g, hosts: g.hosts.sort(byRequestsThenHost) }))
    // Unknown owners last: a named company is the more useful line to read first.
    .sort((a, b) => Number(a.company === null) - Number(b.company === null) || b.requests - a.requests || String(a.company).localeCompare(String(b.company)));
  return {
    requests: sum('requests'),
    clear: sum('clear'),
    secured: sum('secured'),
    tls13: sum('tls13'),
    ech: sum('ech'),
    privateDns: sum('privateDns'),
    connectionDetails,
    clearByCompany,
  };
}


/**
 * The one line: "All 42 requests encrypted; 38 over TLS 1.3; 12 hid the site name with ECH; DNS for 0 of 42
 * connections was private." Parts about connections appear only where the browser describes them.
 */
export function encryptionLine(s: EncryptionSummary, t: Translate): string {
  if (s.requests === 0) return t('encNoRequests') + t('encEnd');
  let line = s.clear === 0 ? counted(t, 'encAll', s.requests) : counted(t, 'encClear', s.requests, [formatNumber(s.clear, t)]);
  if (s.secured > 0) {
    line += t('encTls13', [formatNumber(s.tls13, t)]);
    line += counted(t, 'encEch', s.ech);
    line += counted(t, 'encDnsOf', s.secured, [formatNumber(s.privateDns, t)]);
  }
  return line + t('encEnd');
}
