/**
 * The pages bench:memory and bench:memory-firefox load: each a new site with 10 subdomains of its own (which
 * Diffuse looks up, over two local DoH servers answering `MEMORY_ZONE`) and 20 third-party hosts drawn from 600
 * (as the web's few big third parties recur).
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
