/**
 * The resolver pool as the command-line tools build it: Node's fetch over HTTP/2 or HTTP/1.1 (node-fetch.ts),
 * extra CAs from --ca files, and a fresh secret per run (a CLI has no stored install secret, so which resolver
 * gets which site is unpredictable to others and stable only within the run).
 */
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { ResolverPool } from '../../utils/dns/pool/pool';
import { DEFAULT_RESOLVERS } from '../../utils/dns/settings/resolvers';
import type { Strategy } from '../../utils/dns/pool/selection';
import { createNodeFetch } from './node-fetch';

/** The PEM text of each --ca file, or the message saying which file is unusable and why. */
export async function readCaFiles(files: readonly string[]): Promise<{ ok: true; pems: string[] } | { ok: false; error: string }> {
  const pems: string[] = [];
  for (const file of files) {
    let pem: string;
    try {
      pem = await readFile(file, 'utf8');
    } catch (error) {
      return { ok: false, error: `cannot read --ca ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` };
    }
    if (!pem.includes('-----BEGIN CERTIFICATE-----')) return { ok: false, error: `--ca ${file} holds no PEM certificate.` };
    pems.push(pem);
  }
  return { ok: true, pems };
}

/** The pool, and `close` to end its connections when the tool is done. */
export function createNodePool(options: { resolvers: readonly string[]; extraCa: string[]; strategy?: Strategy }): { pool: ResolverPool; close: () => void } {
  const fetch = createNodeFetch({ extraCa: options.extraCa });
  const pool = new ResolverPool({
    fetch,
    now: () => performance.now(),
    random: Math.random,
    secret: crypto.getRandomValues(new Uint8Array(32)),
    resolvers: options.resolvers.length > 0 ? [...options.resolvers] : DEFAULT_RESOLVERS.map((r) => r.url),
    ...(options.strategy ? { strategy: options.strategy } : {}),
  });
  return { pool, close: () => fetch.close() };
}
