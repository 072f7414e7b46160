/**
 * What bench:memory and bench:memory-firefox share: the pages they load, each a new site with 10 subdomains of its
 * own (which Diffuse looks up, over two local DoH servers answering `MEMORY_ZONE`) and 20 third-party hosts drawn
 * from 600 (as the web's few big third parties recur); when they read; and how a run is judged against issue 16's
 * goal (≤ 30 MB after 1,000 page loads, and flat after that).
 */
import type { TestServer } from '../tests/e2e/harness/test-server';

/** Publishes page `n` on `server` and returns its address. */
export function publishMemoryPage(server: TestServer, n: number): string {
  const site = `mem${n}-news.com`;
  const hosts = [
    ...Array.from({ length: 10 }, (_, k) => `s${k}.${site}`),
    ...Array.from({ length: 20 }, (_, k) => `cdn${(n * 7 + k * 31) % 600}.memhost-${(n + k) % 600}.net`),
  ];
  const images = hosts.map((h, i) => `<img alt="" width="1" height="1" src="${server.url(h, `/asset/${n}-${i}.png`)}">`).join('');
  server.page(`www.${site}`, '/', `<!doctype html><link rel="icon" href="data:,"><title>${n}</title>${images}`);
  return server.url(`www.${site}`, '/');
}

/** Every name of the pages at 127.0.0.1, as the DoH servers answer Diffuse's lookups. */
export const MEMORY_ZONE = [
  { name: '*.com', type: 'A' as const, data: '127.0.0.1', ttl: 300 },
  { name: '*.net', type: 'A' as const, data: '127.0.0.1', ttl: 300 },
];

/** A reading is taken after 50 loads, then every 250. */
export const isReading = (n: number): boolean => n === 50 || n % 250 === 0;

export const MEMORY_GOAL_MB = 30;

/**
 * One figure's verdict over a run's readings: its value at 1,000 loads (or at the last reading of a shorter run,
 * named as such) against the goal, and whether the last reading is within 10 % of it (flat). `sentence` says both.
 */
export function memoryVerdict(readings: readonly { loads: number; mb: number }[]): { met: boolean; flat: boolean; sentence: string } {
  const goal = readings.find((r) => r.loads === 1000) ?? readings.at(-1)!;
  const last = readings.at(-1)!;
  const met = goal.mb <= MEMORY_GOAL_MB;
  const flat = last.mb <= goal.mb * 1.1;
  const growth = `${last.mb >= goal.mb ? '+' : ''}${(((last.mb - goal.mb) / goal.mb) * 100).toFixed(0)} %`;
  const sentence =
    `after ${goal.loads.toLocaleString('en')} loads ${goal.mb.toFixed(1)} MB (goal ≤ ${MEMORY_GOAL_MB}: ${met ? 'met' : 'NOT met'}); ` +
    `after ${last.loads.toLocaleString('en')}: ${last.mb.toFixed(1)} MB, ${growth} (${flat ? 'flat: within 10 %' : 'NOT flat: more than 10 % up'})`;
  return { met, flat, sentence };
}
