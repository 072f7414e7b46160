import { validateResolverUrl } from '../../utils/dns/settings/resolvers';
import { isStrategy, STRATEGIES, type Strategy } from '../../utils/dns/pool/selection';

/** The command line of `npm run -s resolve`, parsed. Pure: no I/O, so it is tested without spawning. */
export interface ResolveArgs {
  /** Normalised resolver URLs; empty means the defaults. */
  resolvers: string[];
  strategy: Strategy;
  /** Top-level site the lookups are made for; undefined: each name's own registrable domain. */
  site: string | undefined;
  /** Paths of extra PEM CA files to trust. */
  caFiles: string[];
  names: string[];
  help: boolean;
}

export type ParsedArgs = { ok: true; args: ResolveArgs } | { ok: false; error: string };

export const USAGE = `Usage: npm run -s resolve -- [options] NAME...

Looks each NAME up (A and AAAA) through Diffuse's resolver pool and prints one JSON object per line:
{"name","site","resolver","rcode","addresses","cname","ttl","ms","cached"}

Options:
  --resolver URL   DoH resolver (RFC 8484 URL or template); repeat for several. Default: Diffuse's defaults.
  --strategy S     ${STRATEGIES.join(' | ')} (default: site)
  --site SITE      top-level site the lookups are made for (default: each name's own registrable domain)
  --ca FILE        also trust this PEM CA certificate (repeatable), e.g. for a local test resolver
  -h, --help       this text

Exit status: 0 every name answered; 3 a name does not exist (NXDOMAIN, still printed);
1 no resolver could answer a name (message on stderr); 2 bad command line.`;

const WITH_VALUE = new Set(['--resolver', '--strategy', '--site', '--ca']);

export function parseResolveArgs(argv: readonly string[]): ParsedArgs {
  const args: ResolveArgs = { resolvers: [], strategy: 'site', site: undefined, caFiles: [], names: [], help: false };
  let optionsEnded = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (optionsEnded || !arg.startsWith('-') || arg === '-') {
      args.names.push(arg);
      continue;
    }
    if (arg === '--') {
      optionsEnded = true;
      continue;
    }
    if (arg === '-h' || arg === '--help') {
      args.help = true;
      continue;
    }
    // Both `--option value` and `--option=value`.
    const eq = arg.indexOf('=');
    const option = eq > 0 ? arg.slice(0, eq) : arg;
    if (!WITH_VALUE.has(option)) return { ok: false, error: `Unknown option ${option}.` };
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '') return { ok: false, error: `${option} needs a value.` };
    const error = apply(args, option, value);
    if (error) return { ok: false, error };
  }
  if (!args.help && args.names.length === 0) return { ok: false, error: 'Give at least one NAME to look up.' };
  return { ok: true, args };
}

function apply(args: ResolveArgs, option: string, value: string): string | undefined {
  switch (option) {
    case '--resolver': {
      const check = validateResolverUrl(value);
      if (!check.ok) return `--resolver ${value}: ${check.error}`;
      if (!args.resolvers.includes(check.url)) args.resolvers.push(check.url);
      return undefined;
    }
    case '--strategy':
      if (!isStrategy(value)) return `--strategy must be one of ${STRATEGIES.join(', ')} (got ${value}).`;
      args.strategy = value;
      return undefined;
    case '--site':
      args.site = value;
      return undefined;
    case '--ca':
      args.caFiles.push(value);
      return undefined;
  }
  return `Unknown option ${option}.`;
}
