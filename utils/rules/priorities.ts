/**
 * Every declarativeNetRequest priority and rule-id range Diffuse uses, in one table so the interplay can be
 * read (and is pinned by priorities.test.ts) in one place.
 *
 * How the browsers pick a rule (Chrome: developer.chrome.com/docs/extensions/reference/api/declarativeNetRequest
 * #rule-priorities; Firefox: ExtensionDNR.sys.mjs, same order):
 * - the highest `priority` wins; on a tie allow > allowAllRequests > block > upgradeScheme > redirect;
 * - `allowAllRequests` on a main_frame/sub_frame request also covers everything loaded in that frame tree,
 *   except rules of a strictly higher priority;
 * - `modifyHeaders` applies only when its priority is higher than the winning allow/allowAllRequests rule, and
 *   never when the request was blocked or redirected.
 *
 * Consequences that shaped the numbers:
 * - Tracking-parameter rules sit below every block rule: a redirect whose transform changes nothing lets the
 *   request continue untouched (MDN declarativeNetRequest.Redirect, "the action does not change the
 *   request"), so a no-op redirect that out-ranked a block would let a tracker through.
 * - GPC is above everything: it must reach companies the user allowed (that is where the signal matters) and
 *   sites where protection is paused; it is a request, not a blocker, and has its own switch.
 * - A per-company choice is more specific than a site mode, so company allow/block out-rank off/strict.
 * - Surrogates (a blocked script replaced by a local stand-in) out-rank every block they stand in for, site
 *   `strict` included, and lose to site `off` and a company allowed on a site, where the real script loads,
 *   and to a company blocked on a site, where the user asked for nothing from that company.
 *
 * Id ranges never overlap, so a rule id alone says which feature made a rule, whatever ruleset it is in.
 * Ids are positive int32 (both browsers validate `id >= 1`; Chrome stores it as int).
 */

export type RuleKind =
  | 'trackingParams'
  | 'trackingParamsScoped'
  | 'trackingParamsException'
  | 'gpc'
  | 'siteOff'
  | 'siteStrict'
  | 'companyAllow'
  | 'companyBlock'
  | 'cnameCloak'
  | 'trackerBlock'
  | 'surrogate';

export interface RuleKindSpec {
  priority: number;
  action: 'block' | 'redirect' | 'allow' | 'allowAllRequests' | 'modifyHeaders';
  /** Where the rules live: static rulesets in the package, or dynamic rules mirrored from storage. */
  scope: 'static' | 'dynamic';
  /** Inclusive id range. */
  firstId: number;
  lastId: number;
}

/** Static tracker rules: one slot of this many ids per category (see categories.ts for the slot numbers). */
export const TRACKER_SLOT_SIZE = 100_000_000;
export const TRACKER_SLOT_COUNT = 16;
const TRACKER_FIRST_ID = 100_000_000;

