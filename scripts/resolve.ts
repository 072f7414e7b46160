/**
 * `npm run -s resolve -- [--resolver URL]... [--strategy S] [--site SITE] [--ca FILE] NAME...`
 * Looks names up through the same ResolverPool the extension uses, over HTTP/2 or HTTP/1.1 as each resolver
 * negotiates, and prints one JSON object per name (see scripts/cli/resolve-args.ts for the exit status).
 */
import { performance } from 'node:perf_hooks';
import { exitCodeFor, lookupName, type LookupOutcome } from './cli/lookup-name';
import { createNodePool, readCaFiles } from './cli/node-pool';
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
  const ca = await readCaFiles(args.caFiles);
  if (!ca.ok) {
    process.stderr.write(`resolve: ${ca.error}\n`);
    return 2;
  }
  const { pool, close } = createNodePool({ resolvers: args.resolvers, extraCa: ca.pems, strategy: args.strategy });
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
    close();
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
