/**
 * `npm run -s resolve -- [--resolver URL]... [--strategy S] [--site SITE] [--ca FILE] NAME...`
 * Looks names up through the same ResolverPool the extension uses, over HTTP/2 or HTTP/1.1 as each resolver
 * negotiates, and prints one JSON object per name (see scripts/cli/resolve-args.ts for the exit status).
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { ResolverPool } from '../utils/dns/pool';
import { DEFAULT_RESOLVERS } from '../utils/dns/resolvers';
import { exitCodeFor, lookupName, type LookupOutcome } from './cli/lookup-name';
import { createNodeFetch } from './cli/node-fetch';
import { parseResolveArgs, USAGE } from './cli/resolve-args';

async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseResolveArgs(argv);
  if (!parsed.ok) {
    process.stderr.write(`resolve: ${parsed.error}\n\n${USAGE}\n`);
    return 2;
  }
  const { args } = parsed;
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const extraCa: string[] = [];
  for (const file of args.caFiles) {
    let pem: string;
    try {
      pem = readFileSync(file, 'utf8');
    } catch (error) {
      process.stderr.write(`resolve: cannot read --ca ${file}: ${error instanceof Error ? error.message : String(error)}\n`);
      return 2;
    }
    if (!pem.includes('-----BEGIN CERTIFICATE-----')) {
      process.stderr.write(`resolve: --ca ${file} holds no PEM certificate.\n`);
      return 2;
    }
    extraCa.push(pem);
  }

  const fetch = createNodeFetch({ extraCa });
  const pool = new ResolverPool({
    fetch,
    now: () => performance.now(),
    random: Math.random,
    // A CLI run has no stored install secret: a fresh one per process, so which resolver gets which site is
    // unpredictable to others, and stable only within the run (like the extension's, but not persisted).
    secret: crypto.getRandomValues(new Uint8Array(32)),
    resolvers: args.resolvers.length > 0 ? args.resolvers : DEFAULT_RESOLVERS.map((r) => r.url),
    strategy: args.strategy,
  });
  const outcomes: LookupOutcome[] = [];
  try {
    // One name after another: output follows the command line, and a repeated name is served from the cache.
    for (const name of args.names) {
      const outcome = await lookupName(pool, name, args.site, () => performance.now());
      outcomes.push(outcome);
      if (outcome.ok) {
        process.stdout.write(`${JSON.stringify(outcome.line)}\n`);
        if (outcome.line.rcode === 'NXDOMAIN') process.stderr.write(`resolve: ${outcome.line.name}: NXDOMAIN (the name does not exist)\n`);
      } else {
        process.stderr.write(`resolve: ${outcome.message}\n`);
      }
    }
  } finally {
    fetch.close();
  }
  return exitCodeFor(outcomes);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`resolve: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
