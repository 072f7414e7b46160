import { randomInt, randomLabel, seededRandom, zipfSampler } from './dns-random';

/**
 * A synthetic browsing history for the diffusion benchmark, reproducible from its seed. Sites are visited
 * with Zipf-distributed popularity; each site has a few first-party host names and a fixed set of third
 * parties (themselves Zipf-popular, so a few analytics and CDN domains appear on most sites, as on the real
 * web), each with one to three host names. A page load looks up all of its site's names.
 */
export interface TraceOptions {
  seed: number;
  days: number;
  loadsPerDay: number;
  /** Sites the user could visit, ranked by popularity. */
  siteUniverse: number;
  siteZipf: number;
  /** Third-party domains sites embed, ranked by how many sites embed them. */
  thirdPartyUniverse: number;
  thirdPartyZipf: number;
  /** Third-party domains per site: uniform in this range. */
  thirdPartiesPerSite: [number, number];
}

export const DEFAULT_TRACE: TraceOptions = {
  seed: 42,
  days: 30,
  loadsPerDay: 300,
  siteUniverse: 20_000,
  siteZipf: 1.1,
  thirdPartyUniverse: 2_000,
  thirdPartyZipf: 1.0,
  thirdPartiesPerSite: [2, 25],
};

export interface PageLoad {
  day: number;
  /** Time within the trace in ms (for re-keying periods). */
  at: number;
  /** The top-level site (registrable domain). */
  site: string;
  /** Every name the page load looks up: first-party names, then third-party ones. */
  names: readonly string[];
}

const TLDS = ['com', 'net', 'org', 'de', 'fr', 'co.uk', 'io', 'com.au'];
const FIRST_PARTY_HOSTS = ['www', 'static', 'img', 'api', 'cdn', 'm'];
const THIRD_PARTY_HOSTS = ['www', 'cdn', 'px', 'sdk', 'stats'];

export function syntheticTrace(options: TraceOptions = DEFAULT_TRACE): PageLoad[] {
  const random = seededRandom(options.seed);
  const nextSite = zipfSampler(random, options.siteUniverse, options.siteZipf);
  const nextThirdParty = zipfSampler(random, options.thirdPartyUniverse, options.thirdPartyZipf);
  const domain = (prefix: string, rank: number) => `${prefix}${rank}-${randomLabel(random, 4)}.${TLDS[rank % TLDS.length]}`;
  const thirdPartyNames = new Map<number, string[]>();
  const thirdParty = (rank: number): string[] => {
    let names = thirdPartyNames.get(rank);
    if (!names) {
      const base = domain('tp', rank);
      names = firstN(THIRD_PARTY_HOSTS, randomInt(random, 1, 3)).map((host) => `${host}.${base}`);
      thirdPartyNames.set(rank, names);
    }
    return names;
  };
  const sites = new Map<number, { site: string; names: string[] }>();
  const siteAt = (rank: number) => {
    let entry = sites.get(rank);
    if (!entry) {
      const site = domain('site', rank);
      const own = firstN(FIRST_PARTY_HOSTS, randomInt(random, 1, 4)).map((host) => `${host}.${site}`);
      const embedded = new Set<number>();
      const [min, max] = options.thirdPartiesPerSite;
      for (let i = randomInt(random, min, max); i > 0; i--) embedded.add(nextThirdParty());
      entry = { site, names: [...own, ...[...embedded].flatMap(thirdParty)] };
      sites.set(rank, entry);
    }
    return entry;
  };
  const loads: PageLoad[] = [];
  for (let day = 0; day < options.days; day++) {
    for (let i = 0; i < options.loadsPerDay; i++) {
      const { site, names } = siteAt(nextSite());
      loads.push({ day, at: day * 86_400_000 + Math.floor((i / options.loadsPerDay) * 86_400_000), site, names });
    }
  }
  return loads;
}

function firstN<T>(items: readonly T[], n: number): T[] {
  return items.slice(0, n);
}
