/**
 * CNAME cloaking: a host (typically a first-party subdomain such as metrics.shop.example) whose CNAME chain
 * leads to a tracker's domain, so that blocking by name misses it. Pure: the chain comes from the resolver
 * pool, the tracker list from cloak-targets.ts.
 */
import type { CloakTarget, CloakTargets } from './cloak-targets';

export interface CloakFinding {
  /** The page's site (registrable domain) the host was contacted from. */
  site: string;
  host: string;
  organization: string;
  organizationId: string;
  category: string;
  /** The chain member that is the tracker's (the first one that matched). */
  target: string;
  /** The whole CNAME chain, host excluded, in resolution order. */
  cnameChain: string[];
}

export interface CloakInput {
  site: string;
  host: string;
  cnameChain: readonly string[];
}

/**
 * The tracker behind `host`, or null. Not a cloak: a host that is itself listed as that tracker (its static
 * rule handles it by name), and a tracker company that runs the site (its own CNAMEs are first party, as the
 * static rules exempt a company's own sites).
 */
export function detectCloak(input: CloakInput, targets: CloakTargets): CloakFinding | null {
  const own: CloakTarget | null = targets.match(input.host);
  for (const name of input.cnameChain) {
    const target = targets.match(name);
    if (!target) continue;
    if (own && own.organizationId === target.organizationId) return null;
    if (targets.runs(target.organizationId, input.site)) return null;
    return {
      site: input.site,
      host: input.host,
      organization: target.organization,
      organizationId: target.organizationId,
      category: target.category,
      target: name,
      cnameChain: [...input.cnameChain],
    };
  }
  return null;
}
