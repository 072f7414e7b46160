/**
 * Keeping the daily roll-up (model.ts) in step with the page loads: the background adds each write batch to it
 * in the same transaction, and the schema migration builds it once from what was stored before.
 */
import { COUNTERS, zeroCounters, type Counters, type HostContact, type PageLoad } from '../pageload/page-load';
import { dayKey } from './days';
import type { DailySite } from './stored-history';

/** What one batch adds to one (day, site) row. */
export interface DailySiteDelta {
  day: string;
  site: string;
  pageLoads: number;
  hosts: Map<string, Counters>;
}

/**
 * A batch regrouped by (day, site): its new page loads, and its counts (page load → host → counters) under the
 * day and site of their page load. Counts of page loads `loadOf` does not know are left out (the caller drops
 * them from the batch too: a deleted history).
 */
export function rollupDeltas(
  newLoads: readonly PageLoad[],
  deltas: ReadonlyMap<string, ReadonlyMap<string, Counters>>,
  loadOf: (id: string) => PageLoad | undefined,
  dayOf: (ms: number) => string = dayKey,
): DailySiteDelta[] {
  const out = new Map<string, DailySiteDelta>();
  const entry = (load: PageLoad): DailySiteDelta => {
    const day = dayOf(load.startedAt);
    const key = `${day} ${load.site}`;
    let e = out.get(key);
    if (!e) out.set(key, (e = { day, site: load.site, pageLoads: 0, hosts: new Map() }));
    return e;
  };
  for (const load of newLoads) entry(load).pageLoads++;
  for (const [pageLoadId, hosts] of deltas) {
    const load = loadOf(pageLoadId);
    if (load) for (const [host, delta] of hosts) addTo(entry(load).hosts, host, delta);
  }
  return [...out.values()];
}

/** The roll-up of stored page loads and their contacts (the v3 migration); contacts of unknown loads are skipped. */
export function rollUpContacts(loads: readonly PageLoad[], contacts: readonly HostContact[], dayOf: (ms: number) => string = dayKey): DailySite[] {
  const byId = new Map(loads.map((l) => [l.id, l]));
  const deltas = new Map<string, Map<string, Counters>>();
  for (const c of contacts) {
    if (!byId.has(c.pageLoadId)) continue;
    let hosts = deltas.get(c.pageLoadId);
    if (!hosts) deltas.set(c.pageLoadId, (hosts = new Map()));
    addTo(hosts, c.host, readCounters(c));
  }
  return rollupDeltas(loads, deltas, (id) => byId.get(id), dayOf).map((d) => addToRow(undefined, d));
}

/** A stored row plus a delta; hosts new to the row are appended. */
export function addToRow(row: DailySite | undefined, delta: DailySiteDelta): DailySite {
  const hosts = new Map<string, Counters>();
  row?.hosts.forEach((host, i) => hosts.set(host, countersAt(row, i)));
  for (const [host, d] of delta.hosts) addTo(hosts, host, d);
  const names = [...hosts.keys()];
  const counters: DailySite['counters'] = {};
  for (const c of COUNTERS) {
    const values = names.map((h) => hosts.get(h)?.[c] ?? 0);
    if (c === 'requests' || values.some((v) => v !== 0)) counters[c] = values;
  }
  return { day: delta.day, site: delta.site, pageLoads: (row?.pageLoads ?? 0) + delta.pageLoads, hosts: names, counters };
}

/** The counters of the row's i-th host; those the row leaves out read as 0. */
export function countersAt(row: DailySite, i: number): Counters {
  const counters = zeroCounters();
  for (const c of COUNTERS) counters[c] = row.counters[c]?.[i] ?? 0;
  return counters;
}

/** Counters of a stored contact row; those it lacks read as 0. */
export function readCounters(row: Partial<Counters> | undefined): Counters {
  const counters = zeroCounters();
  for (const c of COUNTERS) counters[c] = row?.[c] ?? 0;
  return counters;
}

function addTo(hosts: Map<string, Counters>, host: string, delta: Counters): void {
  const sum = hosts.get(host);
  if (!sum) hosts.set(host, { ...delta });
  else for (const c of COUNTERS) sum[c] += delta[c];
}
