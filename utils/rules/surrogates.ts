import type { DnrRule, StaticRuleset } from './dnr-types';
import { RULE_TABLE, sequentialIds } from './priorities';
import { conditionMatches } from './url-filter-match';

/**
 * Tracker scripts that pages call into, replaced by local stand-ins (public/surrogates/*.js) instead of being
 * simply blocked: a page that calls `ga()` or waits for a `hitCallback` before following a link breaks when
 * the script is gone (DuckDuckGo and uBlock Origin ship such "surrogates" for the same reason). The stand-ins
 * send nothing; they only give the page the API it expects.
 *
 * A surrogate replaces a request only where Diffuse would block it: its redirect rule is derived from the
 * tracker rule that blocks a sample URL of the script, copying that rule's conditions (third party, not from
 * the company's own sites) into the same ruleset, so it is on exactly when the category is blocked. A script
 * no default rule blocks (gtm.js: googletagmanager.com is attributed, not blocked) gets no rule.
 */
export interface Surrogate {
  /** File under the package root, made web-accessible by the manifest. */
  file: string;
  /** Hosts serving the script (and their subdomains). */
  hosts: string[];
  /** DNR urlFilter of the script's path; `^` after it (a separator or the end) stops `/gtag/jsx`. */
  path: string;
  /** A real URL of the script, used to find the rule that blocks it. */
  sample: string;
}

export const SURROGATE_DIR = 'surrogates';

export const SURROGATES: readonly Surrogate[] = [
  // Universal Analytics (https://developers.google.com/analytics/devguides/collection/analyticsjs).
  { file: 'surrogates/google-analytics.js', hosts: ['google-analytics.com'], path: '/analytics.js^', sample: 'https://www.google-analytics.com/analytics.js' },
  { file: 'surrogates/google-analytics.js', hosts: ['google-analytics.com'], path: '/analytics_debug.js^', sample: 'https://www.google-analytics.com/analytics_debug.js' },
  // The Google tag (GA4 and Ads) and Tag Manager containers share the data layer model.
  { file: 'surrogates/google-tag.js', hosts: ['googletagmanager.com'], path: '/gtag/js^', sample: 'https://www.googletagmanager.com/gtag/js?id=G-DIFFUSE' },
  { file: 'surrogates/google-tag.js', hosts: ['googletagmanager.com'], path: '/gtm.js^', sample: 'https://www.googletagmanager.com/gtm.js?id=GTM-DIFFUSE' },
  // Google Publisher Tag (Ad Manager).
  { file: 'surrogates/gpt.js', hosts: ['securepubads.g.doubleclick.net'], path: '/tag/js/gpt.js^', sample: 'https://securepubads.g.doubleclick.net/tag/js/gpt.js' },
  { file: 'surrogates/gpt.js', hosts: ['googletagservices.com'], path: '/tag/js/gpt.js^', sample: 'https://www.googletagservices.com/tag/js/gpt.js' },
  // AdSense.
  { file: 'surrogates/adsbygoogle.js', hosts: ['pagead2.googlesyndication.com'], path: '/pagead/js/adsbygoogle.js^', sample: 'https://pagead2.googlesyndication.com/pagead/js/adsbygoogle.js?client=ca-pub-1' },
  // Meta Pixel, loaded per locale (/en_US/fbevents.js).
  { file: 'surrogates/fbevents.js', hosts: ['connect.facebook.net'], path: '/fbevents.js^', sample: 'https://connect.facebook.net/en_US/fbevents.js' },
];

/** The files the manifest makes web-accessible: the surrogates and nothing else. */
export function surrogateFiles(): string[] {
  return [...new Set(SURROGATES.map((s) => s.file))].sort();
}

/** A third-party page loading the script, as the block rules see it. */
const SAMPLE_PAGE = 'www.diffuse-shop.com';

/**
 * Adds to each tracker ruleset a redirect rule for every surrogate whose sample one of its block rules
 * blocks. Returns the rulesets with the rules added (ids from the `surrogate` range, in order) and, for the
 * record, which surrogate went where.
 */
export function addSurrogateRules(rulesets: readonly StaticRuleset[]): { rulesets: StaticRuleset[]; placed: { file: string; sample: string; ruleset: string }[] } {
  const nextId = sequentialIds('surrogate');
  const placed: { file: string; sample: string; ruleset: string }[] = [];
  const out = rulesets.map((ruleset) => ({ ...ruleset, rules: [...ruleset.rules] }));
  for (const surrogate of SURROGATES) {
    const request = { url: surrogate.sample, type: 'script' as const, initiator: SAMPLE_PAGE, thirdParty: true };
    for (const ruleset of out) {
      if (ruleset.category === null) continue;
      const blocking = ruleset.rules.find((rule) => rule.action.type === 'block' && conditionMatches(rule, request));
      if (!blocking) continue;
      ruleset.rules.push(surrogateRule(nextId(), surrogate, blocking));
      placed.push({ file: surrogate.file, sample: surrogate.sample, ruleset: ruleset.id });
      break;
    }
  }
  return { rulesets: out, placed };
}

function surrogateRule(id: number, surrogate: Surrogate, blocking: DnrRule): DnrRule {
  const { excludedInitiatorDomains, excludedRequestDomains } = blocking.condition;
  return {
    id,
    priority: RULE_TABLE.surrogate.priority,
    action: { type: 'redirect', redirect: { extensionPath: `/${surrogate.file}` } },
    condition: {
      urlFilter: surrogate.path,
      requestDomains: surrogate.hosts,
      ...(excludedRequestDomains ? { excludedRequestDomains } : {}),
      ...(excludedInitiatorDomains ? { excludedInitiatorDomains } : {}),
      resourceTypes: ['script'],
      domainType: 'thirdParty',
    },
  };
}