export const RULE_TABLE: Readonly<Record<RuleKind, RuleKindSpec>> = {
  // Strip tracking parameters from navigations (tracking-params.ts). Lowest: never pre-empts a block.
  trackingParams: { priority: 1, action: 'redirect', scope: 'static', firstId: 1, lastId: 799 },
  // Parameters stripped only on some hosts (e.g. `si` on youtube.com); above the generic rules so their
  // larger removeParams list wins (one redirect per request: w3c/webextensions#468).
  trackingParamsScoped: { priority: 2, action: 'redirect', scope: 'static', firstId: 800, lastId: 899 },
  // Keep a parameter where it is functional (mkt_tok on unsubscribe links, the list's $denyallow hosts);
  // allow beats redirect.
  trackingParamsException: { priority: 2, action: 'allow', scope: 'static', firstId: 900, lastId: 999 },
  // Sec-GPC: 1 on every request (gpc.ts).
  gpc: { priority: 100, action: 'modifyHeaders', scope: 'static', firstId: 1_000, lastId: 1_009 },
  // Site `off`: allowAllRequests on the top-level document of the site (site-policy.ts).
  siteOff: { priority: 20, action: 'allowAllRequests', scope: 'dynamic', firstId: 10_000, lastId: 10_999 },
  // Site `strict`: block every tracker category from the site's documents.
  siteStrict: { priority: 10, action: 'block', scope: 'dynamic', firstId: 20_000, lastId: 29_999 },
  // One company allowed on one site.
  companyAllow: { priority: 30, action: 'allow', scope: 'dynamic', firstId: 30_000, lastId: 39_999 },
  // One company blocked on one site; beats `off` because it is the more specific choice.
  companyBlock: { priority: 40, action: 'block', scope: 'dynamic', firstId: 40_000, lastId: 49_999 },
  // First-party subdomains learned to CNAME to a tracker; same standing as a static tracker rule.
  cnameCloak: { priority: 3, action: 'block', scope: 'dynamic', firstId: 50_000, lastId: 59_999 },
  // A blocked tracker script redirected to its local stand-in (surrogates.ts), in the blocking rule's ruleset.
  surrogate: { priority: 11, action: 'redirect', scope: 'static', firstId: 2_000, lastId: 2_099 },
  // Static tracker rules, one id slot per category (tracker-compiler.ts).
  trackerBlock: {
    priority: 3,
    action: 'block',
    scope: 'static',
    firstId: TRACKER_FIRST_ID,
    lastId: TRACKER_FIRST_ID + TRACKER_SLOT_SIZE * TRACKER_SLOT_COUNT - 1,
  },
};

export function priorityOf(kind: RuleKind): number {
  return RULE_TABLE[kind].priority;
}

/** The inclusive id range of one category's static tracker rules. */
export function trackerSlotRange(slot: number): { firstId: number; lastId: number } {
  if (!Number.isInteger(slot) || slot < 0 || slot >= TRACKER_SLOT_COUNT) {
    throw new RangeError(`tracker slot ${slot} is outside 0..${TRACKER_SLOT_COUNT - 1}`);
  }
  const firstId = TRACKER_FIRST_ID + slot * TRACKER_SLOT_SIZE;
  return { firstId, lastId: firstId + TRACKER_SLOT_SIZE - 1 };
}

export function isInRange(kind: RuleKind, id: number): boolean {
  const { firstId, lastId } = RULE_TABLE[kind];
  return Number.isInteger(id) && id >= firstId && id <= lastId;
}

/** The kind whose range holds `id`, or undefined for an id Diffuse never makes. */
export function kindOfRuleId(id: number): RuleKind | undefined {
  return (Object.keys(RULE_TABLE) as RuleKind[]).find((kind) => isInRange(kind, id));
}

/**
 * Hands out ids of one range in order. Used for rules whose set is small and rebuilt whole from storage
 * (dynamic policy rules, anti-leak rules): the output only has to be deterministic for the same input.
 */
export function sequentialIds(kind: RuleKind): () => number {
  const { firstId, lastId } = RULE_TABLE[kind];
  let next = firstId;
  return () => {
    if (next > lastId) throw new RangeError(`rule id range "${kind}" (${firstId}..${lastId}) is exhausted`);
    return next++;
  };
}

/**
 * FNV-1a (32 bit) of a string: small, dependency-free and stable across platforms, which is all the
 * tracker id assignment needs (it is not a security boundary).
 */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/**
 * Assigns each key an id inside [firstId, lastId] derived from the key alone (hash), so a key keeps its id
 * when other keys come or go. A collision moves the later key (in sorted order) to the next free id; with
 * ~2,000 keys in a 100,000,000-id slot that happens in roughly 2 builds in 100, and moves only that key.
 * A sorted sequential numbering would instead renumber every key after an insertion.
 */
export function hashedIds(keys: Iterable<string>, firstId: number, lastId: number): Map<string, number> {
  const size = lastId - firstId + 1;
  const sorted = [...new Set(keys)].sort();
  if (sorted.length > size) throw new RangeError(`${sorted.length} keys do not fit ${size} ids`);
  const taken = new Set<number>();
  const ids = new Map<string, number>();
  for (const key of sorted) {
    let offset = fnv1a32(key) % size;
    while (taken.has(offset)) offset = (offset + 1) % size;
    taken.add(offset);
    ids.set(key, firstId + offset);
  }
  return ids;
}
