/**
 * Who owns what, as far as the datasets say: trackerdb names parent companies; third-party-web mostly
 * names products ("Facebook", "YouTube", "Bing Ads"). This module resolves both to one canonical
 * company name, trackerdb's spelling, so a page's requests roll up to "Meta" and "Google".
 */
import { domainKey } from './host-names';
import type { ThirdPartyWebEntity, TrackerDbData } from './table-types';

/**
 * Names third-party-web uses for a product or a former company name, mapped to the trackerdb
 * organization that owns it today. Only needed when an entity shares no domain with trackerdb;
 * a test checks every target is a trackerdb organization name.
 */
export const PARENT_ALIASES: Readonly<Record<string, string>> = {
  Facebook: 'Meta', // Facebook, Inc. became Meta Platforms in 2021
  Instagram: 'Meta', // acquired 2012
  WhatsApp: 'Meta', // acquired 2014
  YouTube: 'Google', // acquired 2006
  'Bing Ads': 'Microsoft', // now "Microsoft Advertising"
  LinkedIn: 'Microsoft', // acquired 2016
  Twitter: 'X Corp.', // renamed 2023
  'Yahoo!': 'Yahoo',
  'Adobe Systems': 'Adobe', // renamed Adobe Inc. in 2018
  'Amazon Web Services': 'Amazon', // AWS is an Amazon subsidiary
  // Products third-party-web lists inside their maker's namespace (hm.baidu.com, cdnjs.cloudflare.com):
  // once the most specific entry wins, they would otherwise appear as a second company beside the maker.
  'Baidu Analytics': 'Baidu',
  'Cloudflare CDN': 'Cloudflare',
  'Google FundingChoices': 'Google', // Google's consent-management platform
  'Quantcast Choice': 'Quantcast',
  'PollDaddy (Automattic)': 'Automattic',
  Level3: 'Level 3 Communications, Inc.',
};

export interface OwnerIndex {
  /** Owner of the trackerdb entry for exactly this domain key. */
  exactOwner(domain: string): string | undefined;
  /** The longest trackerdb key that is a proper suffix of `domain`, with its owner. */
  covering(domain: string): { key: string; owner: string } | undefined;
  /** The company behind a third-party-web entity. */
  entityOwner(entity: ThirdPartyWebEntity): string;
}

export function createOwnerIndex(db: TrackerDbData): OwnerIndex {
  const orgByName = new Map<string, string>();
  for (const org of Object.values(db.organizations)) orgByName.set(org.name.toLowerCase(), org.name);

  // A pattern without an organization is its own owner (trackerdb knows the service, not a parent);
  // if its name is an organization's name, it is that organization.
  const patternOwner = new Map<string, string>();
  const productOwnerByName = new Map<string, string>();
  for (const [id, p] of Object.entries(db.patterns)) {
    const org = p.organization === null ? undefined : db.organizations[p.organization]?.name;
    patternOwner.set(id, org ?? orgByName.get(p.name.toLowerCase()) ?? p.name);
    if (org !== undefined && !productOwnerByName.has(p.name.toLowerCase())) productOwnerByName.set(p.name.toLowerCase(), org);
  }

  const ownerByDomain = new Map<string, string>();
  for (const [domain, patternId] of Object.entries(db.domains)) {
    const key = domainKey(domain);
    const owner = patternOwner.get(patternId);
    if (key !== null && owner !== undefined) ownerByDomain.set(key, owner);
  }

  function covering(domain: string): { key: string; owner: string } | undefined {
    for (let dot = domain.indexOf('.'); dot !== -1; dot = domain.indexOf('.', dot + 1)) {
      const key = domain.slice(dot + 1);
      const owner = ownerByDomain.get(key);
      if (owner !== undefined) return { key, owner };
    }
    return undefined;
  }

  /** A name as a known company: alias, then organization name, then a trackerdb product's owner. */
  function knownCompany(name: string | undefined): string | undefined {
    if (name === undefined || name === '') return undefined;
    const aliased = PARENT_ALIASES[name] ?? name;
    return orgByName.get(aliased.toLowerCase()) ?? productOwnerByName.get(aliased.toLowerCase());
  }

  function entityOwner(entity: ThirdPartyWebEntity): string {
    // 1. Shared domains: what trackerdb says about exactly the entity's own domains. Only exact keys
    // vote: a covering suffix names whoever runs the namespace, not the entity (IAB's consensu.org
    // hosts ~60 vendors' consent managers; cloudfront.net hosts anyone). A clear majority wins; a
    // split vote (entities lumping several companies' domains) falls through to the names.
    const votes = new Map<string, number>();
    let total = 0;
    for (const entry of entity.domains) {
      const key = domainKey(entry);
      if (key === null) continue;
      const owner = ownerByDomain.get(key);
      if (owner === undefined) continue;
      votes.set(owner, (votes.get(owner) ?? 0) + 1);
      total += 1;
    }
    for (const [owner, count] of votes) if (count * 2 > total) return owner;
    // 2. Names: the entity's company field, then its own name, through the aliases.
    const named = knownCompany(entity.company) ?? knownCompany(entity.name);
    if (named !== undefined) return named;
    // 3. Not in trackerdb at all: third-party-web's own answer is the owner.
    const own = entity.company !== undefined && entity.company !== '' ? entity.company : entity.name;
    return PARENT_ALIASES[own] ?? own;
  }

  return { exactOwner: (d) => ownerByDomain.get(d), covering, entityOwner };
}
