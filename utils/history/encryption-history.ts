/**
 * Encryption over a range, from the daily roll-up: the share of each company's requests sent in clear text, the
 * clear-text share per day, and, where the browser described connections (Firefox), the shares with private DNS
 * and with Encrypted Client Hello. Same counters as the popup (utils/pageload/page-load.ts COUNTERS).
 */
import type { Attributor } from '../attribution/table-types';
import { round4 } from '../report/concentration';
import type { HistorySlice } from './stored-history';

export interface ClearTextByCompany {
  /** Parent company; null for hosts with no known owner. */
  company: string | null;
  requests: number;
  clear: number;
  /** clear / requests (0–1, four decimals). */
  clearShare: number;
}

export interface EncryptionHistory {
  requests: number;
  clear: number;
  /** Companies with at least one clear-text request, most clear-text requests first; unknown owners last. */
  byCompany: ClearTextByCompany[];
  /** Per day with records: requests and how many went in clear text. */
  perDay: { day: string; requests: number; clear: number }[];
  /** Responses whose connection the browser described; 0 where it cannot (Chrome). */
  connections: number;
  privateDnsShare: number;
  echShare: number;
  tls13Share: number;
}

export function encryptionHistory(slice: HistorySlice, attribute: Attributor): EncryptionHistory {
  const companies = new Map<string | null, { requests: number; clear: number }>();
  const days = new Map<string, { day: string; requests: number; clear: number }>();
  const owner = new Map<string, string | null>();
  let connections = 0;
  let privateDns = 0;
  let ech = 0;
  let tls13 = 0;
  for (const row of slice.days) {
    const day = days.get(row.day) ?? { day: row.day, requests: 0, clear: 0 };
    row.hosts.forEach((host, i) => {
      const at = (key: keyof typeof row.counters) => row.counters[key]?.[i] ?? 0;
      if (!owner.has(host)) owner.set(host, attribute(host)?.organization ?? null);
      const company = owner.get(host) ?? null;
      const c = companies.get(company) ?? { requests: 0, clear: 0 };
      c.requests += at('requests');
      c.clear += at('clear');
      companies.set(company, c);
      day.requests += at('requests');
      day.clear += at('clear');
      connections += at('secured');
      privateDns += at('privateDns');
      ech += at('ech');
      tls13 += at('tls13');
    });
    days.set(row.day, day);
  }
  const share = (n: number) => (connections > 0 ? round4(n / connections) : 0);
  const byCompany = [...companies]
    .filter(([, c]) => c.clear > 0)
    .map(([company, c]) => ({ company, requests: c.requests, clear: c.clear, clearShare: round4(c.clear / c.requests) }))
    .sort((a, b) => Number(a.company === null) - Number(b.company === null) || b.clear - a.clear || String(a.company).localeCompare(String(b.company)));
  const perDay = [...days.values()].sort((a, b) => (a.day < b.day ? -1 : 1));
  return {
    requests: perDay.reduce((n, d) => n + d.requests, 0),
    clear: perDay.reduce((n, d) => n + d.clear, 0),
    byCompany,
    perDay,
    connections,
    privateDnsShare: share(privateDns),
    echShare: share(ech),
    tls13Share: share(tls13),
  };
}
