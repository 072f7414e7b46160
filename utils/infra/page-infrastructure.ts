/**
 * Who serves a page's hosts, the first party included: requests per operator with shares of all the page's
 * requests, and who serves the site itself. Pure; the background supplies each host's attribution.
 */
import type { InfraAttribution } from './operator-lookup';

export interface OperatorShare {
  name: string;
  requests: number;
  /** Fraction (0–1, four decimals) of all the page's requests, first party included. */
  share: number;
  hosts: { host: string; via: InfraAttribution['via']; evidence: string }[];
}

export interface InfrastructureView {
  /** The page's own host and who serves it; operator null when not known (yet). */
  site: { host: string; operator: string | null };
  operators: OperatorShare[];
  /**
   * How many hosts were looked up with no listed operator behind them: a count, as the popup shows it (the names
   * were 11.6 kB of a 500-host page's popup answer, in the benchmark where no host's address is in the data).
   */
  unattributed: { hosts: number; requests: number };
  /** Hosts whose lookup has not finished (or failed): neither attributed nor counted as unattributed. */
  pending: number;
}

export interface HostRequests {
  host: string;
  requests: number;
}

/** `operatorOf` answers undefined while a host's lookup is unfinished, null when it found no operator. */
export function buildInfrastructureView(
  pageHost: string,
  contacts: readonly HostRequests[],
  operatorOf: (host: string) => InfraAttribution | null | undefined,
): InfrastructureView {
  const total = contacts.reduce((n, c) => n + c.requests, 0);
  const byOperator = new Map<string, OperatorShare>();
  const unattributed = { hosts: 0, requests: 0 };
  let pending = 0;
  for (const c of contacts) {
    const found = operatorOf(c.host);
    if (found === undefined) {
      pending++;
      continue;
    }
    if (found === null) {
      unattributed.hosts++;
      unattributed.requests += c.requests;
      continue;
    }
    const row = byOperator.get(found.operator) ?? { name: found.operator, requests: 0, share: 0, hosts: [] };
    row.requests += c.requests;
    row.hosts.push({ host: c.host, via: found.via, evidence: found.evidence });
    byOperator.set(found.operator, row);
  }
  const operators = [...byOperator.values()]
    .map((row) => ({ ...row, share: total > 0 ? Math.round((row.requests / total) * 10_000) / 10_000 : 0 }))
    .sort((a, b) => b.requests - a.requests || (a.name < b.name ? -1 : 1));
  return { site: { host: pageHost, operator: operatorOf(pageHost)?.operator ?? null }, operators, unattributed, pending };
}
