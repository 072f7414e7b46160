/**
 * The companion's resolver pool from the extension's `configure`: the same ResolverPool, the same secret, list,
 * strategy and re-keying period as the extension's own (entrypoints/background/dns/dns-service.ts), so a site's
 * lookups go to the resolver the extension would choose for it, whichever of the two asks.
 */
import { ResolverPool } from '../utils/dns/pool/pool';
import type { FetchLike } from '../utils/dns/pool/doh-client';
import { DAY_MS } from '../utils/dns/settings/dns-settings';
import { secretBytes, type ConfigureMessage } from './protocol';

export interface PoolDeps {
  fetch: FetchLike;
  now: () => number;
  random: () => number;
}

export interface ConfiguredPool {
  config: ConfigureMessage;
  pool: ResolverPool;
}

/**
 * The pool for `config`. A later configure with the same secret and period keeps the running pool (its caches and
 * resolver health) and changes its list and strategy; a new secret or period needs a new selector, so a new pool.
 */
export function configurePool(config: ConfigureMessage, deps: PoolDeps, previous?: ConfiguredPool): ConfiguredPool {
  if (previous && previous.config.secret === config.secret && previous.config.rekeyDays === config.rekeyDays) {
    previous.pool.setResolvers(config.resolvers);
    previous.pool.strategy = config.strategy;
    return { config, pool: previous.pool };
  }
  const pool = new ResolverPool({
    fetch: deps.fetch,
    now: deps.now,
    random: deps.random,
    secret: secretBytes(config.secret),
    resolvers: config.resolvers,
    strategy: config.strategy,
    rekeyPeriodMs: config.rekeyDays * DAY_MS,
  });
  return { config, pool };
}
