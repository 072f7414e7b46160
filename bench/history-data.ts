/**
 * Synthetic browsing history for bench/history.ts: DAYS days × LOADS_PER_DAY page loads, each contacting
 * HOSTS_PER_LOAD hosts. Sites are drawn by Zipf popularity (a few sites visited often, a long tail) and each
 * site contacts the same hosts on every visit (its own two, then third parties: real tracker and CDN domains
 * from the attribution table, and some hosts nobody owns), as real sites do. Seeded: every run is the same.
 */
import type { HostContact, PageLoad } from '../utils/pageload/page-load';
import { attributionTable } from '../scripts/data/datasets';
import { pick, randomInt, seededRandom, zipfSampler } from './dns-random';

export const DAYS = 30;
export const LOADS_PER_DAY = 300;
export const HOSTS_PER_LOAD = 30;
const SITES = 400;
const DAY_MS = 86_400_000;

export interface SyntheticDay {
  loads: PageLoad[];
  contacts: HostContact[];
}

function siteHosts(random: () => number, site: string, thirdParties: readonly string[]): string[] {
  const hosts = new Set([`www.${site}`, `static.${site}`]);
  while (hosts.size < HOSTS_PER_LOAD) hosts.add(pick(random, thirdParties));
  return [...hosts];
}

/** Day 0 is the oldest; the last day is the one `now` falls in. */
export function* syntheticHistory(now: number, seed = 6): Generator<SyntheticDay> {
  const random = seededRandom(seed);
  const known = Object.keys(attributionTable().domains).filter((_, i) => i % 97 === 0).slice(0, 600);
  const unknown = Array.from({ length: 120 }, (_, i) => `cdn${i}.unowned-${i % 13}.example`);
  const thirdParties = [...known, ...unknown];
  const sites = Array.from({ length: SITES }, (_, i) => `site-${i}.example`);
  const hostsOf = sites.map((site) => siteHosts(random, site, thirdParties));
  const nextSite = zipfSampler(random, SITES, 1);
  const dayStart = new Date(now).setHours(0, 0, 0, 0);
  let id = 0;
  for (let day = 0; day < DAYS; day++) {
    const start = dayStart - (DAYS - 1 - day) * DAY_MS;
    const loads: PageLoad[] = [];
    const contacts: HostContact[] = [];
    for (let i = 0; i < LOADS_PER_DAY; i++) {
      const s = nextSite();
      const site = sites[s] ?? 'site-0.example';
      // Spread over the waking hours of the day, never past `now` on the last day.
      const startedAt = Math.min(start + 8 * 3_600_000 + Math.floor((i / LOADS_PER_DAY) * 14 * 3_600_000), now - 1000);
      const load: PageLoad = { id: `load-${++id}`, tabId: 1 + (i % 12), url: `https://www.${site}/article/${i}`, site, startedAt };
      loads.push(load);
      for (const host of hostsOf[s] ?? []) {
        const requests = randomInt(random, 1, 6);
        const blocked = host.endsWith('.example') || random() < 0.6 ? 0 : requests;
        contacts.push({ pageLoadId: load.id, host, requests, ...(blocked ? { blocked } : {}) });
      }
    }
    yield { loads, contacts };
  }
}
