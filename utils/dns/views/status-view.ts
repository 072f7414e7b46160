import type { LookupsVia } from '../settings/dns-settings';
import { resolverLabel } from '../wire/errors';
import type { HealthSnapshot } from '../pool/health';
import type { ExposureSummary } from '../ledger/ledger';
import { knownResolvers, type ResolverInfo } from '../settings/resolvers';
import type { Strategy } from '../pool/selection';
import { weightOfTier, type SpeedTiers } from '../pool/speed-tiers';

/** What one resolver could have learnt: distinct sites and names it was sent, and its share of all of them. */
export type DnsExposure = Omit<ExposureSummary, 'resolver'>;

export interface DnsResolverView {
  /** The URL template, as the pool and the ledger name it. */
  url: string;
  /** Host (and path when unusual), for headings and messages. */
  label: string;
  /** Operator, country and stated policy for a known resolver; null for one the user typed in. */
  info: Omit<ResolverInfo, 'url'> | null;
  health: HealthSnapshot;
  exposure: DnsExposure;
  /** Weight in the hash when faster resolvers are preferred (1, ½, ¼…); 1 until the resolver's speed is known. */
  weight: number;
}

/** The settings page's whole DNS view, answered by `dns.status` (and by `dns.configure` after a change). */
export interface DnsStatus {
  resolvers: DnsResolverView[];
  /** Resolvers no longer in the list that the ledger still holds: what they were sent, they keep. */
  formerResolvers: (DnsExposure & { url: string; label: string })[];
  strategy: Strategy;
  rekeyDays: number;
  preferFast: boolean;
  /** Where uncloaking's lookups go on a browser that offers the choice (Firefox). */
  lookupsVia: LookupsVia;
  /** Known resolvers not in the list, offered as presets. */
  presets: ResolverInfo[];
  /** Stored data that could not be read and was replaced (a sentence each); empty when all is well. */
  problems: string[];
  /** The background's clock when this was taken (ms), to show health times such as a circuit's retry. */
  takenAt: number;
  /** Fields a fleet's policy sets (docs/managed.md): shown locked, "set by your organization". */
  managed: string[];
}

const NO_EXPOSURE: DnsExposure = { queries: 0, sites: 0, names: 0, siteShare: 0, nameShare: 0 };

export function buildDnsStatus(input: {
  resolvers: readonly string[];
  health: readonly HealthSnapshot[];
  exposure: readonly ExposureSummary[];
  strategy: Strategy;
  rekeyDays: number;
  preferFast: boolean;
  lookupsVia: LookupsVia;
  speedTiers: SpeedTiers;
  problems: readonly string[];
  now: number;
  /** Fields a fleet's policy sets; none when left out. */
  managed?: readonly string[];
}): DnsStatus {
  const known = knownResolvers();
  const exposureOf = new Map(input.exposure.map(({ resolver, ...rest }) => [resolver, rest]));
  const healthOf = new Map(input.health.map((h) => [h.resolver, h]));
  const resolvers = input.resolvers.map((url): DnsResolverView => {
    const info = known.get(url);
    const health = healthOf.get(url);
    if (!health) throw new Error(`No health record for ${url}.`);
    return {
      url,
      label: resolverLabel(url),
      info: info ? { operator: info.operator, country: info.country, policy: info.policy } : null,
      health,
      exposure: exposureOf.get(url) ?? NO_EXPOSURE,
      weight: weightOfTier(input.speedTiers[url]),
    };
  });
  const formerResolvers = input.exposure
    .filter((e) => !input.resolvers.includes(e.resolver))
    .map(({ resolver, ...rest }) => ({ url: resolver, label: resolverLabel(resolver), ...rest }));
  const presets = [...known].filter(([url]) => !input.resolvers.includes(url)).map(([, info]) => info);
  return {
    resolvers,
    formerResolvers,
    strategy: input.strategy,
    rekeyDays: input.rekeyDays,
    preferFast: input.preferFast,
    lookupsVia: input.lookupsVia,
    presets,
    problems: [...input.problems],
    takenAt: input.now,
    managed: [...(input.managed ?? [])],
  };
}
